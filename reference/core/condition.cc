#include "reference/core/condition.h"

#include <array>
#include <utility>

namespace tokcheck {
namespace {

constexpr std::array<std::pair<Condition, std::string_view>, 22> kConditionNames{{
    {Condition::kValid, "valid"},
    {Condition::kMalformed, "malformed"},
    {Condition::kUnsupportedVersion, "unsupported_version"},
    {Condition::kInvalidSecret, "invalid_secret"},
    {Condition::kInvalidAppId, "invalid_app_id"},
    {Condition::kTokenMissing, "token_missing"},
    {Condition::kTokenUnexpected, "token_unexpected"},
    {Condition::kBadSignature, "bad_signature"},
    {Condition::kDecryptFailed, "decrypt_failed"},
    {Condition::kPayloadInvalid, "payload_invalid"},
    {Condition::kExpireMismatch, "expire_mismatch"},
    {Condition::kExpired, "expired"},
    {Condition::kPrivilegeExpired, "privilege_expired"},
    {Condition::kAppIdMismatch, "app_id_mismatch"},
    {Condition::kChannelMismatch, "channel_mismatch"},
    {Condition::kRoomMismatch, "room_mismatch"},
    {Condition::kUidMismatch, "uid_mismatch"},
    {Condition::kUserIdMismatch, "user_id_mismatch"},
    {Condition::kServiceMissing, "service_missing"},
    {Condition::kPrivilegeMissing, "privilege_missing"},
    {Condition::kStreamNotAllowed, "stream_not_allowed"},
    {Condition::kUserbufMismatch, "userbuf_mismatch"},
}};

constexpr std::array<std::pair<Malformation, std::string_view>, 16> kMalformationNames{{
    {Malformation::kNone, "none"},
    {Malformation::kEmpty, "empty"},
    {Malformation::kBadPrefix, "bad_prefix"},
    {Malformation::kBadAppId, "bad_app_id"},
    {Malformation::kBadBase64, "bad_base64"},
    {Malformation::kNonCanonicalBase64, "non_canonical_base64"},
    {Malformation::kTruncated, "truncated"},
    {Malformation::kLengthOverflow, "length_overflow"},
    {Malformation::kTrailingBytes, "trailing_bytes"},
    {Malformation::kUnsortedMap, "unsorted_map"},
    {Malformation::kBadZlib, "bad_zlib"},
    {Malformation::kZlibTooLarge, "zlib_too_large"},
    {Malformation::kTrailingAfterZlib, "trailing_after_zlib"},
    {Malformation::kBadField, "bad_field"},
    {Malformation::kBadMode, "bad_mode"},
    {Malformation::kBadJson, "bad_json"},
}};

template <typename Table, typename Enum>
std::string_view lookup_name(const Table& table, Enum value) {
  for (const auto& [e, name] : table) {
    if (e == value) return name;
  }
  return "unknown";
}

template <typename Enum, typename Table>
std::optional<Enum> lookup_value(const Table& table, std::string_view name) {
  for (const auto& [e, n] : table) {
    if (n == name) return e;
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Condition c) { return lookup_name(kConditionNames, c); }
std::string_view to_string(Malformation m) { return lookup_name(kMalformationNames, m); }
std::optional<Condition> condition_from_string(std::string_view name) {
  return lookup_value<Condition>(kConditionNames, name);
}
std::optional<Malformation> malformation_from_string(std::string_view name) {
  return lookup_value<Malformation>(kMalformationNames, name);
}

}  // namespace tokcheck
