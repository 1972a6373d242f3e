#include "reference/schemes/json_fields.h"

#include <charconv>
#include <limits>

namespace tokcheck::schemes {
namespace {

[[noreturn]] void bad(std::string_view key, std::string_view what) {
  throw UsageError("field \"" + std::string(key) + "\": " + std::string(what));
}

const Json* field(const Json& in, std::string_view key) {
  if (!in.is_object()) throw UsageError("request must be a JSON object");
  auto it = in.find(key);
  if (it == in.end() || it->is_null()) return nullptr;
  return &*it;
}

}  // namespace

bool has(const Json& in, std::string_view key) { return field(in, key) != nullptr; }

std::optional<std::string> opt_string(const Json& in, std::string_view key) {
  const Json* v = field(in, key);
  if (!v) return std::nullopt;
  if (!v->is_string()) bad(key, "must be a string");
  return v->get<std::string>();
}

std::string req_string(const Json& in, std::string_view key) {
  auto v = opt_string(in, key);
  if (!v) bad(key, "is required");
  return *v;
}

std::optional<std::int64_t> opt_int(const Json& in, std::string_view key, std::int64_t min,
                                    std::int64_t max) {
  const Json* v = field(in, key);
  if (!v) return std::nullopt;
  std::int64_t n = 0;
  if (v->is_number_unsigned()) {
    const auto u = v->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      bad(key, "out of range");
    }
    n = static_cast<std::int64_t>(u);
  } else if (v->is_number_integer()) {
    n = v->get<std::int64_t>();
  } else {
    bad(key, "must be an integer");
  }
  if (n < min || n > max) {
    bad(key, "must be in [" + std::to_string(min) + ", " + std::to_string(max) + "]");
  }
  return n;
}

std::int64_t req_int(const Json& in, std::string_view key, std::int64_t min, std::int64_t max) {
  auto v = opt_int(in, key, min, max);
  if (!v) bad(key, "is required");
  return *v;
}

std::uint32_t req_u32(const Json& in, std::string_view key) {
  return static_cast<std::uint32_t>(req_int(in, key, 0, 0xFFFFFFFFll));
}

std::optional<std::uint32_t> opt_u32(const Json& in, std::string_view key) {
  auto v = opt_int(in, key, 0, 0xFFFFFFFFll);
  if (!v) return std::nullopt;
  return static_cast<std::uint32_t>(*v);
}

Base64Mode base64_mode(const Json& in) {
  const auto mode = opt_string(in, "base64");
  if (!mode || *mode == "strict") return Base64Mode::kStrict;
  if (*mode == "lenient") return Base64Mode::kLenient;
  bad("base64", "must be \"strict\" or \"lenient\"");
}

std::int64_t req_now(const Json& in) {
  return req_int(in, "now", std::numeric_limits<std::int64_t>::min() / 2,
                 std::numeric_limits<std::int64_t>::max() / 2);
}

namespace {
std::uint16_t privilege_key(std::string_view text, std::string_view key) {
  unsigned value = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
  if (ec != std::errc() || end != text.data() + text.size() || value > 0xFFFF || text.empty() ||
      (text.size() > 1 && text[0] == '0')) {
    bad(key, "keys must be privilege numbers 0..65535 written in decimal");
  }
  return static_cast<std::uint16_t>(value);
}
}  // namespace

agora::PrivilegeMap privileges_from_json(const Json& in, std::string_view key) {
  agora::PrivilegeMap out;
  const Json* v = field(in, key);
  if (!v) return out;
  if (!v->is_object()) bad(key, "must be an object of privilege → value");
  for (auto it = v->begin(); it != v->end(); ++it) {
    const std::uint16_t k = privilege_key(it.key(), key);
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
        it->get<std::int64_t>() > 0xFFFFFFFFll) {
      bad(key, "values must be integers in [0, 4294967295]");
    }
    out.emplace_back(k, static_cast<std::uint32_t>(it->get<std::int64_t>()));
  }
  return out;
}

Json privileges_to_json(const agora::PrivilegeMap& map) {
  Json out = Json::object();
  for (const auto& [k, v] : map) out[std::to_string(k)] = v;
  return out;
}

std::vector<std::uint16_t> required_privileges(const Json& in, std::string_view key) {
  std::vector<std::uint16_t> out;
  const Json* v = field(in, key);
  if (!v) return out;
  if (!v->is_array()) bad(key, "must be an array of privilege numbers");
  for (const Json& p : *v) {
    if (!p.is_number_integer() || p.get<std::int64_t>() < 0 || p.get<std::int64_t>() > 0xFFFF) {
      bad(key, "entries must be integers in [0, 65535]");
    }
    out.push_back(static_cast<std::uint16_t>(p.get<std::int64_t>()));
  }
  return out;
}

std::string agora_uid(const Json& value, std::string_view key) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
    const auto n = value.get<std::uint64_t>();
    if (n > 0xFFFFFFFFull) bad(key, "a numeric uid must fit in 32 bits");
    return agora::uid_from_number(n);
  }
  bad(key, "must be a string or a non-negative integer");
}

Json build_error(const Json& code, std::string_view message) {
  return Json{{"code", code}, {"message", std::string(message)}};
}

}  // namespace tokcheck::schemes
