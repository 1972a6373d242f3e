#include "bench/fixtures.h"

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <nlohmann/json.hpp>
#include <string_view>

#include "reference/core/aes.h"
#include "reference/core/base64.h"
#include "reference/core/hmac_sha256.h"
#include "reference/core/zlib_codec.h"
#include "reference/vendors/zego/z1_vector.h"

namespace tokcheck::bench {
namespace {

// A fixture that does not hold is a broken benchmark, never a figure to report.
void require(bool ok, const char* what) {
  if (ok) return;
  std::fprintf(stderr, "bench fixture check failed: %s\n", what);
  std::abort();
}

std::vector<std::uint8_t> to_vector(std::string_view s) { return {s.begin(), s.end()}; }
std::vector<std::uint8_t> to_vector(Bytes b) { return {b.begin(), b.end()}; }

bool equal(Bytes a, Bytes b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin());
}

// Agora's documented sample (the README's 006 example token uses the same four).
constexpr std::string_view kAgoraAppId = "970CA35de60c44645bbae8a215061b33";
constexpr std::string_view kAgoraCert = "5CFd2fd1755d40ecb72977518be15d3b";
constexpr std::string_view kAgoraChannel = "7d72365eb983485397e3e3f9d460bdda";
constexpr std::string_view kAgoraUid = "2882341273";

Agora006Fixture make_agora006() {
  Agora006Fixture f;
  f.input = {std::string(kAgoraAppId),
             std::string(kAgoraCert),
             std::string(kAgoraChannel),
             std::string(kAgoraUid),
             1,
             1111111 + 3600,
             {{1, 0}, {2, 0}, {3, 0}, {4, 0}}};
  f.token = agora::build_006(f.input).token;
  f.now = 1111111 + 100;
  // "006" ‖ appId ‖ base64(u16 sig ‖ crc32 channel ‖ crc32 uid ‖ u16 message).
  std::vector<std::uint8_t> content;
  require(
      base64_decode(std::string_view(f.token).substr(3 + 32), Base64Mode::kStrict, content).error ==
          Malformation::kNone,
      "006 base64");
  ByteReader r{Bytes(content)};
  ByteReader sig, message_reader;
  std::uint32_t crc = 0;
  require(r.read_u16le_prefixed(sig) && r.read_u32le(crc) && r.read_u32le(crc) &&
              r.read_u16le_prefixed(message_reader) && r.rest().empty(),
          "006 layout");
  const Bytes message = message_reader.rest();
  f.signature = to_vector(sig.rest());
  f.signed_bytes = to_vector(kAgoraAppId);
  for (std::string_view part : {kAgoraChannel, kAgoraUid}) {
    f.signed_bytes.insert(f.signed_bytes.end(), part.begin(), part.end());
  }
  f.signed_bytes.insert(f.signed_bytes.end(), message.begin(), message.end());
  require(equal(HmacSha256(as_bytes(kAgoraCert)).mac(f.signed_bytes), f.signature),
          "006 signed bytes MAC to the signature");
  return f;
}

Agora007Fixture make_agora007() {
  Agora007Fixture f;
  agora::Service007 rtc;
  rtc.type = agora::kServiceRtc;
  rtc.channel_name = kAgoraChannel;
  rtc.uid = kAgoraUid;
  rtc.privileges = {{1, 600}, {2, 600}, {3, 600}, {4, 600}};
  f.input = {std::string(kAgoraAppId), std::string(kAgoraCert), 1111111, 600, 1, {rtc}};
  f.token = agora::build_007(f.input).token;
  f.now = 1111111 + 100;
  require(
      base64_decode(std::string_view(f.token).substr(3), Base64Mode::kStrict, f.compressed).error ==
          Malformation::kNone,
      "007 base64");
  Inflater inflater;
  require(inflater.inflate(f.compressed, f.plain) == Malformation::kNone, "007 inflate");
  ByteReader r{Bytes(f.plain)};
  ByteReader sig;
  require(r.read_u16le_prefixed(sig), "007 layout");
  f.signature = to_vector(sig.rest());
  f.signing_info = to_vector(r.rest());
  const Sha256Digest key = agora::signing_key_007(kAgoraCert, f.input.issue_ts, f.input.salt);
  require(equal(HmacSha256::compute(key, f.signing_info), f.signature),
          "007 signing info MACs to the signature");
  return f;
}

Volc001Fixture make_volc001() {
  Volc001Fixture f;
  // docs/formats/volc.md §7 V1 inputs.
  f.input = {"123456781234567812345678",
             "app key",
             "new room",
             "new user id",
             0x12345678,
             1700000000,
             1700086400,
             {{0, 1700086400}, {1, 1700086400}, {2, 1700086400}, {3, 1700086400}, {4, 0}}};
  f.token = volc::build_001(f.input).token;
  f.now = 1700000001;
  f.signed_bytes = volc::pack_message(f.input);
  const auto parsed = volc::parse_001(f.token);
  require(parsed.error == Malformation::kNone, "001 parse");
  f.signature = parsed.token.signature;
  require(equal(HmacSha256(as_bytes(f.input.app_key)).mac(f.signed_bytes), f.signature),
          "001 MSG MACs to the signature");
  return f;
}

UserSigFixture make_usersig() {
  UserSigFixture f;
  // The shared sample constants of the TLSSigAPIv2 READMEs.
  f.input.sdkappid = 1400000000;
  f.input.key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
  f.input.identifier = "xiaojun";
  f.input.expire = 86400 * 180;
  f.input.time = 1700000000;
  f.token = tencent::build_usersig(f.input).token;
  f.now = 1700000001;
  require(
      base64_decode(f.token, Base64Mode::kStrict, f.compressed, Base64Alphabet::kTencent).error ==
          Malformation::kNone,
      "usersig base64");
  Inflater inflater;
  require(inflater.inflate(f.compressed, f.plain) == Malformation::kNone, "usersig inflate");
  const std::string signed_string = "TLS.identifier:" + f.input.identifier +
                                    "\nTLS.sdkappid:" + std::to_string(f.input.sdkappid) +
                                    "\nTLS.time:" + std::to_string(f.input.time) +
                                    "\nTLS.expire:" + std::to_string(f.input.expire) + "\n";
  f.signed_bytes = to_vector(signed_string);
  const auto parsed = tencent::parse_usersig(f.token);
  require(parsed.error == Malformation::kNone, "usersig parse");
  f.signature = parsed.token.signature;
  require(equal(HmacSha256(as_bytes(f.input.key)).mac(f.signed_bytes), f.signature),
          "usersig signed string MACs to TLS.sig");
  return f;
}

Zego04Fixture make_zego04(zego::CipherMode mode) {
  Zego04Fixture f;
  f.input = zego::z1_build_input(mode);
  f.token = zego::build_04(f.input).token;
  f.now = 1700000001;
  // "04" ‖ base64(be64 expire ‖ be16 + IV ‖ be16 + ciphertext [‖ mode byte]).
  std::vector<std::uint8_t> body;
  require(base64_decode(std::string_view(f.token).substr(2), Base64Mode::kStrict, body).error ==
              Malformation::kNone,
          "token04 base64");
  require(body.size() > 12, "token04 layout");
  const std::size_t iv_len = std::size_t{body[8]} << 8 | body[9];
  const std::size_t at = 10 + iv_len;
  require(body.size() > at + 2, "token04 layout");
  const std::size_t ct_len = std::size_t{body[at]} << 8 | body[at + 1];
  require(body.size() >= at + 2 + ct_len, "token04 layout");
  f.iv.assign(body.begin() + 10, body.begin() + static_cast<long>(at));
  f.ciphertext.assign(body.begin() + static_cast<long>(at + 2),
                      body.begin() + static_cast<long>(at + 2 + ct_len));
  const Bytes key = as_bytes(zego::kZ1Secret);
  if (mode == zego::CipherMode::kGcm) {
    Aes256Gcm aes(key);
    require(aes.open(f.iv, f.ciphertext, f.plaintext) == AesStatus::kOk, "token04 GCM open");
  } else {
    Aes256Cbc aes(key);
    require(aes.decrypt(f.iv, f.ciphertext, f.plaintext) == AesStatus::kOk, "token04 CBC decrypt");
  }
  return f;
}

}  // namespace

