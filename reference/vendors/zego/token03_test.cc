// token03 (token-formats.md ZEGO §1.6): the Node key order, the generator's codes
// 1–6 in its order, CBC-only envelope, room/privilege verification, and confusion
// with token04 bodies.
#include "reference/vendors/zego/token03.h"

#include <gtest/gtest.h>

#include "reference/vendors/zego/token04.h"

namespace tokcheck::zego {
namespace {

constexpr std::string_view kSecret = "fa94dd0f974cf2e293728a526b028271";
constexpr std::int64_t kExpire = 1700003600;

Build03Input input() {
  Build03Input in;
  in.app_id = 1;
  in.room_id = "demo";
  in.user_id = "demo";
  in.secret = std::string(kSecret);
  in.privilege = {1, 0};
  in.create_time = 1700000000;
  in.effective_time_in_seconds = 3600;
  in.nonce = 1700000000123;  // Node's token03 nonce is Date.now() in milliseconds
  const std::string_view iv = "0123456789abcdef";
  in.iv.assign(iv.begin(), iv.end());
  return in;
}

std::vector<std::uint8_t> body_of(std::string_view token, std::string_view version) {
  std::vector<std::uint8_t> body;
  bool lenient = false;
  EXPECT_EQ(decode_body(token, version, Base64Mode::kStrict, body, lenient), Malformation::kNone);
  return body;
}

TEST(Token03Build, PlaintextInNodeKeyOrder) {
  EXPECT_EQ(claims03_json(1, "demo", "demo", {1, 0}, 1700000000, kExpire, 1700000000123),
            R"({"app_id":1,"room_id":"demo","user_id":"demo","privilege":{"1":1,"2":0},)"
            R"("create_time":1700000000,"expire_time":1700003600,"nonce":1700000000123})");
}

TEST(Token03Build, CbcEnvelopeWithoutModeByte) {
  const Build03Result r = build_03(input());
  ASSERT_EQ(r.error, BuildError::kNone);
  ASSERT_TRUE(r.token.starts_with("03"));
  const auto body = body_of(r.token, kVersion03);
  const std::string pt =
      claims03_json(1, "demo", "demo", {1, 0}, 1700000000, kExpire, 1700000000123);
  EXPECT_EQ(body.size(), 28 + (pt.size() / 16 + 1) * 16);
  EXPECT_EQ(body[9], 16);
  const Parse03Result p = parse_03(r.token, kSecret);
  ASSERT_EQ(p.condition, Condition::kValid);
  EXPECT_EQ(p.token.room_id, "demo");
  EXPECT_EQ(p.token.privilege.login, 1);
  EXPECT_EQ(p.token.privilege.publish, 0);
  EXPECT_EQ(p.token.expire_time, kExpire);
  EXPECT_EQ(p.token.nonce, 1700000000123);
}

TEST(Token03Build, GeneratorErrorsInNodeOrder) {
  auto code = [](auto mutate) {
    Build03Input in = input();
    mutate(in);
    return build_03(in).error;
  };
  EXPECT_EQ(code([](auto& in) { in.app_id = 0; }), BuildError::kAppIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.room_id = ""; }), BuildError::kRoomIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.user_id = ""; }), BuildError::kUserIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.user_id = std::string(200, 'u'); }), BuildError::kNone);
  EXPECT_EQ(code([](auto& in) { in.secret = "x"; }), BuildError::kSecretInvalid);
  EXPECT_EQ(code([](auto& in) { in.privilege.login = -1; }), BuildError::kPrivilegeInvalid);
  EXPECT_EQ(code([](auto& in) { in.privilege.publish = 2; }), BuildError::kPrivilegeInvalid);
  EXPECT_EQ(code([](auto& in) { in.effective_time_in_seconds = 0; }),
            BuildError::kEffectiveTimeInvalid);
  // Node checks the secret before the privilege, the privilege before the time.
  EXPECT_EQ(code([](auto& in) {
              in.privilege.login = 5;
              in.secret = "x";
            }),
            BuildError::kSecretInvalid);
  EXPECT_EQ(code([](auto& in) {
              in.privilege.login = 5;
              in.effective_time_in_seconds = -1;
            }),
            BuildError::kPrivilegeInvalid);
  EXPECT_EQ(code([](auto& in) {
              in.room_id = "";
              in.user_id = "";
            }),
            BuildError::kRoomIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.iv.pop_back(); }), BuildError::kIvInvalid);
}

TEST(Token03Verify, RoomPrivilegeAndExpiry) {
  const std::string token = build_03(input()).token;
  Verifier03 v(kSecret);
  const std::uint32_t login[] = {kPrivilegeLogin};
  const std::uint32_t publish[] = {kPrivilegePublish};
  Binding03 b;
  b.app_id = 1;
  b.user_id = "demo";
  b.room_id = "demo";
  b.required_privileges = login;
  EXPECT_EQ(v.verify(token, kExpire - 1, b).condition, Condition::kValid);
  EXPECT_EQ(v.verify(token, kExpire, b).condition, Condition::kExpired);
  Binding03 x = b;
  x.room_id = "other";
  EXPECT_EQ(v.verify(token, kExpire - 1, x).condition, Condition::kRoomMismatch);
  x = b;
  x.required_privileges = publish;
  const Verdict denied = v.verify(token, kExpire - 1, x);
  EXPECT_EQ(denied.condition, Condition::kPrivilegeMissing);
  EXPECT_EQ(denied.privilege, kPrivilegePublish);
  x = b;
  x.app_id = 2;
  EXPECT_EQ(v.verify(token, kExpire - 1, x).condition, Condition::kAppIdMismatch);
  x = b;
  x.user_id = "x";
  EXPECT_EQ(v.verify(token, kExpire - 1, x).condition, Condition::kUserIdMismatch);
  EXPECT_EQ(v.verify("", 0, b).condition, Condition::kTokenMissing);
  EXPECT_EQ(Verifier03("").verify(token, 0, b).condition, Condition::kInvalidSecret);
}

