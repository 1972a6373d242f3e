#include "conformance/lib/json_schema.h"

#include <regex>
#include <set>
#include <stdexcept>

namespace tokcheck::conformance {
namespace {

const std::set<std::string> kKeywords = {
    "$schema", "$id",      "$ref",    "$defs",     "title",      "description",
    "type",    "const",    "enum",    "required",  "properties", "additionalProperties",
    "items",   "minItems", "minimum", "minLength", "pattern"};

bool has_type(const Json& v, const std::string& type) {
  if (type == "object") return v.is_object();
  if (type == "array") return v.is_array();
  if (type == "string") return v.is_string();
  if (type == "integer") return v.is_number_integer();
  if (type == "number") return v.is_number();
  if (type == "boolean") return v.is_boolean();
  if (type == "null") return v.is_null();
  throw std::invalid_argument("unknown type " + type);
}

std::string escape_pointer(const std::string& key) {
  std::string out;
  for (char c : key) {
    if (c == '~')
      out += "~0";
    else if (c == '/')
      out += "~1";
    else
      out += c;
  }
  return out;
}

}  // namespace

JsonSchema::JsonSchema(Json schema) : root_(std::move(schema)) { check_schema(root_, "#"); }

void JsonSchema::check_schema(const Json& s, const std::string& where) {
  if (s.is_boolean()) return;
  if (!s.is_object()) throw std::invalid_argument(where + ": a schema must be an object");
  for (auto it = s.begin(); it != s.end(); ++it) {
    if (!kKeywords.count(it.key())) {
      throw std::invalid_argument(where + ": keyword \"" + it.key() + "\" is not supported");
    }
  }
  if (s.contains("$ref")) resolve(s);
  if (s.contains("$defs")) {
    for (auto it = s["$defs"].begin(); it != s["$defs"].end(); ++it) {
      check_schema(*it, where + "/$defs/" + it.key());
    }
  }
  if (s.contains("properties")) {
    for (auto it = s["properties"].begin(); it != s["properties"].end(); ++it) {
      check_schema(*it, where + "/properties/" + it.key());
    }
  }
  if (s.contains("additionalProperties")) {
    check_schema(s["additionalProperties"], where + "/additionalProperties");
  }
  if (s.contains("items")) check_schema(s["items"], where + "/items");
  if (s.contains("pattern")) {
    // Compiled once here: building a std::regex per validated string was 70% of
    // a conformance run's instructions (issue 13's profile).
    const auto& pattern = s["pattern"].get_ref<const std::string&>();
    if (!patterns_.count(pattern)) patterns_.emplace(pattern, std::regex(pattern));
  }
}

const Json& JsonSchema::resolve(const Json& s) const {
  const std::string ref = s["$ref"].get<std::string>();
  const std::string prefix = "#/$defs/";
  if (ref.rfind(prefix, 0) != 0 || !root_.contains("$defs") ||
      !root_["$defs"].contains(ref.substr(prefix.size()))) {
    throw std::invalid_argument("unresolvable $ref " + ref);
  }
  return root_["$defs"][ref.substr(prefix.size())];
}

std::vector<std::string> JsonSchema::validate(const Json& instance) const {
  std::vector<std::string> errors;
  validate_at(root_, instance, "", errors);
  return errors;
}

void JsonSchema::validate_at(const Json& s, const Json& v, const std::string& path,
                             std::vector<std::string>& errors) const {
  const std::string at = path.empty() ? "/" : path;
  if (s.is_boolean()) {
    if (!s.get<bool>()) errors.push_back(at + ": not allowed here");
    return;
  }
  if (s.contains("$ref")) validate_at(resolve(s), v, path, errors);
  if (s.contains("type")) {
    bool ok = false;
    if (s["type"].is_array()) {
      for (const Json& t : s["type"]) ok = ok || has_type(v, t.get<std::string>());
    } else {
      ok = has_type(v, s["type"].get<std::string>());
    }
    if (!ok) {
      errors.push_back(at + ": expected type " + s["type"].dump() + ", got " + v.type_name());
      return;
    }
  }
  if (s.contains("const") && v != s["const"]) {
    errors.push_back(at + ": must equal " + s["const"].dump());
  }
  if (s.contains("enum")) {
    bool found = false;
    for (const Json& e : s["enum"]) found = found || e == v;
    if (!found) errors.push_back(at + ": " + v.dump() + " is not one of " + s["enum"].dump());
  }
  if (v.is_string()) {
    const auto& str = v.get_ref<const std::string&>();
    if (s.contains("minLength") && str.size() < s["minLength"].get<std::size_t>()) {
      errors.push_back(at + ": shorter than " + s["minLength"].dump());
    }
    if (s.contains("pattern") &&
        !std::regex_search(str, patterns_.at(s["pattern"].get_ref<const std::string&>()))) {
      errors.push_back(at + ": does not match " + s["pattern"].dump());
    }
  }
  if (v.is_number() && s.contains("minimum") && v.get<double>() < s["minimum"].get<double>()) {
    errors.push_back(at + ": less than " + s["minimum"].dump());
  }
  if (v.is_array()) {
    if (s.contains("minItems") && v.size() < s["minItems"].get<std::size_t>()) {
      errors.push_back(at + ": fewer than " + s["minItems"].dump() + " items");
    }
    if (s.contains("items")) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        validate_at(s["items"], v[i], path + "/" + std::to_string(i), errors);
      }
    }
  }
  if (v.is_object()) {
    if (s.contains("required")) {
      for (const Json& key : s["required"]) {
        if (!v.contains(key.get<std::string>())) {
          errors.push_back(at + ": missing required \"" + key.get<std::string>() + "\"");
        }
      }
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      const std::string child = path + "/" + escape_pointer(it.key());
      if (s.contains("properties") && s["properties"].contains(it.key())) {
        validate_at(s["properties"][it.key()], *it, child, errors);
      } else if (s.contains("additionalProperties")) {
        validate_at(s["additionalProperties"], *it, child, errors);
      }
    }
  }
}

}  // namespace tokcheck::conformance
