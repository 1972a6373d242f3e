// The report writers on hand-made runs: escaping of hostile text, the JSON
// report's shape (conformance/reports/report.schema.json) and the fields the
// issue lists. The ctests labelled `reports` check the same writers on a real
// run with real consumers (xmllint, junitparser, Chromium).
#include <gtest/gtest.h>

#include <cstdlib>
#include <fstream>
#include <sstream>

#include "conformance/lib/json_schema.h"
#include "conformance/lib/report_common.h"
#include "conformance/lib/report_fixtures.h"
#include "conformance/lib/reports.h"
#include "reference/schemes/json_output.h"

namespace tokcheck::conformance {
namespace {

using testing::make_run;

TEST(ReportText, CleanTextKeepsUtf8AndEscapesWhatXmlForbids) {
  EXPECT_EQ(clean_text("caf\xc3\xa9 \xe2\x82\xac\t\n"), "caf\xc3\xa9 \xe2\x82\xac\t\n");
  EXPECT_EQ(clean_text(std::string("a\0b", 3)), "a\\x00b");
  EXPECT_EQ(clean_text("\x01\x1b[31m"), "\\x01\\x1b[31m");
  EXPECT_EQ(clean_text("\xff\xc3\x28"), "\\xff\\xc3(");      // invalid UTF-8
  EXPECT_EQ(clean_text("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(clean_text("\xef\xbf\xbe"), "\\xef\\xbf\\xbe");  // U+FFFE
  EXPECT_EQ(clean_text("\xc2\x85"), "\\xc2\\x85");           // C1 control NEL
}

// The terminal summary shows what vector files and implementations wrote; none
// of it may reach the terminal raw or forge a line of the summary's own.
TEST(ReportText, SummaryEscapesWhatItDidNotWrite) {
  RunReport run = make_run("impl\x1b[2J");
  run.load_errors.push_back("x/y.json: /\ax: not allowed here\nconformance: 9 passed, 0 failed");
  run.cases[1].comment =
      "tab\there\r \xc2\x9b"
      "31m";
  run.cases[1].message = "line one\nconformance: 9 passed, 0 failed";
  run.cases[1].stderr_excerpt = "warn\r\nconformance: 9 passed, 0 failed\x07";
  std::ostringstream text;
  print_summary({run}, text, false);
  const std::string s = text.str();
  for (char ch = 0; ch < 0x20; ++ch) {
    if (ch != '\n') {
      EXPECT_EQ(s.find(ch), std::string::npos) << "raw control byte " << int(ch);
    }
  }
  EXPECT_EQ(s.find("\xc2\x9b"), std::string::npos);
  std::istringstream lines(s);
  int closing = 0;
  for (std::string line; std::getline(lines, line);) closing += line.rfind("conformance:", 0) == 0;
  EXPECT_EQ(closing, 1) << s;
  EXPECT_NE(s.find("LOAD_ERROR x/y.json: /\\x07x: not allowed here\\x0aconformance:"),
            std::string::npos)
      << s;
  EXPECT_NE(s.find("(tab\\x09here\\x0d \\xc2\\x9b31m)"), std::string::npos) << s;
}

TEST(ReportText, XmlAndHtmlEscapeMarkup) {
  EXPECT_EQ(xml_escape("<a b=\"c\">&]]>\r"), "&lt;a b=\"c\"&gt;&amp;]]&gt;&#13;");
  EXPECT_EQ(xml_escape("\"x\"\n\ty", true), "&quot;x&quot;&#10;&#9;y");
  EXPECT_EQ(html_escape("<img src=x onerror='a'>&\""),
            "&lt;img src=x onerror=&#39;a&#39;&gt;&amp;&quot;");
}

TEST(ReportText, DifferencesNameEachPathAndIgnoreTopLevelExtras) {
  const Json expected = {
      {"condition", "expired"}, {"codes", {1, 2}}, {"gone", true}, {"fields", {{"a", 1}}}};
  const Json got = {{"id", "x#1"},
                    {"condition", "valid"},
                    {"codes", {1, 3}},
                    {"top_extra", 1},
                    {"fields", {{"a", 1}, {"extra", "<x>"}}}};
  EXPECT_EQ(json_differences(expected, got),
            (std::vector<std::string>{"/condition: expected \"expired\", got \"valid\"",
                                      "/codes/1: expected 2, got 3",
                                      "/gone: expected true, got nothing (missing)",
                                      "/fields/extra: not expected, got \"<x>\""}));
  EXPECT_TRUE(json_differences(expected, Json(expected)).empty());
  EXPECT_EQ(json_differences(expected, Json()), std::vector<std::string>{"no answer arrived"});
}

JsonSchema report_schema() {
  std::ifstream in(std::string(TOKCHECK_REPORTS_DIR) + "/report.schema.json");
  EXPECT_TRUE(in) << "cannot read report.schema.json";
  return JsonSchema(Json::parse(in));
}

std::string join(const std::vector<std::string>& v) {
  std::string out;
  for (const auto& s : v) out += s + "\n";
  return out;
}

TEST(ReportJson, MatchesItsSchemaWithOneOrSeveralImplementations) {
  const JsonSchema schema = report_schema();
  const Json one = report_json({make_run("a")});
  EXPECT_EQ(join(schema.validate(one)), "");
  EXPECT_FALSE(one.contains("matrix"));
  const Json two = report_json({make_run("a"), make_run("b")});
  EXPECT_EQ(join(schema.validate(two)), "");
  ASSERT_TRUE(two.contains("matrix"));
  EXPECT_EQ(two["matrix"]["implementations"], (Json{"#1 a", "#2 b"}));
}

// --report streams the document case by case; it must be the same document.
TEST(ReportJson, StreamedReportIsTheSameDocument) {
  for (const auto& runs : {std::vector<RunReport>{make_run("a")},
                           std::vector<RunReport>{make_run("a"), make_run("b")}}) {
    std::ostringstream streamed;
    write_report_json(runs, streamed);
    const Json parsed = Json::parse(streamed.str());
    // Both sides through the one writer, so the hostile fixtures' invalid
    // UTF-8 is the same \xHH text on each.
    EXPECT_TRUE(parsed == Json::parse(schemes::safe_dump(report_json(runs))));
  }
}

TEST(ReportJson, SchemaRejectsAReportMissingWhatTheIssueAsksFor) {
  const JsonSchema schema = report_schema();
  for (const char* member : {"tool_version", "vectors_digest"}) {
    Json r = report_json({make_run("a")});
    r.erase(member);
    EXPECT_FALSE(schema.validate(r).empty()) << member;
  }
  for (const char* member : {"hello", "stale_allowlist", "acceptable_by_flag"}) {
    Json r = report_json({make_run("a")});
    r["runs"][0].erase(member);
    EXPECT_FALSE(schema.validate(r).empty()) << member;
  }
  for (const char* member : {"expected", "got", "flags", "comment", "duration_us", "stderr"}) {
    Json r = report_json({make_run("a")});
    r["runs"][0]["cases"][1].erase(member);
    EXPECT_FALSE(schema.validate(r).empty()) << member;
  }
  Json r = report_json({make_run("a")});
  r["runs"][0]["cases"][1]["status"] = "FINE";
  EXPECT_FALSE(schema.validate(r).empty());
}

TEST(ReportJson, CarriesEachCaseAsRun) {
  const RunReport run = make_run("a");
  const Json r = report_json({run});
  EXPECT_EQ(r["tool_version"], "1.2.3");
  EXPECT_EQ(r["vectors_digest"], run.vectors_digest);
  EXPECT_FALSE(r["ok"]);
  const Json& j = r["runs"][0];
  EXPECT_EQ(j["hello"], run.hello);
  EXPECT_EQ(j["stale_allowlist"], Json{"agora-007/verify.json#99"});
  EXPECT_EQ(j["acceptable_by_flag"], (Json{{"LenientHex", {"agora-007/parse.json#4"}}}));
  const Json& bad = j["cases"][1];
  EXPECT_EQ(bad["id"], "agora-007/verify.json#2");
  EXPECT_EQ(bad["status"], "SHOULD_HAVE_FAILED");
  EXPECT_EQ(bad["expected"], run.cases[1].expected);
  EXPECT_EQ(bad["got"], run.cases[1].got);
  EXPECT_EQ(bad["duration_us"], 102);
  EXPECT_EQ(bad["comment"], "case 2");
  EXPECT_EQ(j["cases"][3]["flags"], Json{"LenientHex"});
  // Invalid UTF-8 in stderr must not make the report unwritable.
  EXPECT_NO_THROW((void)dump_json(r, 2));
}

TEST(ReportJunit, EscapesHostileTextAndMarksEveryKindOfCase) {
  RunReport run = make_run("a<b>&\"c\"");
  run.cases[1].message = "bad ]]> <x> \x02";
  std::ostringstream xml;
  write_junit({run}, xml);
  const std::string s = xml.str();
  for (char ch = 0; ch < 0x20; ++ch) {
    if (ch != '\n') {
      EXPECT_EQ(s.find(ch), std::string::npos) << "raw control byte " << int(ch);
    }
  }
  EXPECT_EQ(s.find("\xff"), std::string::npos);
  EXPECT_EQ(s.find("<x>"), std::string::npos);
  EXPECT_NE(s.find("message=\"SHOULD_HAVE_FAILED: bad ]]&gt; &lt;x&gt; \\x02\""),
            std::string::npos);
  EXPECT_NE(s.find("oops\\x01\\xff"), std::string::npos);
  EXPECT_NE(s.find("<skipped message=\"NOT_DECLARED"), std::string::npos);
  EXPECT_NE(s.find("<skipped message=\"NOT_RUN"), std::string::npos);
  EXPECT_NE(s.find("ALLOWED by the allowlist (known)"), std::string::npos);
  EXPECT_NE(s.find("classname=\"agora-007/verify.json\" name=\"tcId 2: case 2\""),
            std::string::npos);
  // The run stopped at --max-time: the gate case fails even though it is not a vector.
  EXPECT_NE(s.find("type=\"RUN\""), std::string::npos);
}

// Every text field of a run holding what XML 1.0 cannot carry (NUL, control
// bytes, invalid UTF-8, U+FFFE) and markup. With TOKCHECK_JUNIT_SAMPLE set it
// writes the JUnit XML there for xmllint (ctest conformance_junit_xsd_hostile),
// since the real fixture run has no raw bytes until the runner captures stderr.
RunReport hostile_run() {
  const std::string bad("<x>&\"]]>\0\x01\x1b[31m\xff\xc3\x28\xef\xbf\xbe\r\n", 23);
  RunReport run = make_run("impl" + bad);
  run.implementation += bad;
  run.hello["implementation"]["name"] = "impl" + bad;
  for (CaseRecord& c : run.cases) {
    c.comment += bad;
    c.message += bad;
    c.stderr_excerpt += bad;
    c.allow_reason += bad;
    c.flags.push_back("Flag" + bad);
  }
  run.stale_allowlist.push_back("file.json#1" + bad);
  run.errors.push_back("error" + bad);
  run.implementation_exit = "exited" + bad;
  return run;
}

TEST(ReportJunit, HostileSampleForXmllint) {
  std::ostringstream xml;
  write_junit({hostile_run(), hostile_run()}, xml);
  const std::string s = xml.str();
  EXPECT_EQ(s.find('\0'), std::string::npos);
  EXPECT_EQ(s.find('\x01'), std::string::npos);
  EXPECT_EQ(s.find("<x>"), std::string::npos);
  EXPECT_NE(s.find("&lt;x&gt;&amp;\"]]&gt;\\x00\\x01\\x1b[31m\\xff\\xc3(\\xef\\xbf\\xbe&#13;"),
            std::string::npos);
  const char* path = std::getenv("TOKCHECK_JUNIT_SAMPLE");
  if (path == nullptr) GTEST_SKIP() << "TOKCHECK_JUNIT_SAMPLE not set: no sample written";
  std::ofstream(path, std::ios::binary) << s;
}

TEST(ReportHtml, EscapesEverythingAnImplementationWrote) {
  RunReport run = make_run("<script>alert(1)</script>");
  run.cases[1].message = "<img src=x onerror=alert(2)>";
  run.cases[1].got = {{"condition", "</pre><script>alert(3)</script>"}};
  run.cases[1].stderr_excerpt = "</script><script>alert(4)</script>\x01";
  std::ostringstream html;
  write_html({run}, html);
  const std::string s = html.str();
  EXPECT_EQ(s.find("<img"), std::string::npos);
  EXPECT_EQ(s.find("alert(1)</script>"), std::string::npos);
  EXPECT_EQ(s.find("<script>alert"), std::string::npos);
  EXPECT_NE(s.find("&lt;img src=x onerror=alert(2)&gt;"), std::string::npos);
  // Exactly our two script elements: the counts data block and the page script.
  std::size_t scripts = 0;
  for (std::size_t at = s.find("<script"); at != std::string::npos; at = s.find("<script", at + 1))
    ++scripts;
  EXPECT_EQ(scripts, 2u);
  EXPECT_NE(s.find("Content-Security-Policy"), std::string::npos);
}

}  // namespace
}  // namespace tokcheck::conformance
