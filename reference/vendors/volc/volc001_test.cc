// Volcengine "001": the released vector V1 (token-formats.md §7) rebuilt byte for
// byte, the seed 004_feb3ed951cfe7da6.txt mini-program token decoded (§6 (b)), and
// every verify rule of both check modes (docs/formats/volc.md).
#include "reference/vendors/volc/volc001.h"

#include <gtest/gtest.h>

#include "reference/core/byte_writer.h"
#include "reference/core/crypto_util.h"

namespace tokcheck::volc {
namespace {

constexpr std::string_view kV1Token =
    "001123456781234567812345678QwB4VjQSAPFTZYBCVWUIAG5ldyByb29tCwBuZXcgdXNlciBpZAUAAACAQlVlAQCA"
    "QlVlAgCAQlVlAwCAQlVlBAAAAAAAIAAzxOykEMtwIRCmMVrGzrql8EBRNKoK7XTLa7DgEpxfEg==";
constexpr std::string_view kV1Message =
    "7856341200f153658042556508006e657720726f6f6d0b006e657720757365722069640500000080425565010080"
    "425565020080425565030080425565040000000000";
constexpr std::string_view kV1Signature =
    "33c4eca410cb702110a6315ac6cebaa5f0405134aa0aed74cb6bb0e0129c5f12";
constexpr std::string_view kSeedToken =
    "0015dc114b50538d600388f7b18PgDxNOADsJDmYTDL72EDADAwMgUAdXNlcjcGAAAAMMvvYQEAMMvvYQIAMMvvYQMAMMv"
    "vYQQAMMvvYQUAMMvvYSAAYUqG/tHPKk44g5iN6UQFcQugzPDX7ryKQ2Qiu0V/EmA=";
constexpr std::string_view kAppId = "123456781234567812345678";
constexpr std::string_view kAppKey = "app key";
constexpr std::uint32_t kExpire = 1700086400;

Build001Input v1_input() {
  return {std::string(kAppId),
          std::string(kAppKey),
          "new room",
          "new user id",
          0x12345678,
          1700000000,
          kExpire,
          {{kSubscribeStream, 0}, {kPublishStream, kExpire}}};
}

// Re-frames a token around an arbitrary MSG (signed with kAppKey over `signed_msg`),
// for the layout cases no builder produces.
std::string frame(const std::vector<std::uint8_t>& msg, const std::vector<std::uint8_t>& signed_msg,
                  std::string_view trailing = "") {
  const Sha256Digest sig = HmacSha256::compute(as_bytes(kAppKey), signed_msg);
  ByteWriter w;
  w.add_u16le_prefixed(Bytes(msg));
  w.add_u16le_prefixed(Bytes(sig));
  w.add_bytes(trailing);
  return std::string(kVersion001) + std::string(kAppId) + base64_encode(w.bytes());
}

std::vector<std::uint8_t> message_with(
    const std::vector<std::pair<std::uint16_t, std::uint32_t>>& records,
    std::string_view tail = "") {
  ByteWriter w;
  w.add_u32le(1);
  w.add_u32le(1700000000);
  w.add_u32le(0);
  w.add_u16le_prefixed(std::string_view("r"));
  w.add_u16le_prefixed(std::string_view("u"));
  w.add_u16le(static_cast<std::uint16_t>(records.size()));
  for (const auto& [k, v] : records) {
    w.add_u16le(k);
    w.add_u32le(v);
  }
  w.add_bytes(tail);
  return w.take();
}

TEST(Volc001Released, V1MessageAndSignatureMatchTheNotes) {
  const std::vector<std::uint8_t> msg = pack_message(v1_input());
  EXPECT_EQ(to_hex(msg), kV1Message);
  EXPECT_EQ(to_hex(HmacSha256::compute(as_bytes(kAppKey), msg)), kV1Signature);
}

TEST(Volc001Released, V1RebuildsByteForByte) {
  const auto r = build_001(v1_input());
  ASSERT_EQ(r.error, Build001Error::kNone);
  EXPECT_EQ(r.token, kV1Token);
}

TEST(Volc001Released, V1ParsesToItsInputs) {
  const auto p = parse_001(kV1Token);
  ASSERT_EQ(p.error, Malformation::kNone);
  EXPECT_EQ(p.token.app_id, kAppId);
  EXPECT_EQ(p.token.nonce, 0x12345678u);
  EXPECT_EQ(p.token.issued_at, 1700000000u);
  EXPECT_EQ(p.token.expire_at, kExpire);
  EXPECT_EQ(p.token.room_id, "new room");
  EXPECT_EQ(p.token.user_id, "new user id");
  const PrivilegeMap want{{0, kExpire}, {1, kExpire}, {2, kExpire}, {3, kExpire}, {4, 0}};
  EXPECT_EQ(p.token.privileges, want);
  EXPECT_EQ(to_hex(p.token.signature), kV1Signature);
}

TEST(Volc001Released, SeedMiniProgramTokenDecodesExactly) {
  const auto p = parse_001(kSeedToken);
  ASSERT_EQ(p.error, Malformation::kNone);
  EXPECT_EQ(p.token.app_id, "5dc114b50538d600388f7b18");
  EXPECT_EQ(p.token.nonce, 65025265u);
  EXPECT_EQ(p.token.issued_at, 1642500272u);
  EXPECT_EQ(p.token.expire_at, 1643105072u);
  EXPECT_EQ(p.token.room_id, "002");
  EXPECT_EQ(p.token.user_id, "user7");
  ASSERT_EQ(p.token.privileges.size(), 6u);
  for (std::uint16_t k = 0; k < 6; ++k) {
    EXPECT_EQ(p.token.privileges[k], (std::pair<std::uint16_t, std::uint32_t>{k, 1643105072u}));
  }
  EXPECT_EQ(to_hex(p.token.signature),
            "614a86fed1cf2a4e3883988de94405710ba0ccf0d7eebc8a436422bb457f1260");
}

TEST(Volc001Build, PublishImpliesAudioVideoDataUnlessGivenExplicitly) {
  EXPECT_EQ(expand_privileges({{kPublishStream, 7}}),
            (PrivilegeMap{{0, 7}, {1, 7}, {2, 7}, {3, 7}}));
  EXPECT_EQ(expand_privileges({{kPublishVideoStream, 9}, {kPublishStream, 7}}),
            (PrivilegeMap{{0, 7}, {1, 7}, {2, 9}, {3, 7}}));
  EXPECT_EQ(expand_privileges({{10, 1}, {2, 2}}), (PrivilegeMap{{2, 2}, {10, 1}}));  // numeric
}

TEST(Volc001Build, RefusesBadInputs) {
  Build001Input in = v1_input();
  in.app_id = "12345678123456781234567";  // 23
  EXPECT_EQ(build_001(in).error, Build001Error::kBadAppId);
  in.app_id = "12345678123456781234567!";
  EXPECT_EQ(build_001(in).error, Build001Error::kBadAppId);
  in = v1_input();
  in.app_key.clear();
  EXPECT_EQ(build_001(in).error, Build001Error::kBadAppKey);
  in = v1_input();
  in.room_id = std::string("\xff", 1);
  EXPECT_EQ(build_001(in).error, Build001Error::kBadField);
  in.room_id = std::string(65536, 'r');
  EXPECT_EQ(build_001(in).error, Build001Error::kFieldTooLong);
  // The whole MSG is u16-length-prefixed too, so a room that fits its own prefix
  // can still make MSG too long.
  in.room_id = std::string(65535, 'r');
  EXPECT_EQ(build_001(in).error, Build001Error::kFieldTooLong);
  in.room_id = std::string(65000, 'r');
  EXPECT_EQ(build_001(in).error, Build001Error::kNone);
}

TEST(Volc001Verify, ExpiryIsValidAtEqualityInBothModes) {
  Verifier001 v(kAppKey);
  for (CheckMode mode : {CheckMode::kOfficial, CheckMode::kStrict}) {
    EXPECT_EQ(v.verify(kV1Token, kExpire - 1, mode).condition, Condition::kValid);
    EXPECT_EQ(v.verify(kV1Token, kExpire, mode).condition, Condition::kValid);
    EXPECT_EQ(v.verify(kV1Token, kExpire + 1, mode).condition, Condition::kExpired);
  }
}

TEST(Volc001Verify, ExpireAtZeroNeverExpires) {
  Build001Input in = v1_input();
  in.expire_at = 0;
  in.privileges = {{kSubscribeStream, 0}};
  const std::string token = build_001(in).token;
  Verifier001 v(kAppKey);
  const std::uint16_t sub[] = {kSubscribeStream};
  EXPECT_EQ(v.verify(token, 0xFFFFFFFFll, CheckMode::kOfficial).condition, Condition::kValid);
  EXPECT_EQ(
      v.verify(token, 0xFFFFFFFFll, CheckMode::kStrict, {.required_privileges = sub}).condition,
      Condition::kValid);
}

TEST(Volc001Verify, StrictChecksBindingsAndPrivilegesOfficialDoesNot) {
  Verifier001 v(kAppKey);
  const std::uint16_t both[] = {kPublishStream, kSubscribeStream};
  Binding001 b{kAppId, "new room", "new user id", both};
  EXPECT_EQ(v.verify(kV1Token, 1700000000, CheckMode::kStrict, b).condition, Condition::kValid);
  b.room_id = "other";
  EXPECT_EQ(v.verify(kV1Token, 1700000000, CheckMode::kStrict, b).condition,
            Condition::kRoomMismatch);
  EXPECT_EQ(v.verify(kV1Token, 1700000000, CheckMode::kOfficial, b).condition, Condition::kValid);
  b.room_id = "new room";
  b.user_id = "someone";
  EXPECT_EQ(v.verify(kV1Token, 1700000000, CheckMode::kStrict, b).condition,
            Condition::kUserIdMismatch);
  b.user_id = std::nullopt;
  b.app_id = "876543218765432187654321";
  EXPECT_EQ(v.verify(kV1Token, 1700000000, CheckMode::kStrict, b).condition,
            Condition::kAppIdMismatch);
  b.app_id = "short";
  EXPECT_EQ(v.verify(kV1Token, 1700000000, CheckMode::kStrict, b).condition,
            Condition::kInvalidAppId);
}

TEST(Volc001Verify, PrivilegeMissingAndExpiryBoundary) {
  Build001Input in = v1_input();
  in.expire_at = 0;
  in.privileges = {{kPublishStream, 2000}, {kSubscribeStream, 0}};
  const std::string token = build_001(in).token;
  Verifier001 v(kAppKey);
  const std::uint16_t publish[] = {kPublishAudioStream};
  const std::uint16_t unknown[] = {5};
  Verdict r = v.verify(token, 2000, CheckMode::kStrict, {.required_privileges = publish});
  EXPECT_EQ(r.condition, Condition::kValid);
  r = v.verify(token, 2001, CheckMode::kStrict, {.required_privileges = publish});
  EXPECT_EQ(r.condition, Condition::kPrivilegeExpired);
  EXPECT_EQ(r.privilege, 1u);
  r = v.verify(token, 1, CheckMode::kStrict, {.required_privileges = unknown});
  EXPECT_EQ(r.condition, Condition::kPrivilegeMissing);
  EXPECT_EQ(r.privilege, 5u);
}

TEST(Volc001Verify, AppIdIsOutsideTheSignature) {
  std::string tampered(kV1Token);
  tampered.replace(3, 24, "abcdefabcdefabcdefabcdef");
  Verifier001 v(kAppKey);
  EXPECT_EQ(v.verify(tampered, 1700000000, CheckMode::kOfficial).condition, Condition::kValid);
  EXPECT_EQ(v.verify(tampered, 1700000000, CheckMode::kStrict).condition, Condition::kValid);
  EXPECT_EQ(v.verify(tampered, 1700000000, CheckMode::kStrict, {.app_id = kAppId}).condition,
            Condition::kAppIdMismatch);
}

TEST(Volc001Verify, OfficialToleratesWhatItsParseIgnoresStrictDoesNot) {
  Verifier001 v(kAppKey);
  const auto msg = message_with({{0, 5}, {4, 0}});
  const std::string trailing_after_sig = frame(msg, msg, "xyz");
  EXPECT_EQ(v.verify(trailing_after_sig, 1, CheckMode::kOfficial).condition, Condition::kValid);
  EXPECT_EQ(v.verify(trailing_after_sig, 1, CheckMode::kStrict).malformation,
            Malformation::kTrailingBytes);

  const std::string trailing_in_msg = frame(message_with({{0, 5}, {4, 0}}, "junk"), msg);
  EXPECT_EQ(v.verify(trailing_in_msg, 1, CheckMode::kOfficial).condition, Condition::kValid);
  EXPECT_EQ(v.verify(trailing_in_msg, 1, CheckMode::kStrict).malformation,
            Malformation::kTrailingBytes);

  // Unsorted keys: official re-packs them sorted before the HMAC.
  const auto unsorted = message_with({{4, 0}, {0, 5}});
  EXPECT_EQ(v.verify(frame(unsorted, unsorted), 1, CheckMode::kOfficial).condition,
            Condition::kBadSignature);
  EXPECT_EQ(v.verify(frame(unsorted, msg), 1, CheckMode::kOfficial).condition, Condition::kValid);
  EXPECT_EQ(v.verify(frame(unsorted, msg), 1, CheckMode::kStrict).malformation,
            Malformation::kUnsortedMap);
  // A repeated key: the last value wins, as in a JS object / Python dict.
  const auto repeated = message_with({{0, 9}, {0, 5}, {4, 0}});
  EXPECT_EQ(v.verify(frame(repeated, msg), 1, CheckMode::kOfficial).condition, Condition::kValid);
  const auto p = parse_001(frame(repeated, msg), Base64Mode::kStrict, CheckMode::kOfficial);
  ASSERT_EQ(p.error, Malformation::kNone);
  EXPECT_TRUE(p.token.privileges_not_canonical);
  EXPECT_EQ(p.token.privileges, (PrivilegeMap{{0, 5}, {4, 0}}));
}

TEST(Volc001Verify, OfficialChecksExpiryBeforeTheSignature) {
  // The seed token's key is unknown, yet the official order decides "expired" first.
  Verifier001 v("not the key");
  EXPECT_EQ(v.verify(kSeedToken, 1643105073, CheckMode::kOfficial).condition, Condition::kExpired);
  EXPECT_EQ(v.verify(kSeedToken, 1643105073, CheckMode::kStrict).condition,
            Condition::kBadSignature);
}

TEST(Volc001Verify, SignatureLengthAndBitsMatter) {
  Verifier001 v(kAppKey);
  const auto msg = message_with({});
  for (std::size_t len : {0u, 1u, 16u, 31u, 33u}) {
    Sha256Digest sig = HmacSha256::compute(as_bytes(kAppKey), msg);
    std::vector<std::uint8_t> s(sig.begin(), sig.end());
    s.resize(len, 0);
    ByteWriter w;
    w.add_u16le_prefixed(Bytes(msg));
    w.add_u16le_prefixed(Bytes(s));
    const std::string token =
        std::string(kVersion001) + std::string(kAppId) + base64_encode(w.bytes());
    EXPECT_EQ(v.verify(token, 1, CheckMode::kStrict).condition, Condition::kBadSignature) << len;
  }
  EXPECT_EQ(Verifier001("wrong").verify(kV1Token, 1, CheckMode::kStrict).condition,
            Condition::kBadSignature);
}

TEST(Volc001Parse, HostileAndBrokenInputsAreMalformations) {
  EXPECT_EQ(parse_001("").error, Malformation::kEmpty);
  EXPECT_EQ(parse_001("002123456781234567812345678AAAA").error, Malformation::kBadPrefix);
  EXPECT_EQ(parse_001("00112345678").error, Malformation::kTruncated);
  EXPECT_EQ(parse_001("001123456781234567812345678").error, Malformation::kTruncated);
  EXPECT_EQ(parse_001("00112345678123456781234567!AAAA").error, Malformation::kBadAppId);
  EXPECT_EQ(parse_001("001123456781234567812345678!!!!").error, Malformation::kBadBase64);
  // A privilege count of 65535 with no records behind it fails before any work.
  ByteWriter w;
  auto msg = message_with({});
  msg[msg.size() - 2] = 0xFF;
  msg[msg.size() - 1] = 0xFF;
  EXPECT_EQ(parse_001(frame(msg, msg)).error, Malformation::kLengthOverflow);
  // Non-UTF-8 room.
  auto bad_room = message_with({});
  bad_room[14] = 0xFF;  // the room's single byte "r"
  EXPECT_EQ(parse_001(frame(bad_room, bad_room)).error, Malformation::kBadField);
  // Truncated content at every byte: never a crash, always a malformation.
  std::vector<std::uint8_t> content;
  ASSERT_EQ(base64_decode(kV1Token.substr(27), Base64Mode::kStrict, content).error,
            Malformation::kNone);
  for (std::size_t n = 0; n < content.size(); ++n) {
    const std::string cut =
        std::string(kV1Token.substr(0, 27)) + base64_encode(Bytes(content).first(n));
    const auto p = parse_001(cut);
    EXPECT_TRUE(p.error == Malformation::kTruncated || p.error == Malformation::kLengthOverflow)
        << n << " " << to_string(p.error);
  }
}

TEST(Volc001Verify, NonCanonicalBase64IsStrictOnlyAndVerdictSaysSo) {
  std::string padding_bits(kV1Token);
  padding_bits[padding_bits.size() - 3] = 'h';  // "Eg==" → "Eh==": same bytes
  Verifier001 v(kAppKey);
  const Verdict strict = v.verify(padding_bits, 1700000000, CheckMode::kStrict);
  EXPECT_EQ(strict.malformation, Malformation::kNonCanonicalBase64);
  const Verdict lenient =
      v.verify(padding_bits, 1700000000, CheckMode::kStrict, {}, Base64Mode::kLenient);
  EXPECT_EQ(lenient.condition, Condition::kValid);
  EXPECT_TRUE(lenient.lenient_base64);
}

TEST(Volc001Verify, EmptyKeyAndEmptyToken) {
  EXPECT_EQ(Verifier001("").verify(kV1Token, 1, CheckMode::kStrict).condition,
            Condition::kInvalidSecret);
  EXPECT_EQ(Verifier001(kAppKey).verify("", 1, CheckMode::kStrict).condition,
            Condition::kTokenMissing);
  EXPECT_EQ(Verifier001(kAppKey).verify("006abc", 1, CheckMode::kOfficial).condition,
            Condition::kUnsupportedVersion);
}

// rebuild_input(): the parsed released token signs again to the same bytes.
TEST(Volc001RebuildInput, ReleasedTokenRebuildsByteForByte) {
  const auto parsed = parse_001(kV1Token);
  ASSERT_EQ(parsed.error, Malformation::kNone);
  EXPECT_EQ(build_001(rebuild_input(parsed.token, v1_input().app_key)).token, kV1Token);
}

}  // namespace
}  // namespace tokcheck::volc
