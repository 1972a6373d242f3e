// token04: the released vector Z1 (token-formats.md ZEGO §3), the generator's
// error codes (§1.4), the envelope rules (§1.1) and the verify policy of
// docs/formats/zego.md. Crafted tokens are sealed here with ZegoCipher so each
// case changes exactly one thing.
#include "reference/vendors/zego/token04.h"

#include <gtest/gtest.h>

#include "reference/core/crypto_util.h"
#include "reference/vendors/zego/z1_vector.h"

namespace tokcheck::zego {
namespace {

constexpr std::string_view kSecret = kZ1Secret;
constexpr std::string_view kZ1 =
    "04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAcPDOWcZeMCPxbh1dpHzCTREIwK2oIO5x78Qlcu9iUMPYkqBI5TvjB3Jw"
    "CxC9+klE8/eu//t2uE7+o7gQ53yB/JkIFUA6xyD5rb5rd5NER5knvdDJH2auGOam8ZKJG5qT/1t+UUUnbL8ghIsUgkbwAA"
    "g=";
constexpr std::int64_t kExpire = 1700003600;

std::vector<std::uint8_t> text_iv(std::string_view s) { return {s.begin(), s.end()}; }

Build04Input gcm_input(std::string payload = "") {
  Build04Input in = z1_build_input(CipherMode::kGcm);
  in.payload = std::move(payload);
  return in;
}

// A token whose plaintext and header are chosen freely.
std::string seal(std::string_view plaintext, std::int64_t header_expire = kExpire,
                 CipherMode mode = CipherMode::kGcm, std::string_view secret = kSecret) {
  ZegoCipher cipher(secret);
  const auto iv = text_iv(mode == CipherMode::kGcm ? "0123456789ab" : "0123456789abcdef");
  std::vector<std::uint8_t> ct;
  EXPECT_EQ(cipher.seal(mode, iv, as_bytes(plaintext), ct), AesStatus::kOk);
  return std::string(kVersion04) + base64_encode(write_envelope(header_expire, iv, ct, mode));
}

std::vector<std::uint8_t> body_of(std::string_view token) {
  std::vector<std::uint8_t> body;
  bool lenient = false;
  EXPECT_EQ(decode_body(token, kVersion04, Base64Mode::kStrict, body, lenient),
            Malformation::kNone);
  return body;
}

std::string token_of(Bytes body) { return std::string(kVersion04) + base64_encode(body); }

Condition verify(std::string_view token, std::int64_t now = kExpire - 1, Binding04 b = {}) {
  Verifier04 v(kSecret);
  return v.verify(token, now, b).condition;
}

TEST(Token04Released, Z1PlaintextIsTheNodeJson) {
  const std::string pt = claims04_json(1, "demo", 123456789, 1700000000, kExpire, "");
  EXPECT_EQ(pt, R"({"app_id":1,"user_id":"demo","nonce":123456789,"ctime":1700000000,)"
                R"("expire":1700003600,"payload":""})");
  EXPECT_EQ(pt.size(), 99u);
}

TEST(Token04Released, Z1RebuildsByteForByte) {
  const Build04Result r = build_04(z1_build_input());
  ASSERT_EQ(r.error, BuildError::kNone);
  EXPECT_EQ(r.token, kZ1);
  EXPECT_EQ(body_of(r.token).size(), 140u);  // 28 + 112 bytes of ciphertext
}

TEST(Token04Released, Z1ParsesAndVerifies) {
  const Parse04Result p = parse_04(kZ1, kSecret);
  ASSERT_EQ(p.condition, Condition::kValid);
  EXPECT_EQ(p.token.mode, CipherMode::kCbc);
  EXPECT_EQ(as_chars(p.token.iv), "0123456789abcdef");
  EXPECT_EQ(p.token.app_id, 1u);
  EXPECT_EQ(p.token.user_id, "demo");
  EXPECT_EQ(p.token.nonce, 123456789);
  EXPECT_EQ(p.token.ctime, 1700000000);
  EXPECT_EQ(p.token.expire, kExpire);
  EXPECT_EQ(p.token.payload, "");
  EXPECT_EQ(p.payload_kind, PayloadKind::kEmpty);

  Binding04 b;
  b.app_id = 1;
  b.user_id = "demo";
  EXPECT_EQ(verify(kZ1, kExpire - 1, b), Condition::kValid);
  // The boundary: valid while now < expire (notes §1.5 pseudo-code).
  EXPECT_EQ(verify(kZ1, kExpire, b), Condition::kExpired);
  EXPECT_EQ(verify(kZ1, kExpire + 1, b), Condition::kExpired);
}

TEST(Token04Build, GcmLayoutIsPtPlus41WithModeByte) {
  const Build04Result r = build_04(gcm_input());
  ASSERT_EQ(r.error, BuildError::kNone);
  const auto body = body_of(r.token);
  ASSERT_EQ(body.size(), 99u + 41u);
  EXPECT_EQ(body.back(), 0x01);
  EXPECT_EQ(body[8], 0x00);
  EXPECT_EQ(body[9], 12);  // ivLen
  const std::size_t ct_len = std::size_t{body[22]} << 8 | body[23];
  EXPECT_EQ(ct_len, 99u + 16u);  // ciphertext ‖ tag, counted together
  const Parse04Result p = parse_04(r.token, kSecret);
  ASSERT_EQ(p.condition, Condition::kValid);
  EXPECT_EQ(p.token.mode, CipherMode::kGcm);
  EXPECT_EQ(as_chars(p.token.iv), "0123456789ab");
}

TEST(Token04Build, GeneratorErrorsInNodeOrder) {
  auto code = [](auto mutate) {
    Build04Input in = z1_build_input();
    mutate(in);
    return build_04(in).error;
  };
  EXPECT_EQ(code([](auto& in) { in.app_id = 0; }), BuildError::kAppIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.app_id = -1; }), BuildError::kAppIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.app_id = 4294967296; }), BuildError::kAppIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.app_id = 4294967295; }), BuildError::kNone);
  EXPECT_EQ(code([](auto& in) { in.user_id = ""; }), BuildError::kUserIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.user_id = std::string(64, 'u'); }), BuildError::kNone);
  EXPECT_EQ(code([](auto& in) { in.user_id = std::string(65, 'u'); }), BuildError::kUserIdInvalid);
  // 32 × U+1F600 is 64 UTF-16 units (128 bytes): allowed; one more BMP char is not.
  std::string emoji;
  for (int i = 0; i < 32; ++i) emoji += "\xF0\x9F\x98\x80";
  EXPECT_EQ(code([&](auto& in) { in.user_id = emoji; }), BuildError::kNone);
  EXPECT_EQ(code([&](auto& in) { in.user_id = emoji + "x"; }), BuildError::kUserIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.user_id = "\xFF"; }), BuildError::kUserIdInvalid);
  EXPECT_EQ(code([](auto& in) { in.secret.pop_back(); }), BuildError::kSecretInvalid);
  EXPECT_EQ(code([](auto& in) { in.secret += "x"; }), BuildError::kSecretInvalid);
  EXPECT_EQ(code([](auto& in) { in.effective_time_in_seconds = 0; }),
            BuildError::kEffectiveTimeInvalid);
  EXPECT_EQ(code([](auto& in) { in.effective_time_in_seconds = -5; }),
            BuildError::kEffectiveTimeInvalid);
  // Several wrong at once: the first in Node's order wins.
  EXPECT_EQ(code([](auto& in) {
              in.user_id = "";
              in.secret = "short";
              in.app_id = 0;
            }),
            BuildError::kAppIdInvalid);
  EXPECT_EQ(code([](auto& in) {
              in.secret = "short";
              in.effective_time_in_seconds = 0;
            }),
            BuildError::kSecretInvalid);
  // tokcheck's own refusals.
  EXPECT_EQ(code([](auto& in) { in.iv = text_iv("0123456789ab"); }), BuildError::kIvInvalid);
  EXPECT_EQ(code([](auto& in) { in.mode = CipherMode::kGcm; }), BuildError::kIvInvalid);
  EXPECT_EQ(code([](auto& in) { in.ctime = std::numeric_limits<std::int64_t>::max(); }),
            BuildError::kExpireOutOfRange);
  EXPECT_EQ(code([](auto& in) { in.payload = "\xC0\x80"; }), BuildError::kNotUtf8);
  EXPECT_EQ(code([](auto& in) { in.payload = std::string(70000, 'p'); }), BuildError::kTooLong);
  EXPECT_TRUE(is_zego_code(BuildError::kEffectiveTimeInvalid));
  EXPECT_FALSE(is_zego_code(BuildError::kIvInvalid));
}

