// The layer of ZEGO tokens below AES: the plaintext JSON claims. The fuzz input
// is the claims text; it is encrypted here under the fixed test secret (CBC and
// GCM for token04, CBC for token03), wrapped in an envelope whose header expire
// is the JSON's own "expire"/"expire_time" when it has one, base64-encoded and
// parsed with parse_04 / parse_03, so every mutation reaches the claims reader.
// Invariants:
//  - the cipher mode never changes the outcome (CBC and GCM agree);
//  - a valid token04 parse is a JSON object (per nlohmann) whose app_id,
//    user_id, nonce, ctime, expire and payload are the parsed values;
//  - a valid token03 parse likewise for app_id, room_id, user_id and times.
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "fuzz/common/fuzz_check.h"
#include "fuzz/common/test_keys.h"
#include "reference/core/base64.h"
#include "reference/vendors/zego/token03.h"
#include "reference/vendors/zego/token04.h"

using tokcheck::Condition;
namespace zego = tokcheck::zego;

namespace {

std::string seal(zego::ZegoCipher& cipher, std::string_view version, zego::CipherMode mode,
                 std::int64_t expire, std::string_view claims) {
  const std::string_view iv_text =
      mode == zego::CipherMode::kGcm ? "0123456789ab" : "0123456789abcdef";
  const tokcheck::Bytes iv = tokcheck::as_bytes(iv_text);
  std::vector<std::uint8_t> ct;
  if (cipher.seal(mode, iv, tokcheck::as_bytes(claims), ct) != tokcheck::AesStatus::kOk) return {};
  if (ct.size() > 0xFFFF) return {};
  return std::string(version) + tokcheck::base64_encode(zego::write_envelope(expire, iv, ct, mode));
}

std::int64_t json_int(const nlohmann::json& j, const char* key) {
  if (j.is_object() && j.contains(key) && j[key].is_number_integer()) {
    return j[key].get<std::int64_t>();
  }
  return 0;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view claims(reinterpret_cast<const char*>(data), size);
  const nlohmann::json j = nlohmann::json::parse(claims.begin(), claims.end(), nullptr, false);
  const std::string secret(tokcheck::fuzz::kZegoSecret);
  zego::ZegoCipher cipher(secret);

  const std::string cbc =
      seal(cipher, zego::kVersion04, zego::CipherMode::kCbc, json_int(j, "expire"), claims);
  const std::string gcm =
      seal(cipher, zego::kVersion04, zego::CipherMode::kGcm, json_int(j, "expire"), claims);
  if (!cbc.empty() && !gcm.empty()) {
    const auto a = zego::parse_04(cbc, secret);
    const auto b = zego::parse_04(gcm, secret);
    TOKCHECK_FUZZ_CHECK(
        a.condition == b.condition && a.error == b.error && a.payload_kind == b.payload_kind,
        "token04 claims parse differently under CBC and GCM");
    if (a.condition == Condition::kValid) {
      const zego::Token04& t = a.token;
      TOKCHECK_FUZZ_CHECK(!j.is_discarded() && j.is_object(),
                          "accepted claims that are not a JSON object");
      TOKCHECK_FUZZ_CHECK(j.value("app_id", std::int64_t{-1}) == std::int64_t{t.app_id} &&
                              j.value("user_id", std::string()) == t.user_id &&
                              json_int(j, "nonce") == t.nonce && json_int(j, "ctime") == t.ctime &&
                              json_int(j, "expire") == t.expire &&
                              j.value("payload", std::string("\x01")) == t.payload,
                          "parsed token04 claims differ from the JSON");
    }
  }
  const std::string t03 =
      seal(cipher, zego::kVersion03, zego::CipherMode::kCbc, json_int(j, "expire_time"), claims);
  if (!t03.empty()) {
    const auto p = zego::parse_03(t03, secret);
    if (p.condition == Condition::kValid) {
      const zego::Token03& t = p.token;
      TOKCHECK_FUZZ_CHECK(!j.is_discarded() && j.is_object(),
                          "accepted claims that are not a JSON object");
      TOKCHECK_FUZZ_CHECK(j.value("app_id", std::int64_t{-1}) == std::int64_t{t.app_id} &&
                              j.value("room_id", std::string()) == t.room_id &&
                              j.value("user_id", std::string()) == t.user_id &&
                              json_int(j, "create_time") == t.create_time &&
                              json_int(j, "expire_time") == t.expire_time,
                          "parsed token03 claims differ from the JSON");
    }
  }
  return 0;
}
