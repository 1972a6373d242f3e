// A validator for the subset of JSON Schema (2020-12) that tokcheck's own
// schemas use: type, const, enum, required, properties, additionalProperties
// (bool or schema), items, minItems, minimum, minLength, pattern, $ref to
// "#/$defs/<name>". Unknown keywords are an error in the *schema*, so a schema
// cannot silently rely on a keyword this validator ignores.
#pragma once

#include <map>
#include <memory>
#include <regex>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

namespace tokcheck::conformance {

using Json = nlohmann::ordered_json;

class JsonSchema {
 public:
  // Throws std::invalid_argument when `schema` uses a keyword outside the subset.
  explicit JsonSchema(Json schema);
  ~JsonSchema();
  JsonSchema(JsonSchema&&) noexcept;
  JsonSchema& operator=(JsonSchema&&) noexcept;
  // Every violation, as "<json pointer>: <what>"; empty means valid.
  std::vector<std::string> validate(const Json& instance) const;
  // A document whose top-level array `member` was read item by item (a streaming
  // load, vector_file.h): `instance` is validated except that array's items, and
  // validate_item checks each item where it stood. Together they report what
  // validate reports for the whole document.
  std::vector<std::string> validate_except_items(const Json& instance,
                                                 const std::string& member) const;
  std::vector<std::string> validate_item(const std::string& member, std::size_t index,
                                         const Json& item) const;

 private:
  void check_schema(const Json& s, const std::string& where);
  // Where validate_at is in the instance: a chain of parents on the stack, turned
  // into a JSON pointer only when an error names it.
  struct PathNode;
  // `items_apart`: an array whose items are validated elsewhere (validate_item).
  void validate_at(const Json& s, const Json& v, const PathNode* path,
                   std::vector<std::string>& errors, const Json* items_apart = nullptr) const;
  const Json& resolve(const Json& s) const;

  bool matches(const std::string& pattern, const std::string& text) const;

  // A schema object's keywords, looked up once: finding each keyword in the
  // ordered_map (a linear scan of string compares) for every instance node was
  // most of the schema check's time (issue 13's profile). Null when absent.
  struct Keys {
    const Json* ref = nullptr;  // the resolved "$ref" target
    const Json* type = nullptr;
    const Json* const_value = nullptr;
    const Json* enum_values = nullptr;
    const Json* min_length = nullptr;
    const Json* pattern = nullptr;
    const Json* minimum = nullptr;
    const Json* min_items = nullptr;
    const Json* items = nullptr;
    const Json* required = nullptr;
    const Json* properties = nullptr;
    const Json* additional = nullptr;
  };
  Keys keys_for(const Json& s) const;
  // Every object node of the schema, by address (the tree's nodes do not move
  // when the JsonSchema does; a node not found here is looked up directly).
  std::unordered_map<const Json*, Keys> keys_;

  Json root_;
  // Every "pattern" of the schema, compiled once by check_schema (which the
  // constructor runs over the whole schema, so validate_at always finds it).
  std::map<std::string, std::regex, std::less<>> patterns_;
  // Answers of std::regex_search for short strings, per pattern: the strings a
  // pattern checks repeat (flags, condition names, scheme ids) and the search was
  // still ~10% of loading the vectors (issue 13's profile). Locked: validate is const.
  struct Memo;
  std::unique_ptr<Memo> memo_;
};

}  // namespace tokcheck::conformance