TEST(Token04Build, StringsAreEscapedLikeJsonStringify) {
  const std::string pt =
      claims04_json(7, "a\"b\\c/d\x01\x1f\n\x7f\xE2\x80\xA8", -5, 0, 1, R"({"room_id":"r"})");
  EXPECT_EQ(pt,
            "{\"app_id\":7,\"user_id\":\"a\\\"b\\\\c/d\\u0001\\u001f\\n\x7f\xE2\x80\xA8\","
            "\"nonce\":-5,\"ctime\":0,\"expire\":1,\"payload\":\"{\\\"room_id\\\":\\\"r\\\"}\"}");
  // And the escaped payload comes back verbatim.
  Build04Input in = gcm_input(R"({"room_id":"r","privilege":{"1":1,"2":0}})");
  in.user_id = "a\"b\\c\n";
  const Parse04Result p = parse_04(build_04(in).token, kSecret);
  ASSERT_EQ(p.condition, Condition::kValid);
  EXPECT_EQ(p.token.user_id, "a\"b\\c\n");
  EXPECT_EQ(p.token.payload, R"({"room_id":"r","privilege":{"1":1,"2":0}})");
  EXPECT_EQ(p.payload_kind, PayloadKind::kPrivilege);
}

TEST(Token04Envelope, TruncationAtEveryBoundary) {
  for (CipherMode mode : {CipherMode::kCbc, CipherMode::kGcm}) {
    SCOPED_TRACE(to_string(mode));
    const std::string token =
        build_04(mode == CipherMode::kCbc ? z1_build_input() : gcm_input()).token;
    const auto body = body_of(token);
    const std::size_t iv_len = mode == CipherMode::kCbc ? 16 : 12;
    const std::size_t ct_start = 12 + iv_len;
    for (std::size_t cut = 0; cut < body.size(); ++cut) {
      const Parse04Result p = parse_04(token_of(Bytes(body).first(cut)), kSecret);
      Malformation want;
      if (cut < 10 || (cut >= 10 + iv_len && cut < ct_start)) {
        want = Malformation::kTruncated;  // inside a fixed-size field
      } else if (cut < 10 + iv_len || cut < body.size() - (mode == CipherMode::kGcm ? 1 : 0)) {
        want = Malformation::kLengthOverflow;  // inside a length-prefixed field
      } else {
        want = Malformation::kBadField;  // GCM without its mode byte: a 12-byte IV "CBC" token
      }
      ASSERT_EQ(p.condition, Condition::kMalformed) << cut;
      ASSERT_EQ(p.error, want) << cut;
    }
  }
}