const Agora006Fixture& agora006() {
  static const Agora006Fixture f = make_agora006();
  return f;
}
const Agora007Fixture& agora007() {
  static const Agora007Fixture f = make_agora007();
  return f;
}
const Volc001Fixture& volc001() {
  static const Volc001Fixture f = make_volc001();
  return f;
}
const UserSigFixture& usersig() {
  static const UserSigFixture f = make_usersig();
  return f;
}
const Zego04Fixture& zego04(zego::CipherMode mode) {
  static const Zego04Fixture cbc = make_zego04(zego::CipherMode::kCbc);
  static const Zego04Fixture gcm = make_zego04(zego::CipherMode::kGcm);
  return mode == zego::CipherMode::kGcm ? gcm : cbc;
}

agora::Binding006 binding006() {
  static constexpr std::uint16_t kRequired[] = {1, 2};
  const Agora006Fixture& f = agora006();
  return {f.input.app_id, f.input.channel_name, f.input.uid, kRequired};
}
agora::Binding007 binding007() {
  static constexpr std::uint16_t kRequired[] = {1};
  const Agora007Fixture& f = agora007();
  agora::Binding007 b;
  b.app_id = f.input.app_id;
  b.channel_name = f.input.services.front().channel_name;
  b.uid = f.input.services.front().uid;
  b.required_privileges = kRequired;
  return b;
}
volc::Binding001 binding001() {
  static constexpr std::uint16_t kSubscribe[] = {4};
  const Volc001Fixture& f = volc001();
  volc::Binding001 b;
  b.app_id = f.input.app_id;
  b.room_id = f.input.room_id;
  b.user_id = f.input.user_id;
  b.required_privileges = kSubscribe;
  return b;
}
tencent::UserSigBinding usersig_binding() {
  const UserSigFixture& f = usersig();
  tencent::UserSigBinding b;
  b.sdkappid = f.input.sdkappid;
  b.identifier = f.input.identifier;
  return b;
}
zego::Binding04 binding04(zego::CipherMode mode) {
  const Zego04Fixture& f = zego04(mode);
  zego::Binding04 b;
  b.app_id = f.input.app_id;
  b.user_id = f.input.user_id;
  return b;
}

