// The one reader for request and scenario JSON: every accessor throws UsageError
// naming the field by its path (`field "now": is required`, `field
// "events[3].token": must be a string`), so a bad request or scenario says what
// to fix instead of crashing or producing odd outputs. Scheme adapters read
// their flat requests with the path-less forms; the lifecycle engine passes the
// path of the object it reads (reference/lifecycle/fields.h adds the scenario
// integer range).
#pragma once

#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/privilege_map.h"
#include "reference/schemes/scheme.h"

namespace tokcheck::schemes {

// --- Path-aware forms: `path` names the object `v` ("" = the request itself,
// "events[3]", "profile"); messages name join_path(path, key).
std::string join_path(std::string_view path, std::string_view key);
// Throws UsageError: `field "<path>": <what>` (or `the request <what>` at the top).
[[noreturn]] void usage(std::string_view path, std::string_view what);
// Throws unless `v` is an object whose keys are all in `allowed`.
void only_keys(const Json& v, std::string_view path,
               std::initializer_list<std::string_view> allowed);
std::optional<std::string> opt_string(const Json& v, std::string_view path, std::string_view key);
std::string req_string(const Json& v, std::string_view path, std::string_view key);
std::optional<std::int64_t> opt_int(const Json& v, std::string_view path, std::string_view key,
                                    std::int64_t min, std::int64_t max);
std::int64_t req_int(const Json& v, std::string_view path, std::string_view key, std::int64_t min,
                     std::int64_t max);
bool opt_bool(const Json& v, std::string_view path, std::string_view key, bool fallback);
bool req_bool(const Json& v, std::string_view path, std::string_view key);
// `value` must be one of `choices`; the error lists them.
std::string req_choice(const Json& v, std::string_view path, std::string_view key,
                       std::initializer_list<std::string_view> choices);

// --- Top-level forms for a scheme's flat request (path "").
std::string req_string(const Json& in, std::string_view key);
std::optional<std::string> opt_string(const Json& in, std::string_view key);
std::int64_t req_int(const Json& in, std::string_view key, std::int64_t min, std::int64_t max);
std::optional<std::int64_t> opt_int(const Json& in, std::string_view key, std::int64_t min,
                                    std::int64_t max);
std::uint32_t req_u32(const Json& in, std::string_view key);
std::optional<std::uint32_t> opt_u32(const Json& in, std::string_view key);
// Present and not null (false when `in` is not an object).
bool has(const Json& in, std::string_view key);

// "base64": "strict" (default) | "lenient"
Base64Mode base64_mode(const Json& in);
// "now": unix seconds (required for verify)
std::int64_t req_now(const Json& in);

// {"1": 600, "2": 0}: privilege id (decimal string, 0..65535) → u32 value.
PrivilegeMap privileges_from_json(const Json& in, std::string_view key);
Json privileges_to_json(const PrivilegeMap& map);
// [1, 2]: privilege ids a verifier must find (absent key → none).
std::vector<std::uint16_t> required_privileges(const Json& in, std::string_view key);

// {"code": ..., "message": ...} for build errors.
Json build_error(const Json& code, std::string_view message);

}  // namespace tokcheck::schemes