TEST(Token04Envelope, ModeByteRules) {
  auto with_tail = [](std::string token, std::vector<std::uint8_t> tail, std::size_t drop = 0) {
    auto body = body_of(token);
    body.resize(body.size() - drop);
    body.insert(body.end(), tail.begin(), tail.end());
    return parse_04(token_of(body), kSecret);
  };
  const std::string cbc = build_04(z1_build_input()).token;
  const std::string gcm = build_04(gcm_input()).token;
  EXPECT_EQ(with_tail(cbc, {0x00}).error, Malformation::kBadMode);  // CBC era never writes 0
  EXPECT_EQ(with_tail(cbc, {0x02}).error, Malformation::kBadMode);
  EXPECT_EQ(with_tail(cbc, {0x01}).error, Malformation::kBadField);  // GCM needs a 12-byte nonce
  EXPECT_EQ(with_tail(cbc, {0x00, 0x00}).error, Malformation::kTrailingBytes);
  EXPECT_EQ(with_tail(gcm, {0x00}).error, Malformation::kTrailingBytes);
  EXPECT_EQ(with_tail(gcm, {0x02}, 1).error, Malformation::kBadMode);
  EXPECT_EQ(with_tail(gcm, {0x00}, 1).error, Malformation::kBadMode);
  EXPECT_EQ(with_tail(gcm, {}, 1).error, Malformation::kBadField);
}