TEST(Token03VersionConfusion, BodiesUnderTheOtherPrefix) {
  // A token03 body under "04": the envelope is the same CBC layout and decrypts,
  // but the claims are token03's → payload_invalid.
  const std::string t03 = build_03(input()).token;
  EXPECT_EQ(parse_04("04" + t03.substr(2), kSecret).condition, Condition::kPayloadInvalid);
  EXPECT_EQ(parse_04(t03, kSecret).condition, Condition::kUnsupportedVersion);
  // A token04 CBC body under "03": decrypts, token04 claims → payload_invalid.
  Build04Input in4;
  in4.app_id = 1;
  in4.user_id = "demo";
  in4.secret = std::string(kSecret);
  in4.effective_time_in_seconds = 3600;
  in4.ctime = 1700000000;
  in4.mode = CipherMode::kCbc;
  const std::string_view iv = "0123456789abcdef";
  in4.iv.assign(iv.begin(), iv.end());
  const std::string t04 = build_04(in4).token;
  EXPECT_EQ(parse_03("03" + t04.substr(2), kSecret).condition, Condition::kPayloadInvalid);
  // A token04 GCM body under "03": token03 has no mode byte → trailing bytes.
  in4.mode = CipherMode::kGcm;
  in4.iv.resize(12);
  const Parse03Result gcm = parse_03("03" + build_04(in4).token.substr(2), kSecret);
  EXPECT_EQ(gcm.condition, Condition::kMalformed);
  EXPECT_EQ(gcm.error, Malformation::kTrailingBytes);
}

TEST(Token03Parse, StrictClaims) {
  ZegoCipher cipher(kSecret);
  const std::string_view iv_text = "0123456789abcdef";
  const std::vector<std::uint8_t> iv(iv_text.begin(), iv_text.end());
  auto parse_plain = [&](std::string_view pt, std::int64_t header = kExpire) {
    std::vector<std::uint8_t> ct;
    EXPECT_EQ(cipher.seal(CipherMode::kCbc, iv, as_bytes(pt), ct), AesStatus::kOk);
    return parse_03("03" + base64_encode(write_envelope(header, iv, ct, CipherMode::kCbc)),
                    kSecret);
  };
  const std::string good = claims03_json(1, "r", "u", {1, 1}, 1, kExpire, 5);
  EXPECT_EQ(parse_plain(good).condition, Condition::kValid);
  EXPECT_EQ(parse_plain(good, kExpire + 1).condition, Condition::kExpireMismatch);
  EXPECT_EQ(parse_plain(R"({"app_id":1,"room_id":"r","user_id":"u","privilege":{"1":1,"2":2},)"
                        R"("create_time":1,"expire_time":1700003600,"nonce":5})")
                .condition,
            Condition::kPayloadInvalid);
  EXPECT_EQ(parse_plain(R"({"app_id":1,"room_id":"r","user_id":"u","privilege":{"1":1,"2":1},)"
                        R"("create_time":1,"expire_time":1700003600})")
                .condition,
            Condition::kPayloadInvalid);
  const Parse03Result dup =
      parse_plain(R"({"app_id":1,"room_id":"r","room_id":"r","user_id":"u","privilege":{},)"
                  R"("create_time":1,"expire_time":1700003600,"nonce":5})");
  EXPECT_EQ(dup.condition, Condition::kMalformed);
  EXPECT_EQ(dup.error, Malformation::kBadJson);
  // Go's token03 nonce is a full int64 (r.Uint64() cast): negative values parse.
  const Parse03Result go_nonce =
      parse_plain(claims03_json(1, "r", "u", {1, 1}, 1, kExpire, -9223372036854775807 - 1));
  ASSERT_EQ(go_nonce.condition, Condition::kValid);
  EXPECT_EQ(go_nonce.token.nonce, std::numeric_limits<std::int64_t>::min());
}

// rebuild_input(): a parsed token seals again to the same bytes (same IV).
TEST(Token03RebuildInput, ParsedTokenRebuildsByteForByte) {
  const std::string token = build_03(input()).token;
  const auto parsed = parse_03(token, input().secret);
  ASSERT_EQ(parsed.condition, Condition::kValid);
  EXPECT_EQ(build_03(rebuild_input(parsed.token, input().secret)).token, token);
  Token03 far = parsed.token;  // expire - create overflows int64: no generator input
  far.create_time = INT64_MIN;
  far.expire_time = INT64_MAX;
  EXPECT_EQ(rebuild_input(far, input().secret).effective_time_in_seconds, 0);
}

}  // namespace
}  // namespace tokcheck::zego
