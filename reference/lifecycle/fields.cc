#include "reference/lifecycle/fields.h"

#include <limits>

namespace tokcheck::lifecycle {

void usage(std::string_view path, std::string_view what) {
  throw UsageError(std::string(path) + ": " + std::string(what));
}

std::string join_path(std::string_view path, std::string_view key) {
  return path.empty() ? std::string(key) : std::string(path) + "." + std::string(key);
}

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

bool has(const Json& v, std::string_view key) {
  if (!v.is_object()) return false;
  const auto it = v.find(key);
  return it != v.end() && !it->is_null();
}

std::optional<std::string> opt_string(const Json& v, std::string_view path, std::string_view key) {
  if (!has(v, key)) return std::nullopt;
  const Json& f = v.at(std::string(key));
  if (!f.is_string()) usage(join_path(path, key), "must be a string");
  return f.get<std::string>();
}

std::string req_string(const Json& v, std::string_view path, std::string_view key) {
  auto s = opt_string(v, path, key);
  if (!s) usage(join_path(path, key), "is required");
  return *s;
}

std::optional<std::int64_t> opt_int(const Json& v, std::string_view path, std::string_view key) {
  if (!has(v, key)) return std::nullopt;
  const Json& f = v.at(std::string(key));
  if (f.is_number_unsigned()) {
    const auto u = f.get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(kMaxScenarioInt))
      usage(join_path(path, key), "out of range");
    return static_cast<std::int64_t>(u);
  }
  if (!f.is_number_integer()) usage(join_path(path, key), "must be an integer");
  const auto n = f.get<std::int64_t>();
  // Half the range keeps every sum of two scenario times from overflowing. (A
  // parsed positive number is unsigned; a JSON value built in C++ may be a
  // signed one, so both ends are checked here.)
  if (n < kMinScenarioInt || n > kMaxScenarioInt) usage(join_path(path, key), "out of range");
  return n;
}

std::int64_t req_int(const Json& v, std::string_view path, std::string_view key) {
  auto n = opt_int(v, path, key);
  if (!n) usage(join_path(path, key), "is required");
  return *n;
}

bool opt_bool(const Json& v, std::string_view path, std::string_view key, bool fallback) {
  if (!has(v, key)) return fallback;
  const Json& f = v.at(std::string(key));
  if (!f.is_boolean()) usage(join_path(path, key), "must be true or false");
  return f.get<bool>();
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

}  // namespace tokcheck::lifecycle
