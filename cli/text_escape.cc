#include "cli/text_escape.h"

#include <cstdint>
#include <cstdio>

#include "reference/core/ascii.h"
#include "reference/core/utf8.h"

namespace tokcheck::cli {
namespace {

bool is_bidi_control(std::uint32_t cp) {
  return (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

}  // namespace

std::string printable(std::string_view text) {
  std::string out;
  out.reserve(text.size());
  std::size_t i = 0;
  while (i < text.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(text, i, cp);
    if (n == 0) {
      append_byte_escape(out, static_cast<unsigned char>(text[i]));
      ++i;
      continue;
    }
    if (cp < 0x20 || cp == 0x7F) {
      append_byte_escape(out, static_cast<unsigned char>(cp));
    } else if (cp >= 0x80 && cp <= 0x9F) {
      // C1 controls (CSI is U+009B): shown by code point, not by UTF-8 byte.
      append_byte_escape(out, static_cast<unsigned char>(cp));
    } else if (is_bidi_control(cp)) {
      char buf[16];
      std::snprintf(buf, sizeof buf, "\\u{%04X}", static_cast<unsigned>(cp));
      out += buf;
    } else {
      out.append(text.substr(i, n));
    }
    i += n;
  }
  return out;
}

schemes::Json printable_strings(const schemes::Json& value) {
  if (value.is_string()) return printable(value.get_ref<const std::string&>());
  if (value.is_object()) {
    schemes::Json out = schemes::Json::object();
    for (auto it = value.begin(); it != value.end(); ++it) {
      out[printable(it.key())] = printable_strings(it.value());
    }
    return out;
  }
  if (value.is_array()) {
    schemes::Json out = schemes::Json::array();
    for (const schemes::Json& v : value) out.push_back(printable_strings(v));
    return out;
  }
  return value;
}

}  // namespace tokcheck::cli
