// Reading request fields with clear errors. Every accessor throws UsageError
// naming the field, so a bad request says what to fix instead of crashing.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/schemes/scheme.h"
#include "reference/vendors/agora/agora_common.h"

namespace tokcheck::schemes {

std::string req_string(const Json& in, std::string_view key);
std::optional<std::string> opt_string(const Json& in, std::string_view key);
std::int64_t req_int(const Json& in, std::string_view key, std::int64_t min, std::int64_t max);
std::optional<std::int64_t> opt_int(const Json& in, std::string_view key, std::int64_t min,
                                    std::int64_t max);
std::uint32_t req_u32(const Json& in, std::string_view key);
std::optional<std::uint32_t> opt_u32(const Json& in, std::string_view key);
bool has(const Json& in, std::string_view key);  // present and not null

// "base64": "strict" (default) | "lenient"
Base64Mode base64_mode(const Json& in);
// "now": unix seconds (required for verify)
std::int64_t req_now(const Json& in);

// {"1": 600, "2": 0}: privilege id (decimal string, 0..65535) → u32 value.
agora::PrivilegeMap privileges_from_json(const Json& in, std::string_view key);
Json privileges_to_json(const agora::PrivilegeMap& map);
// [1, 2]: privilege ids a verifier must find (absent key → none).
std::vector<std::uint16_t> required_privileges(const Json& in, std::string_view key);

// Agora's uid rule for JSON: a number → "" for 0 else decimal; a string verbatim.
std::string agora_uid(const Json& value, std::string_view key);

// {"code": ..., "message": ...} for build errors.
Json build_error(const Json& code, std::string_view message);

}  // namespace tokcheck::schemes
