#include "conformance/lib/vector_file_reader.h"

#include <gtest/gtest.h>

#include <fstream>
#include <sstream>
#include <string>
#include <vector>

namespace tokcheck::conformance {
namespace {

// What a sink was told, in order: "begin <scheme>/<operation>", "case <tcId>",
// "end loaded" / "end broken".
class Recorder : public VectorCaseSink {
 public:
  void begin_file(const VectorFile& h) override {
    events.push_back("begin " + h.scheme + "/" + h.operation);
  }
  void take_case(const VectorFile&, VectorCase& c) override {
    events.push_back("case " + std::to_string(c.tc_id));
  }
  void end_file(const VectorFile&, bool loaded) override {
    events.push_back(loaded ? "end loaded" : "end broken");
  }
  std::vector<std::string> events;
};

struct Read {
  std::vector<std::string> errors;
  std::vector<std::string> events;
};

Read read(const std::string& text, Delivery delivery) {
  std::stringbuf buf(text);
  Recorder sink;
  Read r;
  r.errors =
      read_vector_file(buf, "x/parse.json", vector_schema(default_vectors_root()), sink, delivery);
  r.events = sink.events;
  return r;
}

Json test_case(int id) {
  return {{"tcId", id},
          {"comment", "c"},
          {"flags", Json::array()},
          {"result", "valid"},
          {"source", "s"},
          {"input", {{"token", "006x"}}},
          {"expected", {{"ok", false}}}};
}

// A file with `n` tests, its header members before them (as every shipped file
// and the generators write them).
Json file_with(int n) {
  Json doc = {{"schema", "tokcheck_vectors_v1.schema.json"},
              {"scheme", "agora-006"},
              {"operation", "parse"},
              {"generator", "test"},
              {"numberOfTests", n},
              {"header", {"h"}},
              {"notes", {{"Edge", {{"bugType", "EDGE_CASE"}, {"description", "d"}}}}},
              {"tests", Json::array()}};
  for (int i = 1; i <= n; ++i) doc["tests"].push_back(test_case(i));
  return doc;
}

const std::vector<std::string> kThreeLoaded = {"begin agora-006/parse", "case 1", "case 2",
                                               "case 3", "end loaded"};

TEST(VectorFileReader, HandsEachCaseOnAsItIsRead) {
  const Read r = read(file_with(3).dump(), Delivery::kAsRead);
  EXPECT_TRUE(r.errors.empty());
  EXPECT_EQ(r.events, kThreeLoaded);
  EXPECT_EQ(read(file_with(3).dump(), Delivery::kWhenLoaded).events, kThreeLoaded);
}

// Every way a file can turn out broken after its first cases were handed on:
// the sink hears that it did not load, and the errors are load_vector_file's.
TEST(VectorFileReader, AFileFoundBrokenLateIsTakenBack) {
  std::vector<std::pair<std::string, std::string>> broken;  // text, what is wrong
  Json doc = file_with(3);
  doc["tests"][2]["result"] = "maybe";
  broken.emplace_back(doc.dump(), "a schema error in the last test");
  doc = file_with(3);
  doc["tests"][2]["tcId"] = 1;
  broken.emplace_back(doc.dump(), "a duplicate tcId in the last test");
  doc = file_with(3);
  doc["numberOfTests"] = 4;
  broken.emplace_back(doc.dump(), "numberOfTests");
  std::string text = file_with(3).dump();
  broken.emplace_back(text.substr(0, text.size() - 1), "the JSON ends early");
  broken.emplace_back(text + "x", "trailing bytes");
  text.insert(text.size() - 1, R"(,"generator":"again")");
  broken.emplace_back(text, "a header member after the tests, twice");

  const JsonSchema& schema = vector_schema(default_vectors_root());
  for (const auto& [bad, what] : broken) {
    SCOPED_TRACE(what);
    const Read streamed = read(bad, Delivery::kAsRead);
    ASSERT_FALSE(streamed.errors.empty());
    ASSERT_GE(streamed.events.size(), 3u);
    EXPECT_EQ(streamed.events.front(), "begin agora-006/parse");
    EXPECT_EQ(streamed.events[1], "case 1");
    EXPECT_EQ(streamed.events.back(), "end broken");
    if (what == "a header member after the tests, twice") {
      EXPECT_EQ(streamed.errors, std::vector<std::string>{"/: member \"generator\" appears twice"});
    }
    // Nothing is handed on once the file is known broken.
    if (what == "a duplicate tcId in the last test") {
      EXPECT_EQ(streamed.events, (std::vector<std::string>{"begin agora-006/parse", "case 1",
                                                           "case 2", "end broken"}));
    }
    // Held until loaded: the sink hears nothing of a broken file.
    const Read held = read(bad, Delivery::kWhenLoaded);
    EXPECT_EQ(held.errors, streamed.errors);
    EXPECT_TRUE(held.events.empty());
    VectorFile f;
    EXPECT_EQ(load_vector_file(bad, schema, f), streamed.errors);
  }
}

// A file whose notes come after its tests cannot have its flags checked before
// the end: its cases are held and handed on only once the file is known good.
TEST(VectorFileReader, CasesBeforeTheHeaderAreHeldUntilTheEnd) {
  Json doc = file_with(3);
  const Json notes = doc["notes"];
  doc.erase("notes");
  doc["notes"] = notes;  // ordered_json: now after "tests"
  ASSERT_EQ(doc.items().begin().key(), "schema");
  EXPECT_EQ(read(doc.dump(), Delivery::kAsRead).events, kThreeLoaded);

  doc["tests"][1]["flags"] = Json::array({"Undescribed"});
  const Read r = read(doc.dump(), Delivery::kAsRead);
  ASSERT_EQ(r.errors.size(), 1u);
  EXPECT_EQ(r.errors[0], "tcId 2: flag \"Undescribed\" has no entry in notes");
  EXPECT_TRUE(r.events.empty());
}

// Schema errors name the test where it stood in the file, as validating the
// whole document does.
TEST(VectorFileReader, SchemaErrorsNameTheTestsIndex) {
  Json doc = file_with(3);
  doc["tests"][1].erase("source");
  doc["tests"][2]["flags"] = Json::array({"lowercase"});
  doc["generator"] = "";
  const std::vector<std::string> errors = read(doc.dump(), Delivery::kAsRead).errors;
  EXPECT_EQ(errors, vector_schema(default_vectors_root()).validate(doc));
  ASSERT_EQ(errors.size(), 3u);
  EXPECT_EQ(errors[0].rfind("/generator:", 0), 0u) << errors[0];
  EXPECT_EQ(errors[1].rfind("/tests/1:", 0), 0u) << errors[1];
  EXPECT_EQ(errors[2].rfind("/tests/2/flags/0:", 0), 0u) << errors[2];
}

// A repeated member's name is the file's own text: it is quoted as JSON, as the
// lint quotes a flag. (Every printer escapes load errors again for its format:
// the schema's own errors name members raw, e.g. ReportText.SummaryEscapes...)
TEST(VectorFileReader, ARepeatedMemberIsNamedAsJson) {
  std::string text = file_with(1).dump();
  text.insert(1, R"("\u0007x": 1, "\u0007x": 2, )");
  const Read r = read(text, Delivery::kAsRead);
  ASSERT_FALSE(r.errors.empty());
  EXPECT_EQ(r.errors.back(), "/: member \"\\u0007x\" appears twice");
}

// Every shipped file reads to the same cases either way, each handed on once.
TEST(VectorFileReader, ShippedFilesReadTheSameEitherWay) {
  const JsonSchema& schema = vector_schema(default_vectors_root());
  int files = 0;
  for (const auto& path : find_vector_files(default_vectors_root())) {
    SCOPED_TRACE(path.string());
    std::ifstream in(path, std::ios::binary);
    std::stringstream text;
    text << in.rdbuf();
    VectorFile whole;
    ASSERT_TRUE(load_vector_file(text.str(), schema, whole).empty());
    const Read streamed = read(text.str(), Delivery::kAsRead);
    ASSERT_TRUE(streamed.errors.empty());
    ASSERT_EQ(streamed.events.size(), whole.tests.size() + 2);
    EXPECT_EQ(streamed.events.front(), "begin " + whole.scheme + "/" + whole.operation);
    for (std::size_t i = 0; i < whole.tests.size(); ++i) {
      EXPECT_EQ(streamed.events[i + 1], "case " + std::to_string(whole.tests[i].tc_id));
    }
    EXPECT_EQ(streamed.events.back(), "end loaded");
    ++files;
  }
  EXPECT_GE(files, 20);
}

}  // namespace
}  // namespace tokcheck::conformance
