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

constexpr std::array<std::pair<Condition, std::string_view>, 22> kConditionText{{
    {Condition::kValid, "the token is valid for this request"},
    {Condition::kMalformed, "the token cannot be decoded"},
    {Condition::kUnsupportedVersion, "the token is not of this scheme's version"},
    {Condition::kInvalidSecret, "the secret given to the verifier has the wrong shape"},
    {Condition::kInvalidAppId, "the app id given is not a valid app id"},
    {Condition::kTokenMissing, "the project requires a token and none was given"},
    {Condition::kTokenUnexpected, "a token was given to a project that has no certificate"},
    {Condition::kBadSignature, "the signature does not match: wrong secret or tampered token"},
    {Condition::kDecryptFailed, "the token does not decrypt under this secret"},
    {Condition::kPayloadInvalid, "the decoded claims are not the expected JSON"},
    {Condition::kExpireMismatch, "the clear-text expiry differs from the encrypted one"},
    {Condition::kExpired, "the token has expired"},
    {Condition::kPrivilegeExpired, "a required privilege has expired"},
    {Condition::kAppIdMismatch, "the token was built for another app id"},
    {Condition::kChannelMismatch, "the token was built for another channel"},
    {Condition::kRoomMismatch, "the token was built for another room"},
    {Condition::kUidMismatch, "the token was built for another uid"},
    {Condition::kUserIdMismatch, "the token was built for another user id"},
    {Condition::kServiceMissing, "the token grants no service of the requested type"},
    {Condition::kPrivilegeMissing, "the token lacks a required privilege"},
    {Condition::kStreamNotAllowed, "the stream id is not in the token's stream list"},
    {Condition::kUserbufMismatch, "the token's userbuf is absent or different"},
}};

constexpr std::array<std::pair<Malformation, std::string_view>, 16> kMalformationText{{
    {Malformation::kNone, "no malformation"},
    {Malformation::kEmpty, "the token is empty"},
    {Malformation::kBadPrefix, "the token does not start with the scheme's version"},
    {Malformation::kBadAppId, "the clear-text app id has the wrong length or characters"},
    {Malformation::kBadBase64, "the body is not base64"},
    {Malformation::kNonCanonicalBase64,
     "the body is base64 only under lenient rules (padding, alphabet or whitespace)"},
    {Malformation::kTruncated, "the token ends in the middle of a field"},
    {Malformation::kLengthOverflow, "a length or count points past the end of the token"},
    {Malformation::kTrailingBytes, "bytes follow the last field"},
    {Malformation::kUnsortedMap, "map keys are not in strictly ascending order"},
    {Malformation::kBadZlib, "the body is not a valid zlib stream"},
    {Malformation::kZlibTooLarge, "the body inflates beyond the size limit (compression bomb)"},
    {Malformation::kTrailingAfterZlib, "bytes follow the end of the zlib stream"},
    {Malformation::kBadField, "a field has an impossible value"},
    {Malformation::kBadMode, "the cipher mode byte is unknown"},
    {Malformation::kBadJson, "the claims are not strict JSON"},
}};

}  // namespace

std::string_view describe(Condition c) { return lookup_name(kConditionText, c); }
std::string_view describe(Malformation m) { return lookup_name(kMalformationText, m); }

std::string_view to_string(Condition c) { return lookup_name(kConditionNames, c); }
std::string_view to_string(Malformation m) { return lookup_name(kMalformationNames, m); }
std::optional<Condition> condition_from_string(std::string_view name) {
  return lookup_value<Condition>(kConditionNames, name);
}
std::optional<Malformation> malformation_from_string(std::string_view name) {
  return lookup_value<Malformation>(kMalformationNames, name);
}

}  // namespace tokcheck