TEST(Token04Envelope, ImpossibleLengthsAreBadField) {
  ZegoCipher cipher(kSecret);
  const auto iv16 = text_iv("0123456789abcdef");
  std::vector<std::uint8_t> ct(17, 0);
  EXPECT_EQ(parse_04(token_of(write_envelope(kExpire, iv16, ct, CipherMode::kCbc)), kSecret).error,
            Malformation::kBadField);
  EXPECT_EQ(parse_04(token_of(write_envelope(kExpire, iv16, {}, CipherMode::kCbc)), kSecret).error,
            Malformation::kBadField);
  const auto iv12 = text_iv("0123456789ab");
  EXPECT_EQ(parse_04(token_of(write_envelope(kExpire, iv12, Bytes(ct).first(15), CipherMode::kGcm)),
                     kSecret)
                .error,
            Malformation::kBadField);
  EXPECT_EQ(parse_04(token_of(write_envelope(kExpire, Bytes(iv16).first(8), Bytes(ct).first(16),
                                             CipherMode::kCbc)),
                     kSecret)
                .error,
            Malformation::kBadField);
}

TEST(Token04Parse, PrefixBase64AndSecret) {
  EXPECT_EQ(parse_04("", kSecret).error, Malformation::kEmpty);
  const Parse04Result v3 = parse_04("03" + std::string(kZ1.substr(2)), kSecret);
  EXPECT_EQ(v3.condition, Condition::kUnsupportedVersion);
  EXPECT_EQ(v3.error, Malformation::kBadPrefix);
  EXPECT_EQ(parse_04("04!!!!", kSecret).error, Malformation::kBadBase64);
  // Z1 ends "AAg=": the last char's low bits are padding bits; "AAh=" sets one.
  std::string noncanonical(kZ1);
  noncanonical[noncanonical.size() - 2] = 'h';
  EXPECT_EQ(parse_04(noncanonical, kSecret).error, Malformation::kNonCanonicalBase64);
  const Parse04Result lenient = parse_04(noncanonical, kSecret, Base64Mode::kLenient);
  EXPECT_EQ(lenient.condition, Condition::kValid);
  EXPECT_TRUE(lenient.lenient_base64);
  EXPECT_EQ(parse_04(kZ1, "short").condition, Condition::kInvalidSecret);
}

TEST(Token04Parse, WrongKeyAndTampering) {
  EXPECT_EQ(parse_04(build_04(gcm_input()).token, "00000000000000000000000000000000").condition,
            Condition::kDecryptFailed);
  auto body = body_of(build_04(gcm_input()).token);
  for (std::size_t i = 10; i + 1 < body.size(); i += 5) {  // nonce, lengths excluded below
    if (i == 22 || i == 23) continue;
    auto m = body;
    m[i] ^= 0x01;
    EXPECT_EQ(parse_04(token_of(m), kSecret).condition, Condition::kDecryptFailed) << i;
  }
  // CBC is malleable: flipping IV bit 0 of byte 10 turns app_id 1 into 0
  // ('1' ^ 1 = '0'), and the token still decrypts and parses.
  auto cbc = body_of(kZ1);
  cbc[10 + 10] ^= 0x01;  // plaintext byte 10 is the '1' of "app_id":1
  const Parse04Result p = parse_04(token_of(cbc), kSecret);
  ASSERT_EQ(p.condition, Condition::kValid);
  EXPECT_EQ(p.token.app_id, 0u);
}

