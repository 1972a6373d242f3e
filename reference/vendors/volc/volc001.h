// Volcengine / ByteDance RTC AccessToken "001" (token-formats.md §5-§7, §9;
// docs/formats/volc.md). Build, parse and verify in one place.
//
//   token   = "001" + appId (24 chars, clear text, NOT signed) + base64std(content)
//   content = u16le len(MSG) ‖ MSG ‖ u16le len(SIG) ‖ SIG
//   MSG     = u32le nonce ‖ u32le issued_at ‖ u32le expire_at ‖ string room ‖ string user ‖
//             u16le count ‖ count × (u16le privilege ‖ u32le expire)   (ascending keys)
//   SIG     = HMAC-SHA256(key = app key string bytes, MSG)
//
// Every integer is little-endian. expire_at 0 and a privilege value 0 mean "never"
// (token-formats.md §5.2). A token is expired when expire_at > 0 && now > expire_at,
// so it is still valid at now == expire_at: that is the official Verify's rule
// (token-formats.md §5.2 "Parse / Verify", §5.3), kept in both check modes.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "reference/core/base64.h"
#include "reference/core/hmac_sha256.h"
#include "reference/core/privilege_map.h"
#include "reference/core/verdict.h"

namespace tokcheck::volc {

inline constexpr std::string_view kVersion001 = "001";
inline constexpr std::size_t kAppIdLength = 24;

// Privilege numbers, identical in every official implementation (§5.2). Key 5 is
// in every console-made token but defined by no open-source code.
enum Privilege : std::uint16_t {
  kPublishStream = 0,
  kPublishAudioStream = 1,  // internal; implied by kPublishStream
  kPublishVideoStream = 2,  // internal; implied by kPublishStream
  kPublishDataStream = 3,   // internal; implied by kPublishStream
  kSubscribeStream = 4,
};

// Which verifier to model.
//  kOfficial: what the official Verify does and nothing more: expiry, then the HMAC
//    over the *re-packed* parsed fields; no app id / room / user / privilege checks;
//    bytes after SIG or after the last MSG field, and unsorted or repeated privilege
//    keys, are tolerated because the official Parse ignores them.
//  kStrict: canonical layout only (trailing bytes and unsorted keys are malformed),
//    the HMAC over the exact signed bytes, then bindings and privilege expiries.
enum class CheckMode : std::uint8_t { kOfficial, kStrict };
std::string_view to_string(CheckMode m);
std::optional<CheckMode> check_mode_from_string(std::string_view s);

struct Token001 {
  std::string app_id;
  std::uint32_t nonce = 0;
  std::uint32_t issued_at = 0;
  std::uint32_t expire_at = 0;
  std::string room_id;
  std::string user_id;
  // As the official verifier sees them: ascending, unique, last value of a repeated key
  // (the JS object / Python dict / Java TreeMap the official Parse fills).
  PrivilegeMap privileges;
  std::vector<std::uint8_t> signature;
  // What a kOfficial parse tolerated (always false after a kStrict parse).
  bool trailing_after_signature = false;
  bool trailing_in_message = false;
  bool privileges_not_canonical = false;  // unsorted or repeated keys
};

struct Build001Input {
  std::string app_id;
  std::string app_key;
  std::string room_id;
  std::string user_id;
  std::uint32_t nonce = 0;
  std::uint32_t issued_at = 0;
  std::uint32_t expire_at = 0;  // 0: never expires
  // Requested privileges (key → absolute expiry, 0 = forever), expanded with
  // expand_privileges() before packing.
  PrivilegeMap privileges;
};

enum class Build001Error : std::uint8_t {
  kNone,
  kBadAppId,     // not 24 characters of [0-9A-Za-z]
  kBadAppKey,    // empty
  kBadField,     // room or user is not valid UTF-8
  kFieldTooLong  // room, user or the whole MSG over 65535 bytes
};
std::string_view to_string(Build001Error e);

struct Build001Result {
  Build001Error error = Build001Error::kNone;
  std::string token;
};

// AddPrivilege semantics: kPublishStream also grants keys 1-3 with the same expiry.
// A key 1-3 given explicitly keeps its own value (inferred: as if AddPrivilege(0)
// were called first and the explicit key after it). Result ascending by key.
PrivilegeMap expand_privileges(const PrivilegeMap& requested);

Build001Result build_001(const Build001Input& in);
// The generator inputs that sign `t` again under `app_key`: its app id, room, user,
// nonce, times and privileges (as parsed: already expanded, so packing them again
// adds nothing).
Build001Input rebuild_input(const Token001& t, std::string_view app_key);

// The signed MSG bytes for `in` (after privilege expansion); for tests and vectors.
std::vector<std::uint8_t> pack_message(const Build001Input& in);

struct Parse001Result {
  Malformation error = Malformation::kNone;
  bool lenient_base64 = false;
  Token001 token;
};
// kStrict rejects what kOfficial tolerates (see CheckMode); both reject a bad prefix,
// an app id that is not 24 [0-9A-Za-z] characters, a field running past its end,
// and a room or user that is not UTF-8.
Parse001Result parse_001(std::string_view token, Base64Mode base64 = Base64Mode::kStrict,
                         CheckMode mode = CheckMode::kStrict);

// What a strict verifier checks beyond the signature; ignored by kOfficial.
struct Binding001 {
  std::optional<std::string_view> app_id = std::nullopt;
  std::optional<std::string_view> room_id = std::nullopt;
  std::optional<std::string_view> user_id = std::nullopt;
  std::span<const std::uint16_t> required_privileges = {};  // each present and unexpired
};

// Verifies 001 tokens under one app key. The HMAC key schedule is computed once;
// verify() reuses it and scratch buffers, so it does not allocate once they have
// grown to the largest token seen.
//
// Check order:
//   both:      key present → token present → decode
//   kOfficial: expiry → signature (over the re-packed fields)
//   kStrict:   app id binding → signature (over MSG) → expiry → room → user →
//              required privileges (present, then unexpired: value != 0 && now > value)
class Verifier001 {
 public:
  explicit Verifier001(std::string_view app_key);
  Verdict verify(std::string_view token, std::int64_t now, CheckMode mode,
                 const Binding001& binding = {}, Base64Mode base64 = Base64Mode::kStrict);

 private:
  struct Record {
    std::uint16_t key;
    std::uint32_t position;
    std::uint32_t value;
  };

  HmacSha256 hmac_;
  bool key_ok_ = false;
  std::vector<std::uint8_t> content_;
  std::vector<Record> records_;
  std::vector<std::uint8_t> repacked_;
};

// True for 24 characters of [0-9A-Za-z] (console app ids are 24 lowercase hex;
// the official code checks nothing, docs/formats/volc.md "app id").
bool is_app_id(std::string_view s);

}  // namespace tokcheck::volc
