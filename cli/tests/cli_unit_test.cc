// Unit tests of the CLI's small pieces whose exact behaviour is a documented
// decision: safe_dump's escaping rule, printable(), token repairs, --now parsing,
// the relative-time formatter at the int64 extremes, and the request checks.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <limits>

#include "cli/io.h"
#include "cli/now_arg.h"
#include "cli/output_timeline.h"
#include "cli/request_input.h"
#include "cli/simulate_html.h"
#include "cli/text_escape.h"
#include "cli/token_repair.h"
#include "cli/vendor_alias.h"
#include "reference/lifecycle/simulate.h"
#include "reference/schemes/json_output.h"

namespace tokcheck::cli {
namespace {

using schemes::Json;

TEST(SafeDump, ValidUtf8IsWrittenAsDumpWritesIt) {
  const Json v = {{"a", "caf\xc3\xa9 \xe4\xb8\xad"}, {"n", 1}, {"ctl", "\x1b"}};
  EXPECT_EQ(schemes::safe_dump(v), v.dump());
  EXPECT_EQ(schemes::safe_dump(v, 2), v.dump(2));
}

TEST(SafeDump, EachStrayByteBecomesBackslashXHH) {
  const Json v = {{"channel_name", "c\xff\xfe\x80x"}};
  EXPECT_EQ(schemes::safe_dump(v), R"({"channel_name":"c\\xFF\\xFE\\x80x"})");
  // The result parses back, and reads as the escaped text.
  EXPECT_EQ(Json::parse(schemes::safe_dump(v))["channel_name"], "c\\xFF\\xFE\\x80x");
}

TEST(SafeDump, TruncatedSequenceAndMemberNamesToo) {
  // E4 B8 is the start of a 3-byte sequence cut short; overlong C0 80; surrogate ED A0 80.
  const Json v = {{"k\xe4\xb8", Json::array({"\xc0\x80", "\xed\xa0\x80"})}};
  EXPECT_EQ(schemes::safe_dump(v), R"({"k\\xE4\\xB8":["\\xC0\\x80","\\xED\\xA0\\x80"]})");
}

TEST(Printable, ControlsC1AndBidiAreEscapedTextIsKept) {
  EXPECT_EQ(printable("c\x1b[31mRED\x1b]0;pwned\x07"), "c\\x1B[31mRED\\x1B]0;pwned\\x07");
  EXPECT_EQ(printable("a\nb\tc\x7f"), "a\\x0Ab\\x09c\\x7F");
  EXPECT_EQ(printable("\xc2\x9b"), "\\x9B");          // C1 CSI, by code point
  EXPECT_EQ(printable("\xe2\x80\xae"), "\\u{202E}");  // RIGHT-TO-LEFT OVERRIDE
  EXPECT_EQ(printable("\xff"), "\\xFF");
  EXPECT_EQ(printable("caf\xc3\xa9 \xe4\xb8\xad"), "caf\xc3\xa9 \xe4\xb8\xad");
}

TEST(TokenRepair, CleanTokenIsUntouched) {
  const auto r = repair_token("006abc+/=");
  EXPECT_EQ(r.token, "006abc+/=");
  EXPECT_TRUE(r.repairs.empty());
}

TEST(TokenRepair, EachDamageIsNamedAndUndone) {
  auto kinds = [](const RepairedToken& r) {
    std::vector<std::string> out;
    for (const auto& x : r.repairs) out.emplace_back(x.kind);
    return out;
  };
  EXPECT_EQ(repair_token(" 006ab+c\r\n").token, "006ab+c");
  EXPECT_EQ(kinds(repair_token("006ab+c\n")), std::vector<std::string>{"whitespace"});
  EXPECT_EQ(repair_token("\"006ab+c\"").token, "006ab+c");
  EXPECT_EQ(kinds(repair_token("'006ab+c'")), std::vector<std::string>{"quotes"});
  EXPECT_EQ(repair_token("006ab%2Bc%2F%3D").token, "006ab+c/=");
  EXPECT_EQ(kinds(repair_token("006ab%2bc")), std::vector<std::string>{"url_encoded"});
  EXPECT_EQ(repair_token("006ab%252Bc").token, "006ab+c");  // encoded twice
  EXPECT_EQ(repair_token("006ab c d").token, "006ab+c+d");
  EXPECT_EQ(kinds(repair_token("006ab c")), std::vector<std::string>{"plus_as_space"});
  EXPECT_EQ(kinds(repair_token(" \"006a%2Fb c\"\n")),
            (std::vector<std::string>{"whitespace", "quotes", "url_encoded", "plus_as_space"}));
  EXPECT_EQ(repair_token("100%").token, "100%");  // a lone % is not an escape
}

TEST(NowArg, ZeroIsTheEpochAndTheRangeIsEnforced) {
  EXPECT_EQ(parse_now_arg("0"), 0);
  EXPECT_EQ(parse_now_arg("253402300799"), kNowMax);
  EXPECT_THROW(parse_now_arg("253402300800"), schemes::UsageError);
  EXPECT_THROW(parse_now_arg("-1"), schemes::UsageError);
  EXPECT_THROW(parse_now_arg("-9223372036854775808"), schemes::UsageError);
  EXPECT_THROW(parse_now_arg("99999999999999999999"), schemes::UsageError);
  EXPECT_THROW(parse_now_arg("12x"), schemes::UsageError);
  EXPECT_THROW(parse_now_arg(""), schemes::UsageError);
  const Json zero = {{"now", 0}};
  EXPECT_EQ(resolve_now(std::nullopt, &zero), 0);
  EXPECT_EQ(resolve_now(std::string("0"), &zero), 0);
  EXPECT_THROW(resolve_now(std::string("5"), &zero), schemes::UsageError);  // disagree
  const Json negative = {{"now", -1}};
  EXPECT_THROW(resolve_now(std::nullopt, &negative), schemes::UsageError);
}

TEST(FormatRelative, NoOverflowAtTheInt64Extremes) {
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  // 2^64-1 s = 584942417355y 26d in 365-day years: (2**64-1)//(365*86400) and the
  // remainder //86400, computed separately in Python.
  EXPECT_EQ(format_relative(kMax, kMin), "in 584942417355y 26d");
  EXPECT_EQ(format_relative(kMin, kMax), "584942417355y 26d ago");
  EXPECT_EQ(format_relative(0, 1111111), "12d 20h ago");
  EXPECT_EQ(format_relative(5, 5), "now");
  EXPECT_EQ(format_offset(kMax, kMin), "+18446744073709551615");
  EXPECT_EQ(format_offset(kMin, kMax), "-18446744073709551615");
}

TEST(RequestInput, DuplicateKeysAtAnyDepthAndLineColumn) {
  EXPECT_THROW(parse_request(R"({"a":1,"a":2})", "t"), schemes::UsageError);
  EXPECT_THROW(parse_request(R"({"s":[{"x":1,"x":1}]})", "t"), schemes::UsageError);
  EXPECT_NO_THROW(parse_request(R"({"s":[{"x":1},{"x":1}],"x":2})", "t"));
  try {
    parse_request("{\n  \"a\": oops}", "t");
    FAIL() << "no error";
  } catch (const schemes::UsageError& e) {
    EXPECT_NE(std::string(e.what()).find("line 2, column"), std::string::npos) << e.what();
  }
}

TEST(VendorAlias, VolcFamilyIsOneName) {
  for (const char* n : {"volc", "Volcengine", "bytedance", "miniprogram"}) {
    EXPECT_EQ(canonical_vendor(n), "volc") << n;
  }
  EXPECT_EQ(canonical_vendor("ZEGO"), "zego");
}

}  // namespace
// Every lifecycle vector's scenario draws: one table row and one timeline mark
// per output, and no "<script" anywhere (descriptions and names are escaped).
TEST(OutputTimeline, ZegoOutputsNameTheirRoom) {
  using schemes::Json;
  EXPECT_EQ(describe_output(
                Json{{"kind", "result"}, {"call", "loginRoom"}, {"ok", true}, {"room_id", "r2"}}),
            "loginRoom in room r2 → ok");
  EXPECT_EQ(describe_output(Json{{"kind", "callback"},
                                 {"name", "onRoomTokenWillExpire"},
                                 {"remaining", 30},
                                 {"room_id", "r1"}}),
            "callback onRoomTokenWillExpire in room r1 (30 s left)");
  EXPECT_EQ(describe_output(Json{{"kind", "kicked_out"},
                                 {"reason", "expired"},
                                 {"codes", Json::array()},
                                 {"room_id", "r1"}}),
            "kicked out in room r1 (expired)");
  EXPECT_EQ(describe_output(Json{{"at", 1},
                                 {"kind", "state"},
                                 {"event", 3},
                                 {"rooms", Json::array({"r1"})},
                                 {"publishing", Json::array()}}),
            "state: rooms [\"r1\"] publishing []");
  // Outputs without a room read as before.
  EXPECT_EQ(describe_output(Json{{"kind", "result"}, {"call", "joinChannel"}, {"ok", true}}),
            "joinChannel → ok");
}

// A claims "expire": 0 is "never expires" only where the vendor's tables say so
// (the mini-program, BD-NO-EXPIRY): there the span is open (data-until="none");
// for Agora the same 0 is an instant long past.
TEST(SimulateHtml, AZeroExpiryIsOpenOnlyWhereTheVendorSaysSo) {
  const Json bytedance = {
      {"profile",
       {{"vendor", "bytedance"},
        {"product", "miniprogram_rtc"},
        {"base_library", "2.70.0"},
        {"app_id", "a"}}},
      {"start", 1700000000},
      {"tokens", {{"T", {{"expire", 0}, {"room", "r"}, {"user", "u"}}}}},
      {"events", {{{"op", "joinRtcRoom"}, {"room", "r"}, {"user", "u"}, {"token", "T"}}}}};
  const Json result = lifecycle::simulate_json(bytedance);
  ASSERT_EQ(result["outputs"][0]["ok"], true) << result.dump();
  EXPECT_NE(render_simulate_html(bytedance, result).find("data-until=\"none\""), std::string::npos);
  const Json agora = {
      {"profile",
       {{"vendor", "agora"}, {"product", "rtc"}, {"platform", "web"}, {"certificate", true}}},
      {"start", 1700000000},
      {"tokens", {{"T", {{"expire", 0}, {"channel", "c"}, {"uid", "1"}}}}},
      {"events", {{{"op", "joinChannel"}, {"channel", "c"}, {"uid", "1"}, {"token", "T"}}}}};
  const Json refused = lifecycle::simulate_json(agora);
  ASSERT_EQ(refused["outputs"][0]["reason"], "expired") << refused.dump();
  EXPECT_EQ(render_simulate_html(agora, refused).find("data-until=\"none\""), std::string::npos);
}

TEST(SimulateHtml, EveryLifecycleVectorDrawsOneRowAndOneMarkPerOutput) {
  std::size_t scenarios = 0;
  for (const auto& dir : std::filesystem::directory_iterator(TOKCHECK_TEST_VECTORS_DIR)) {
    if (!dir.path().filename().string().starts_with("lifecycle-")) continue;
    std::ifstream in(dir.path() / "scenario.json");
    const Json file = Json::parse(in);
    for (const Json& t : file.at("tests")) {
      const Json& scenario = t.at("input");
      const Json result = lifecycle::simulate_json(scenario);
      const std::string page = render_simulate_html(scenario, result);
      const std::size_t n = result.at("outputs").size();
      auto count = [&page](std::string_view needle) {
        std::size_t c = 0;
        for (std::size_t at = page.find(needle); at != std::string::npos;
             at = page.find(needle, at + 1)) {
          ++c;
        }
        return c;
      };
      EXPECT_EQ(count("<tr class="), n) << dir.path() << " #" << t.at("tcId");
      EXPECT_EQ(count("<g class=\"mark "), n) << dir.path() << " #" << t.at("tcId");
      EXPECT_EQ(count("<script"), 0u) << dir.path() << " #" << t.at("tcId");
      ++scenarios;
    }
  }
  EXPECT_GT(scenarios, 100u);  // all four vendors' files were found and read
}

}  // namespace tokcheck::cli