TEST(Token04Parse, StrictClaims) {
  const std::string good =
      R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":""})";
  EXPECT_EQ(parse_04(seal(good), kSecret).condition, Condition::kValid);
  struct Case {
    const char* plaintext;
    Condition condition;
    Malformation error;
  };
  const Case cases[] = {
      // not strict JSON → malformed / bad_json
      {R"({"app_id":1,"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":""})",
       Condition::kMalformed, Malformation::kBadJson},
      {R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":""}x)",
       Condition::kMalformed, Malformation::kBadJson},
      {R"({"app_id":1,"user_id":"de)", Condition::kMalformed, Malformation::kBadJson},
      {"{\"app_id\":1,\"user_id\":\"\xFF\",\"nonce\":1,\"ctime\":2,\"expire\":1700003600,"
       "\"payload\":\"\"}",
       Condition::kMalformed, Malformation::kBadJson},
      {"", Condition::kMalformed, Malformation::kBadJson},
      // JSON, but not the claims → payload_invalid
      {R"([1,2])", Condition::kPayloadInvalid, Malformation::kNone},
      {R"("text")", Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":"","x":0})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":"1","user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":""})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":1,"user_id":7,"nonce":1,"ctime":2,"expire":1700003600,"payload":""})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":1,"user_id":"demo","nonce":1.5,"ctime":2,"expire":1700003600,"payload":""})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1.7000036e9,"payload":""})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":4294967296,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":""})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":{}})",
       Condition::kPayloadInvalid, Malformation::kNone},
      {R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003600,"payload":null})",
       Condition::kPayloadInvalid, Malformation::kNone},
      // header and JSON disagree
      {R"({"app_id":1,"user_id":"demo","nonce":1,"ctime":2,"expire":1700003601,"payload":""})",
       Condition::kExpireMismatch, Malformation::kNone},
  };
  for (const Case& c : cases) {
    const Parse04Result p = parse_04(seal(c.plaintext), kSecret);
    EXPECT_EQ(p.condition, c.condition) << c.plaintext;
    EXPECT_EQ(p.error, c.error) << c.plaintext;
  }
}

TEST(Token04Verify, CheckOrderAndBindings) {
  const std::string token =
      build_04(
          gcm_input(R"({"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":["s1"]})"))
          .token;
  Verifier04 v(kSecret);
  const std::uint32_t login[] = {kPrivilegeLogin};
  const std::uint32_t publish[] = {kPrivilegeLogin, kPrivilegePublish};
  Binding04 b;
  b.app_id = 1;
  b.user_id = "demo";
  b.room_id = "room1";
  b.required_privileges = login;
  b.stream_id = "s1";
  EXPECT_EQ(v.verify(token, kExpire - 1, b).condition, Condition::kValid);
  EXPECT_EQ(v.last_mode(), CipherMode::kGcm);

  Binding04 x = b;
  x.app_id = 2;
  x.user_id = "other";  // app id is checked first
  EXPECT_EQ(v.verify(token, kExpire, x).condition, Condition::kAppIdMismatch);
  x.app_id = 0;
  EXPECT_EQ(v.verify(token, kExpire, x).condition, Condition::kInvalidAppId);
  x = b;
  x.user_id = "other";
  EXPECT_EQ(v.verify(token, kExpire, x).condition, Condition::kUserIdMismatch);
  x = b;
  x.room_id = "room2";
  EXPECT_EQ(v.verify(token, kExpire, x).condition, Condition::kExpired);  // expiry before room
  EXPECT_EQ(v.verify(token, kExpire - 1, x).condition, Condition::kRoomMismatch);
  x = b;
  x.required_privileges = publish;
  const Verdict missing = v.verify(token, kExpire - 1, x);
  EXPECT_EQ(missing.condition, Condition::kPrivilegeMissing);
  EXPECT_EQ(missing.privilege, kPrivilegePublish);
  x = b;
  x.stream_id = "s2";
  EXPECT_EQ(v.verify(token, kExpire - 1, x).condition, Condition::kStreamNotAllowed);
  // Unbound fields are not checked.
  EXPECT_EQ(v.verify(token, kExpire - 1, Binding04{}).condition, Condition::kValid);
}