std::string fixtures_json() {
  const Agora006Fixture& a6 = agora006();
  const Agora007Fixture& a7 = agora007();
  const UserSigFixture& us = usersig();
  const auto& rtc = a7.input.services.front();
  nlohmann::ordered_json tokens = nlohmann::ordered_json::array();
  tokens.push_back({{"scheme", "agora-006"},
                    {"token", a6.token},
                    {"app_id", a6.input.app_id},
                    {"app_certificate", a6.input.app_certificate},
                    {"channel", a6.input.channel_name},
                    {"uid", a6.input.uid},
                    {"now", a6.now}});
  tokens.push_back({{"scheme", "agora-007"},
                    {"token", a7.token},
                    {"app_id", a7.input.app_id},
                    {"app_certificate", a7.input.app_certificate},
                    {"channel", rtc.channel_name},
                    {"uid", rtc.uid},
                    {"now", a7.now}});
  tokens.push_back({{"scheme", "tencent-usersig"},
                    {"token", us.token},
                    {"sdk_app_id", us.input.sdkappid},
                    {"secret_key", us.input.key},
                    {"user_id", us.input.identifier},
                    {"now", us.now}});
  return nlohmann::ordered_json{{"tokens", tokens}}.dump(2);
}

}  // namespace tokcheck::bench
