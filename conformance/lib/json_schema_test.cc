#include "conformance/lib/json_schema.h"

#include <gtest/gtest.h>

#include "conformance/lib/vector_file.h"

namespace tokcheck::conformance {
namespace {

TEST(JsonSchema, RejectsUnsupportedKeywordsInTheSchemaItself) {
  EXPECT_THROW(JsonSchema(Json::parse(R"({"type":"object","oneOf":[]})")), std::invalid_argument);
  EXPECT_THROW(JsonSchema(Json::parse(R"({"$ref":"#/$defs/missing"})")), std::invalid_argument);
}

TEST(JsonSchema, ChecksEachKeyword) {
  const JsonSchema s(Json::parse(R"({
    "type": "object", "required": ["a"], "additionalProperties": false,
    "properties": {
      "a": {"type": "integer", "minimum": 1},
      "b": {"type": "array", "minItems": 1, "items": {"$ref": "#/$defs/word"}},
      "c": {"enum": ["x", "y"]}, "d": {"const": 3}
    },
    "$defs": {"word": {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"}}
  })"));
  EXPECT_TRUE(s.validate(Json::parse(R"({"a":1,"b":["ab"],"c":"x","d":3})")).empty());
  EXPECT_EQ(s.validate(Json::parse(R"({})")).size(), 1u);                  // required
  EXPECT_EQ(s.validate(Json::parse(R"({"a":0})")).size(), 1u);             // minimum
  EXPECT_EQ(s.validate(Json::parse(R"({"a":1.5})")).size(), 1u);           // integer
  EXPECT_EQ(s.validate(Json::parse(R"({"a":1,"b":[]})")).size(), 1u);      // minItems
  EXPECT_EQ(s.validate(Json::parse(R"({"a":1,"b":["a"]})")).size(), 1u);   // minLength
  EXPECT_EQ(s.validate(Json::parse(R"({"a":1,"b":["A1"]})")).size(), 1u);  // pattern
  EXPECT_EQ(s.validate(Json::parse(R"({"a":1,"c":"z"})")).size(), 1u);     // enum
  EXPECT_EQ(s.validate(Json::parse(R"({"a":1,"d":4})")).size(), 1u);       // const
  EXPECT_EQ(s.validate(Json::parse(R"({"a":1,"e":0})")).size(), 1u);       // additional
}

// Each error names where it is as a JSON pointer (the path is built only for
// errors, so this pins the text): array indices, escaped member names, the root.
TEST(JsonSchema, ErrorsNameTheirJsonPointer) {
  const JsonSchema s(Json::parse(R"({
    "type": "object",
    "properties": {"b": {"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}}},
    "additionalProperties": {"type": "object", "required": ["x"]}
  })"));
  EXPECT_EQ(s.validate(Json::parse(R"({"b":["ab","A1"]})")),
            std::vector<std::string>{"/b/1: does not match \"^[a-z]+$\""});
  EXPECT_EQ(s.validate(Json::parse(R"({"a/b~c":{}})")),
            std::vector<std::string>{"/a~1b~0c: missing required \"x\""});
  EXPECT_EQ(s.validate(Json::parse(R"({"k":{"x":1},"m":{"y":{"z":2}}})")),
            std::vector<std::string>{"/m: missing required \"x\""});
  EXPECT_EQ(s.validate(Json::parse("[]")),
            std::vector<std::string>{"/: expected type \"object\", got array"});
}

// Pattern answers are memoised for short strings: repeated strings, matching or
// not, get the same answer every time, and long strings are still checked.
TEST(JsonSchema, PatternAnswersHoldWhenRepeated) {
  const JsonSchema s(
      Json::parse(R"({"type": "array", "items": {"type": "string", "pattern": "^[a-z]+$"}})"));
  const std::string long_ok(100, 'a');
  const std::string long_bad = long_ok + "A";
  const Json doc = Json::array({"ab", "A1", "ab", "A1", long_ok, long_bad});
  for (int round = 0; round < 3; ++round) {
    const auto errors = s.validate(doc);
    ASSERT_EQ(errors.size(), 3u);
    EXPECT_EQ(errors[0].substr(0, 3), "/1:");
    EXPECT_EQ(errors[1].substr(0, 3), "/3:");
    EXPECT_EQ(errors[2].substr(0, 3), "/5:");
  }
}

constexpr const char* kMinimalFile = R"({
  "schema": "tokcheck_vectors_v1.schema.json", "scheme": "agora-006", "operation": "parse",
  "generator": "test", "numberOfTests": 1, "header": ["h"],
  "notes": {"Edge": {"bugType": "EDGE_CASE", "description": "d"}},
  "tests": [{"tcId": 1, "comment": "c", "flags": ["Edge"], "result": "acceptable",
             "source": "s", "input": {"token": "006"}, "expected": {"ok": false}}]})";

TEST(VectorFileLint, AcceptsAMinimalFile) {
  VectorFile f;
  EXPECT_TRUE(load_vector_file(kMinimalFile, vector_schema(default_vectors_root()), f).empty());
  ASSERT_EQ(f.tests.size(), 1u);
  EXPECT_EQ(f.tests[0].result, "acceptable");
}

// A scenario output's codes have verify's vendor-code shape: the old
// {code, name} form (no platform) is refused by the schema itself.
TEST(VectorFileLint, ScenarioCodesHaveTheOneVendorCodeShape) {
  Json doc = Json::parse(kMinimalFile);
  doc["scheme"] = "lifecycle-agora";
  doc["operation"] = "scenario";
  doc["tests"][0]["input"] = Json::object();
  doc["tests"][0]["expected"] = {
      {"outputs",
       {{{"at", 1},
         {"kind", "result"},
         {"codes", {{{"platform", "native"}, {"code", 110}, {"name", "ERR_INVALID_TOKEN"}}}}}}}};
  const JsonSchema& schema = vector_schema(default_vectors_root());
  VectorFile f;
  EXPECT_TRUE(load_vector_file(doc.dump(), schema, f).empty());
  doc["tests"][0]["expected"]["outputs"][0]["codes"][0].erase("platform");
  const auto errors = load_vector_file(doc.dump(), schema, f);
  ASSERT_EQ(errors.size(), 1u);
  EXPECT_NE(errors[0].find("/codes/0"), std::string::npos) << errors[0];
}

TEST(VectorFileLint, CatchesWhatTheSchemaCannot) {
  const JsonSchema& schema = vector_schema(default_vectors_root());
  VectorFile f;
  Json doc = Json::parse(kMinimalFile);
  doc["numberOfTests"] = 2;
  EXPECT_EQ(load_vector_file(doc.dump(), schema, f).size(), 1u);
  doc = Json::parse(kMinimalFile);
  doc["tests"][0]["flags"] = Json::array({"Undescribed"});
  EXPECT_EQ(load_vector_file(doc.dump(), schema, f).size(), 1u);
  doc = Json::parse(kMinimalFile);
  doc["tests"][0]["flags"] = Json::array();
  EXPECT_EQ(load_vector_file(doc.dump(), schema, f).size(), 1u);  // acceptable needs a flag
  doc = Json::parse(kMinimalFile);
  doc["tests"].push_back(doc["tests"][0]);
  doc["numberOfTests"] = 2;
  EXPECT_EQ(load_vector_file(doc.dump(), schema, f).size(), 1u);  // duplicate tcId
  EXPECT_EQ(load_vector_file("{not json", schema, f).size(), 1u);
  doc = Json::parse(kMinimalFile);
  doc["tests"][0]["expected"] = Json::object();  // found by vector_file_fuzzer
  EXPECT_EQ(load_vector_file(doc.dump(), schema, f).size(), 1u);
  doc = Json::parse(kMinimalFile);
  doc["tests"][0]["result"] = "maybe";
  EXPECT_FALSE(load_vector_file(doc.dump(), schema, f).empty());
}

}  // namespace
}  // namespace tokcheck::conformance
