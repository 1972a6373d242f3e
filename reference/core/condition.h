// The closed set of outcomes every verifier in tokcheck can return, and the finer
// reasons a token can be malformed. Vendors' error codes are attached to these in
// reference/codes/ (one table per vendor); nothing else maps conditions to codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tokcheck {

// A verify verdict is exactly one of these. Order is not meaningful; names are the
// wire names used in vectors, the CLI and the runner protocol.
enum class Condition : std::uint8_t {
  kValid,
  kMalformed,           // cannot be decoded/parsed; see Malformation for why
  kUnsupportedVersion,  // prefix/version is not the scheme's (e.g. 006 body under 007)
  kInvalidSecret,       // the verifier's secret itself has the wrong shape
  kInvalidAppId,        // the app id the caller bound is not a valid app id
  kTokenMissing,        // the project requires a token and none was given
  kTokenUnexpected,     // a token was given to a project that has no certificate
  kBadSignature,        // HMAC mismatch (includes truncated/extended tags)
  kDecryptFailed,       // AES: wrong key, bad padding, bad GCM tag
  kPayloadInvalid,      // decrypted/decoded claims are not the expected JSON
  kExpireMismatch,      // ZEGO: header expire differs from the JSON expire
  kExpired,             // token-level expiry reached
  kPrivilegeExpired,    // a required privilege's own expiry reached
  kAppIdMismatch,
  kChannelMismatch,   // Agora channel name (006: CRC32 binding)
  kRoomMismatch,      // ZEGO / Volcengine room id
  kUidMismatch,       // Agora uid (006: CRC32 binding) or 007 Streaming/FCDN account
  kUserIdMismatch,    // user id (RTM, Chat, ZEGO, Volcengine) or Tencent identifier
  kServiceMissing,    // Agora 007: no service of the requested type/binding
  kPrivilegeMissing,  // a required privilege is absent or disabled
  kStreamNotAllowed,  // ZEGO: stream id not in stream_id_list
  kUserbufMismatch,   // Tencent: PrivateMapKey userbuf absent/different
};

inline constexpr Condition kAllConditions[] = {
    Condition::kValid,
    Condition::kMalformed,
    Condition::kUnsupportedVersion,
    Condition::kInvalidSecret,
    Condition::kInvalidAppId,
    Condition::kTokenMissing,
    Condition::kTokenUnexpected,
    Condition::kBadSignature,
    Condition::kDecryptFailed,
    Condition::kPayloadInvalid,
    Condition::kExpireMismatch,
    Condition::kExpired,
    Condition::kPrivilegeExpired,
    Condition::kAppIdMismatch,
    Condition::kChannelMismatch,
    Condition::kRoomMismatch,
    Condition::kUidMismatch,
    Condition::kUserIdMismatch,
    Condition::kServiceMissing,
    Condition::kPrivilegeMissing,
    Condition::kStreamNotAllowed,
    Condition::kUserbufMismatch,
};

// Why a token could not be decoded. kNone means "no malformation".
enum class Malformation : std::uint8_t {
  kNone,
  kEmpty,
  kBadPrefix,           // does not start with the scheme's version string
  kBadAppId,            // the clear-text app id field has the wrong length/alphabet
  kBadBase64,           // not base64 at all (in the mode used)
  kNonCanonicalBase64,  // decodes leniently but is not the canonical encoding
  kTruncated,           // a fixed-size field runs past the end
  kLengthOverflow,      // a length prefix or count points past the end
  kTrailingBytes,       // bytes left after the last field
  kUnsortedMap,         // map keys not strictly ascending (non-canonical)
  kBadZlib,             // not a valid zlib stream
  kZlibTooLarge,        // inflates beyond the hard output cap (compression bomb)
  kTrailingAfterZlib,   // bytes after the end of the zlib stream
  kBadField,            // a field has an impossible value (e.g. IV length)
  kBadMode,             // ZEGO trailing mode byte is not a known mode
  kBadJson,             // claims are not strict JSON
};

std::string_view to_string(Condition c);
std::string_view to_string(Malformation m);
std::optional<Condition> condition_from_string(std::string_view name);
std::optional<Malformation> malformation_from_string(std::string_view name);
// One sentence for people: what the condition / malformation means.
std::string_view describe(Condition c);
std::string_view describe(Malformation m);

}  // namespace tokcheck
