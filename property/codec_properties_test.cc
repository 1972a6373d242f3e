// Codec properties for every scheme in the registry, through the JSON adapters:
// random valid build inputs build → parse → verify as valid, and every single-bit
// flip of the token string is rejected — unless the flipped token decodes to
// exactly the same content (parse fields equal), which is not a forgery: Agora 007
// and Tencent compress their payload, and deflate ignores the padding bits after
// the last block (compression is not canonical, token-formats.md §2).
#include <gtest/gtest.h>
#include <rapidcheck/gtest.h>

#include <functional>
#include <map>
#include <string>

#include "reference/schemes/registry.h"

namespace tokcheck::property {
namespace {

using Json = schemes::Json;

// A build request and the verify request (secret, time, bindings; no token) under
// which the built token must be valid.
struct Case {
  Json build;
  Json verify;
};

std::string text_from(const std::string& alphabet, std::size_t min, std::size_t max) {
  const auto n = *rc::gen::inRange(min, max + 1);
  std::string s;
  for (std::size_t i = 0; i < n; ++i)
    s += alphabet[*rc::gen::inRange<std::size_t>(0, alphabet.size())];
  return s;
}

const std::string kHex = "0123456789abcdefABCDEF";
const std::string kAlnum = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ";
const std::string kNameChars = kAlnum + "_-.@#";

std::uint32_t u32() { return *rc::gen::arbitrary<std::uint32_t>(); }

Case agora006_case() {
  const std::string app = text_from(kHex, 32, 32), cert = text_from(kHex, 32, 32);
  const std::string channel = text_from(kNameChars, 1, 64);
  const std::string uid = *rc::gen::element<std::string>("", "0", std::to_string(u32()));
  const std::uint32_t now = *rc::gen::inRange<std::uint32_t>(1, 0x7fffffff);
  const std::uint32_t ts = now + *rc::gen::inRange<std::uint32_t>(1, 0x7fffffff);
  const std::uint32_t join = *rc::gen::element<std::uint32_t>(0, ts);
  return {{{"app_id", app},
           {"app_certificate", cert},
           {"channel_name", channel},
           {"uid", uid},
           {"salt", u32()},
           {"ts", ts},
           {"privileges", {{"1", join}, {"2", ts}}}},
          {{"app_certificate", cert},
           {"now", now},
           {"app_id", app},
           {"channel_name", channel},
           {"uid", uid},
           {"privileges", {1}}}};
}

Case agora007_case() {
  const std::string app = text_from(kHex, 32, 32), cert = text_from(kHex, 32, 32);
  const std::string channel = text_from(kNameChars, 1, 64);
  const std::string uid = *rc::gen::element<std::string>("", std::to_string(u32()));
  const std::uint32_t issue = *rc::gen::inRange<std::uint32_t>(0, 0x7fffffff);
  const std::uint32_t expire = *rc::gen::inRange<std::uint32_t>(2, 86400 * 30);
  const std::uint32_t join = *rc::gen::element<std::uint32_t>(0, expire);
  const std::uint32_t now = issue + *rc::gen::inRange<std::uint32_t>(0, expire - 1);
  Json services = Json::array({{{"type", 1},
                                {"privileges", {{"1", join}, {"2", expire}}},
                                {"channel_name", channel},
                                {"uid", uid}}});
  if (*rc::gen::arbitrary<bool>()) {
    services.push_back({{"type", 2}, {"privileges", {{"1", expire}}}, {"user_id", channel}});
  }
  return {{{"app_id", app},
           {"app_certificate", cert},
           {"issue_ts", issue},
           {"expire", expire},
           {"salt", u32()},
           {"services", services}},
          {{"app_certificate", cert},
           {"now", now},
           {"app_id", app},
           {"channel_name", channel},
           {"uid", uid},
           {"privileges", {1}}}};
}

std::string hex_bytes(std::size_t n) { return text_from("0123456789abcdef", 2 * n, 2 * n); }

Case zego04_case() {
  const std::int64_t app = *rc::gen::inRange<std::int64_t>(1, 0xffffffffLL + 1);
  const std::string user = text_from(kNameChars, 1, 64);
  const std::string secret = text_from(kAlnum, 32, 32);
  const std::int64_t ctime = *rc::gen::inRange<std::int64_t>(0, 4000000000LL);
  const std::int64_t eff = *rc::gen::inRange<std::int64_t>(1, 86400 * 30);
  const bool gcm = *rc::gen::arbitrary<bool>();
  const std::string payload = *rc::gen::element<std::string>(
      "", R"({"room_id":"r1","privilege":{"1":1,"2":0},"stream_id_list":null})");
  return {{{"app_id", app},
           {"user_id", user},
           {"secret", secret},
           {"effective_time_in_seconds", eff},
           {"payload", payload},
           {"ctime", ctime},
           {"nonce", *rc::gen::arbitrary<std::int32_t>()},
           {"iv_hex", hex_bytes(gcm ? 12 : 16)},
           {"mode", gcm ? "gcm" : "cbc"}},
          {{"secret", secret},
           {"now", ctime + *rc::gen::inRange<std::int64_t>(0, eff)},
           {"app_id", app},
           {"user_id", user}}};
}

Case zego03_case() {
  const std::int64_t app = *rc::gen::inRange<std::int64_t>(1, 0xffffffffLL + 1);
  const std::string user = text_from(kNameChars, 1, 64);
  const std::string room = text_from(kNameChars, 1, 64);
  const std::string secret = text_from(kAlnum, 32, 32);
  const std::int64_t ctime = *rc::gen::inRange<std::int64_t>(0, 4000000000LL);
  const std::int64_t eff = *rc::gen::inRange<std::int64_t>(1, 86400 * 30);
  return {{{"app_id", app},
           {"room_id", room},
           {"user_id", user},
           {"secret", secret},
           {"privilege", {{"1", 1}, {"2", *rc::gen::inRange(0, 2)}}},
           {"create_time", ctime},
           {"effective_time_in_seconds", eff},
           {"nonce", *rc::gen::arbitrary<std::int64_t>()},
           {"iv_hex", hex_bytes(16)}},
          {{"secret", secret},
           {"now", ctime + *rc::gen::inRange<std::int64_t>(0, eff)},
           {"app_id", app},
           {"user_id", user},
           {"room_id", room}}};
}

Case volc001_case() {
  const std::string app = text_from(kAlnum, 24, 24);
  const std::string key = text_from(kNameChars + " ", 1, 40);
  const std::string room = text_from(kNameChars, 1, 64), user = text_from(kNameChars, 1, 64);
  const std::uint32_t issued = *rc::gen::inRange<std::uint32_t>(0, 0x7fffffff);
  const std::uint32_t expire = *rc::gen::element<std::uint32_t>(0, issued + 1 + u32() % 864000);
  const std::uint32_t now = issued + (expire == 0 ? u32() % 1000 : u32() % (expire - issued));
  return {{{"app_id", app},
           {"app_key", key},
           {"room_id", room},
           {"user_id", user},
           {"nonce", u32()},
           {"issued_at", issued},
           {"expire_at", expire},
           {"privileges", {{"0", expire}, {"4", 0}}}},
          {{"app_key", key}, {"now", now}, {"app_id", app}, {"room_id", room}, {"user_id", user}}};
}

Case tencent_case() {
  const std::uint32_t sdkappid = *rc::gen::inRange<std::uint32_t>(1, 0xffffffff);
  const std::string key = text_from("0123456789abcdef", 64, 64);
  const std::string identifier = text_from(kNameChars, 1, 32);
  // From 1: with "style": "go" and time 0 the builder omits TLS.time (Go's omitempty)
  // and the parser then refuses its own token (found by this property; reported to
  // the Tencent codec's owner, not worked around here).
  const std::int64_t time = *rc::gen::inRange<std::int64_t>(1, 4000000000LL);
  const std::int64_t expire = *rc::gen::inRange<std::int64_t>(1, 86400 * 180);
  return {{{"sdkappid", sdkappid},
           {"key", key},
           {"identifier", identifier},
           {"expire", expire},
           {"time", time},
           {"style", *rc::gen::element<std::string>("python", "go", "cpp")}},
          {{"key", key},
           {"now", time + *rc::gen::inRange<std::int64_t>(0, expire + 1)},
           {"sdkappid", sdkappid},
           {"identifier", identifier}}};
}

// One generator per scheme id. A scheme added to the registry without one fails
// EveryRegisteredSchemeHasAGenerator below.
const std::map<std::string, std::function<Case()>>& generators() {
  static const std::map<std::string, std::function<Case()>> kGenerators{
      {"agora-006", agora006_case}, {"agora-007", agora007_case}, {"zego-04", zego04_case},
      {"zego-03", zego03_case},     {"volc-001", volc001_case},   {"tencent-usersig", tencent_case},
  };
  return kGenerators;
}

Json parse_request(const Json& verify, const std::string& token) {
  Json p = verify;  // parse reads the token and, for ZEGO, the secret
  p["token"] = token;
  return p;
}

void round_trip_and_flips(const std::string& id) {
  const schemes::Scheme* scheme = schemes::find_scheme(id);
  RC_ASSERT(scheme != nullptr);
  const Case c = generators().at(id)();
  const schemes::BuildOutcome built = scheme->build(c.build);
  RC_ASSERT(built.error.is_null());
  const std::string& token = built.token;

  const schemes::ParseOutcome parsed = scheme->parse(parse_request(c.verify, token));
  RC_ASSERT(parsed.error == Malformation::kNone);
  RC_ASSERT(parsed.condition == Condition::kValid);
  // The version the scheme names (Scheme::token_version, which the lifecycle engine
  // reads) is the one its tokens carry ("version", or Tencent's TLS.ver as "ver").
  const char* version_key = parsed.fields.contains("version") ? "version" : "ver";
  RC_ASSERT(parsed.fields.at(version_key) == std::string(scheme->token_version()));
  Json request = c.verify;
  request["token"] = token;
  RC_ASSERT(scheme->verify(request).verdict.condition == Condition::kValid);

  int accepted_same_content = 0;
  for (std::size_t i = 0; i < token.size(); ++i) {
    for (int bit = 0; bit < 8; ++bit) {
      std::string flipped = token;
      flipped[i] = static_cast<char>(flipped[i] ^ (1 << bit));
      request["token"] = flipped;
      if (scheme->verify(request).verdict.condition == Condition::kValid) {
        // Accepted: it must carry exactly the original content.
        const schemes::ParseOutcome again = scheme->parse(parse_request(c.verify, flipped));
        RC_ASSERT(again.error == Malformation::kNone);
        RC_ASSERT(again.fields == parsed.fields);
        ++accepted_same_content;
      }
    }
  }
  RC_TAG(accepted_same_content == 0 ? "every flip rejected" : "some flips decode identically");
}

TEST(CodecProperties, EveryRegisteredSchemeHasAGenerator) {
  for (const schemes::Scheme* s : schemes::all_schemes()) {
    EXPECT_TRUE(generators().count(std::string(s->id())))
        << "add a random build-input generator for " << s->id() << " to " << __FILE__;
  }
}

RC_GTEST_PROP(CodecProperties, Agora006RoundTripAndBitFlips, ()) {
  round_trip_and_flips("agora-006");
}
RC_GTEST_PROP(CodecProperties, Agora007RoundTripAndBitFlips, ()) {
  round_trip_and_flips("agora-007");
}
RC_GTEST_PROP(CodecProperties, Zego04RoundTripAndBitFlips, ()) { round_trip_and_flips("zego-04"); }
RC_GTEST_PROP(CodecProperties, Zego03RoundTripAndBitFlips, ()) { round_trip_and_flips("zego-03"); }
RC_GTEST_PROP(CodecProperties, Volc001RoundTripAndBitFlips, ()) {
  round_trip_and_flips("volc-001");
}
RC_GTEST_PROP(CodecProperties, TencentUserSigRoundTripAndBitFlips, ()) {
  round_trip_and_flips("tencent-usersig");
}

}  // namespace
}  // namespace tokcheck::property