TEST(Token04Verify, PayloadRules) {
  Verifier04 v(kSecret);
  const std::uint32_t login[] = {kPrivilegeLogin};
  auto check = [&](std::string payload, Binding04 b) {
    return v.verify(build_04(gcm_input(std::move(payload))).token, kExpire - 1, b).condition;
  };
  Binding04 room_and_login;
  room_and_login.room_id = "r";
  room_and_login.required_privileges = login;
  // A basic token restricts no room but grants no privilege.
  Binding04 room_only;
  room_only.room_id = "r";
  EXPECT_EQ(check("", room_only), Condition::kValid);
  EXPECT_EQ(check("", room_and_login), Condition::kPrivilegeMissing);
  // Non-JSON and wrongly typed payloads are payload_invalid even with no binding
  // (RoomTokenFormatError 1002075 "payload is in non-JSON format").
  for (const char* bad :
       {"not json", "{", "[]", "\"s\"", R"({"room_id":1})", R"({"privilege":[1]})",
        R"({"privilege":{"1":2}})", R"({"privilege":{"1":"1"}})", R"({"stream_id_list":"s"})",
        R"({"stream_id_list":[1]})", R"({"room_id":"a","room_id":"b"})"}) {
    EXPECT_EQ(check(bad, Binding04{}), Condition::kPayloadInvalid) << bad;
  }
  // stream_id_list null or absent: no stream restriction; unknown members skipped.
  Binding04 stream;
  stream.stream_id = "anything";
  EXPECT_EQ(check(R"({"room_id":"r","privilege":{"1":1},"stream_id_list":null})", stream),
            Condition::kValid);
  EXPECT_EQ(
      check(R"({"custom":{"deep":[1,{"x":null}]},"privilege":{"1":1,"9":0}})", room_and_login),
      Condition::kValid);
  EXPECT_EQ(check(R"({"privilege":{"1":0}})", room_and_login), Condition::kPrivilegeMissing);
  EXPECT_EQ(check(R"({"stream_id_list":[]})", stream), Condition::kStreamNotAllowed);
}

TEST(Token04Verify, TokenAndSecretShape) {
  EXPECT_EQ(Verifier04("short").verify(kZ1, 0, {}).condition, Condition::kInvalidSecret);
  EXPECT_EQ(verify(""), Condition::kTokenMissing);
  EXPECT_EQ(verify("03" + std::string(kZ1.substr(2))), Condition::kUnsupportedVersion);
  Verifier04 v(kSecret);
  const Verdict m = v.verify("04AAAA", 0, {});
  EXPECT_EQ(m.condition, Condition::kMalformed);
  EXPECT_EQ(m.malformation, Malformation::kTruncated);
}

TEST(Token04Verify, ReusedVerifierGivesTheSameAnswers) {
  const std::string good = build_04(gcm_input()).token;
  auto bad = body_of(good);
  bad[30] ^= 0x80;
  const std::string tampered = token_of(bad);
  Verifier04 v(kSecret);
  for (int i = 0; i < 100; ++i) {
    ASSERT_EQ(v.verify(tampered, kExpire - 1, {}).condition, Condition::kDecryptFailed);
    ASSERT_EQ(v.verify(good, kExpire - 1, {}).condition, Condition::kValid);
    ASSERT_EQ(v.verify(kZ1, kExpire - 1, {}).condition, Condition::kValid);
  }
}

// rebuild_input(): a parsed token seals again to the same bytes, in its own mode.
TEST(Token04RebuildInput, ParsedTokensRebuildByteForByteInTheirMode) {
  for (const Build04Input& in : {gcm_input(R"({"room_id":"r"})"), z1_build_input()}) {
    const std::string token = build_04(in).token;
    const auto parsed = parse_04(token, in.secret);
    ASSERT_EQ(parsed.condition, Condition::kValid);
    EXPECT_EQ(build_04(rebuild_input(parsed.token, in.secret)).token, token);
  }
}

}  // namespace
}  // namespace tokcheck::zego
