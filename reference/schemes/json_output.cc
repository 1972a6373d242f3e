#include "reference/schemes/json_output.h"

#include "reference/core/ascii.h"

#include <cstdint>
#include <string_view>

#include "reference/core/utf8.h"

namespace tokcheck::schemes {
namespace {

bool needs_repair(const Json& value) {
  if (value.is_string()) return !is_valid_utf8(value.get_ref<const std::string&>());
  if (value.is_object()) {
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (!is_valid_utf8(it.key()) || needs_repair(it.value())) return true;
    }
    return false;
  }
  if (value.is_array()) {
    for (const Json& v : value) {
      if (needs_repair(v)) return true;
    }
  }
  return false;
}

Json repaired(const Json& value) {
  if (value.is_string()) return escape_invalid_utf8(value.get_ref<const std::string&>());
  if (value.is_object()) {
    Json out = Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      out[escape_invalid_utf8(it.key())] = repaired(it.value());
    }
    return out;
  }
  if (value.is_array()) {
    Json out = Json::array();
    for (const Json& v : value) out.push_back(repaired(v));
    return out;
  }
  return value;
}

}  // namespace

std::string escape_invalid_utf8(const std::string& text) {
  std::string out;
  out.reserve(text.size());
  const std::string_view s(text);
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(s, i, cp);
    if (n == 0) {
      append_byte_escape(out, static_cast<unsigned char>(s[i]));
      ++i;
    } else {
      out.append(s.substr(i, n));
      i += n;
    }
  }
  return out;
}

std::string safe_dump(const Json& value, int indent) {
  // The common case (all text is UTF-8) costs one scan and no copy.
  if (!needs_repair(value)) return value.dump(indent);
  return repaired(value).dump(indent);
}

}  // namespace tokcheck::schemes
