#include "reference/schemes/json_fields.h"

#include <charconv>
#include <limits>

namespace tokcheck::schemes {

std::string join_path(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

void usage(std::string_view path, std::string_view what) {
  if (path.empty()) throw UsageError("the request " + std::string(what));
  throw UsageError("field \"" + std::string(path) + "\": " + std::string(what));
}

namespace {

// The member `key` of object `v`, or null when absent or JSON null.
const Json* field(const Json& v, std::string_view path, std::string_view key) {
  if (!v.is_object()) usage(path, "must be a JSON object");
  const auto it = v.find(key);
  if (it == v.end() || it->is_null()) return nullptr;
  return &*it;
}

const Json* field(const Json& in, std::string_view key) { return field(in, "", key); }

}  // namespace

void only_keys(const Json& v, std::string_view path,
               std::initializer_list<std::string_view> allowed) {
  if (!v.is_object()) usage(path, "must be a JSON object");
  for (auto it = v.begin(); it != v.end(); ++it) {
    bool known = false;
    for (std::string_view a : allowed) known = known || it.key() == a;
    if (!known) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      usage(join_path(path, it.key()), "unknown field (allowed here: " + list + ")");
    }
  }
}

bool has(const Json& in, std::string_view key) {
  if (!in.is_object()) return false;
  const auto it = in.find(key);
  return it != in.end() && !it->is_null();
}

std::optional<std::string> opt_string(const Json& v, std::string_view path, std::string_view key) {
  const Json* f = field(v, path, key);
  if (!f) return std::nullopt;
  if (!f->is_string()) usage(join_path(path, key), "must be a string");
  return f->get<std::string>();
}

std::string req_string(const Json& v, std::string_view path, std::string_view key) {
  auto s = opt_string(v, path, key);
  if (!s) usage(join_path(path, key), "is required");
  return *s;
}

std::optional<std::int64_t> opt_int(const Json& v, std::string_view path, std::string_view key,
                                    std::int64_t min, std::int64_t max) {
  const Json* f = field(v, path, key);
  if (!f) return std::nullopt;
  // The path is joined only for a message: reading a good integer builds no string.
  std::int64_t n = 0;
  if (f->is_number_unsigned()) {
    const auto u = f->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      usage(join_path(path, key), "out of range");
    }
    n = static_cast<std::int64_t>(u);
  } else if (f->is_number_integer()) {
    // A parsed positive number is unsigned; a JSON value built in C++ may be a
    // signed one, so both kinds are read.
    n = f->get<std::int64_t>();
  } else {
    usage(join_path(path, key), "must be an integer");
  }
  if (n < min || n > max) {
    usage(join_path(path, key),
          "out of range (must be in [" + std::to_string(min) + ", " + std::to_string(max) + "])");
  }
  return n;
}

std::int64_t req_int(const Json& v, std::string_view path, std::string_view key, std::int64_t min,
                     std::int64_t max) {
  auto n = opt_int(v, path, key, min, max);
  if (!n) usage(join_path(path, key), "is required");
  return *n;
}

bool opt_bool(const Json& v, std::string_view path, std::string_view key, bool fallback) {
  const Json* f = field(v, path, key);
  if (!f) return fallback;
  if (!f->is_boolean()) usage(join_path(path, key), "must be true or false");
  return f->get<bool>();
}

bool req_bool(const Json& v, std::string_view path, std::string_view key) {
  if (!has(v, key)) usage(join_path(path, key), "is required");
  return opt_bool(v, path, key, false);
}

std::string req_choice(const Json& v, std::string_view path, std::string_view key,
                       std::initializer_list<std::string_view> choices) {
  const std::string s = req_string(v, path, key);
  std::string list;
  for (std::string_view c : choices) {
    if (s == c) return s;
    list += (list.empty() ? "" : ", ") + std::string(c);
  }
  usage(join_path(path, key), "\"" + s + "\" is not one of: " + list);
}

std::optional<std::string> opt_string(const Json& in, std::string_view key) {
  return opt_string(in, "", key);
}

std::string req_string(const Json& in, std::string_view key) { return req_string(in, "", key); }

std::optional<std::int64_t> opt_int(const Json& in, std::string_view key, std::int64_t min,
                                    std::int64_t max) {
  return opt_int(in, "", key, min, max);
}

std::int64_t req_int(const Json& in, std::string_view key, std::int64_t min, std::int64_t max) {
  return req_int(in, "", key, min, max);
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
  usage("base64", "must be \"strict\" or \"lenient\"");
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
    usage(key, "keys must be privilege numbers 0..65535 written in decimal");
  }
  return static_cast<std::uint16_t>(value);
}
}  // namespace

PrivilegeMap privileges_from_json(const Json& in, std::string_view key) {
  PrivilegeMap out;
  const Json* v = field(in, key);
  if (!v) return out;
  if (!v->is_object()) usage(key, "must be an object of privilege → value");
  for (auto it = v->begin(); it != v->end(); ++it) {
    const std::uint16_t k = privilege_key(it.key(), key);
    if (!it->is_number_integer() || it->get<std::int64_t>() < 0 ||
        it->get<std::int64_t>() > 0xFFFFFFFFll) {
      usage(key, "values must be integers in [0, 4294967295]");
    }
    out.emplace_back(k, static_cast<std::uint32_t>(it->get<std::int64_t>()));
  }
  return out;
}

Json privileges_to_json(const PrivilegeMap& map) {
  Json out = Json::object();
  for (const auto& [k, v] : map) out[std::to_string(k)] = v;
  return out;
}

std::vector<std::uint16_t> required_privileges(const Json& in, std::string_view key) {
  std::vector<std::uint16_t> out;
  const Json* v = field(in, key);
  if (!v) return out;
  if (!v->is_array()) usage(key, "must be an array of privilege numbers");
  for (const Json& p : *v) {
    if (!p.is_number_integer() || p.get<std::int64_t>() < 0 || p.get<std::int64_t>() > 0xFFFF) {
      usage(key, "entries must be integers in [0, 65535]");
    }
    out.push_back(static_cast<std::uint16_t>(p.get<std::int64_t>()));
  }
  return out;
}

Json build_error(const Json& code, std::string_view message) {
  return Json{{"code", code}, {"message", std::string(message)}};
}

}  // namespace tokcheck::schemes
