#include "conformance/lib/json_schema.h"

#include <mutex>
#include <regex>
#include <set>
#include <stdexcept>
#include <unordered_map>

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

struct JsonSchema::Memo {
  static constexpr std::size_t kMaxLength = 64;     // longer strings are searched every time
  static constexpr std::size_t kMaxEntries = 4096;  // per pattern
  std::mutex mutex;
  std::map<std::string, std::unordered_map<std::string, bool>, std::less<>> answers;
};

JsonSchema::JsonSchema(Json schema) : root_(std::move(schema)), memo_(std::make_unique<Memo>()) {
  check_schema(root_, "#");
}
JsonSchema::~JsonSchema() = default;
JsonSchema::JsonSchema(JsonSchema&&) noexcept = default;
JsonSchema& JsonSchema::operator=(JsonSchema&&) noexcept = default;

bool JsonSchema::matches(const std::string& pattern, const std::string& text) const {
  const std::regex& re = patterns_.at(pattern);
  if (text.size() > Memo::kMaxLength) return std::regex_search(text, re);
  const std::lock_guard<std::mutex> lock(memo_->mutex);
  auto& answers = memo_->answers[pattern];
  if (const auto it = answers.find(text); it != answers.end()) return it->second;
  const bool match = std::regex_search(text, re);
  if (answers.size() < Memo::kMaxEntries) answers.emplace(text, match);
  return match;
}

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
  keys_[&s] = keys_for(s);
  if (s.contains("pattern")) {
    // Compiled once here: building a std::regex per validated string was 70% of
    // a conformance run's instructions (issue 13's profile).
    const auto& pattern = s["pattern"].get_ref<const std::string&>();
    if (!patterns_.count(pattern)) patterns_.emplace(pattern, std::regex(pattern));
  }
}

JsonSchema::Keys JsonSchema::keys_for(const Json& s) const {
  auto get = [&s](const char* name) -> const Json* {
    const auto it = s.find(name);
    return it == s.end() ? nullptr : &*it;
  };
  Keys k;
  if (s.contains("$ref")) k.ref = &resolve(s);
  k.type = get("type");
  k.const_value = get("const");
  k.enum_values = get("enum");
  k.min_length = get("minLength");
  k.pattern = get("pattern");
  k.minimum = get("minimum");
  k.min_items = get("minItems");
  k.items = get("items");
  k.required = get("required");
  k.properties = get("properties");
  k.additional = get("additionalProperties");
  return k;
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

struct JsonSchema::PathNode {
  const PathNode* parent = nullptr;
  const std::string* key = nullptr;  // an object member's name, or null for an array index
  std::size_t index = 0;
};

namespace {

// The JSON pointer of `path` ("/" for the root). Built only for an error message:
// building every node's path string eagerly was most of the schema check's
// allocations when loading vector files (issue 13's profile).
template <typename Node>
std::string pointer(const Node* path) {
  if (!path) return "/";
  std::vector<const Node*> chain;
  for (const Node* p = path; p; p = p->parent) chain.push_back(p);
  std::string out;
  for (auto it = chain.rbegin(); it != chain.rend(); ++it) {
    out += '/';
    out += (*it)->key ? escape_pointer(*(*it)->key) : std::to_string((*it)->index);
  }
  return out;
}

}  // namespace

std::vector<std::string> JsonSchema::validate(const Json& instance) const {
  std::vector<std::string> errors;
  validate_at(root_, instance, nullptr, errors);
  return errors;
}

std::vector<std::string> JsonSchema::validate_except_items(const Json& instance,
                                                           const std::string& member) const {
  std::vector<std::string> errors;
  const Json* apart = nullptr;
  if (instance.is_object()) {
    if (const auto it = instance.find(member); it != instance.end()) apart = &*it;
  }
  validate_at(root_, instance, nullptr, errors, apart);
  return errors;
}

std::vector<std::string> JsonSchema::validate_item(const std::string& member, std::size_t index,
                                                   const Json& item) const {
  std::vector<std::string> errors;
  // The root is looked up directly: its address changes when a JsonSchema is
  // moved (its children are on the heap and do not).
  const Keys root = keys_for(root_);
  const Json* items = nullptr;
  if (root.properties) {
    if (const auto p = root.properties->find(member); p != root.properties->end()) {
      const auto found = keys_.find(&*p);
      items = found != keys_.end() ? found->second.items : keys_for(*p).items;
    }
  }
  if (!items) {
    errors.push_back("/" + escape_pointer(member) + ": the schema has no items for it");
    return errors;
  }
  const PathNode parent{nullptr, &member, 0};
  const PathNode child{&parent, nullptr, index};
  validate_at(*items, item, &child, errors);
  return errors;
}

void JsonSchema::validate_at(const Json& s, const Json& v, const PathNode* path,
                             std::vector<std::string>& errors, const Json* items_apart) const {
  if (s.is_boolean()) {
    if (!s.get<bool>()) errors.push_back(pointer(path) + ": not allowed here");
    return;
  }
  const auto found = keys_.find(&s);
  const Keys k = found != keys_.end() ? found->second : keys_for(s);
  if (k.ref) validate_at(*k.ref, v, path, errors, items_apart);
  if (const Json* type = k.type) {
    bool ok = false;
    if (type->is_array()) {
      for (const Json& t : *type) ok = ok || has_type(v, t.get_ref<const std::string&>());
    } else {
      ok = has_type(v, type->get_ref<const std::string&>());
    }
    if (!ok) {
      errors.push_back(pointer(path) + ": expected type " + type->dump() + ", got " +
                       v.type_name());
      return;
    }
  }
  if (k.const_value && v != *k.const_value) {
    errors.push_back(pointer(path) + ": must equal " + k.const_value->dump());
  }
  if (const Json* e = k.enum_values) {
    bool found_value = false;
    for (const Json& option : *e) found_value = found_value || option == v;
    if (!found_value)
      errors.push_back(pointer(path) + ": " + v.dump() + " is not one of " + e->dump());
  }
  if (v.is_string()) {
    const auto& str = v.get_ref<const std::string&>();
    if (k.min_length && str.size() < k.min_length->get<std::size_t>()) {
      errors.push_back(pointer(path) + ": shorter than " + k.min_length->dump());
    }
    if (k.pattern && !matches(k.pattern->get_ref<const std::string&>(), str)) {
      errors.push_back(pointer(path) + ": does not match " + k.pattern->dump());
    }
  }
  if (v.is_number() && k.minimum && v.get<double>() < k.minimum->get<double>()) {
    errors.push_back(pointer(path) + ": less than " + k.minimum->dump());
  }
  if (v.is_array()) {
    if (k.min_items && v.size() < k.min_items->get<std::size_t>()) {
      errors.push_back(pointer(path) + ": fewer than " + k.min_items->dump() + " items");
    }
    if (k.items && &v != items_apart) {
      for (std::size_t i = 0; i < v.size(); ++i) {
        const PathNode child{path, nullptr, i};
        validate_at(*k.items, v[i], &child, errors);
      }
    }
  }
  if (v.is_object()) {
    if (k.required) {
      for (const Json& key : *k.required) {
        if (!v.contains(key.get_ref<const std::string&>())) {
          errors.push_back(pointer(path) + ": missing required \"" +
                           key.get_ref<const std::string&>() + "\"");
        }
      }
    }
    for (auto it = v.begin(); it != v.end(); ++it) {
      const PathNode child{path, &it.key(), 0};
      const Json* sub = nullptr;
      if (k.properties) {
        if (const auto p = k.properties->find(it.key()); p != k.properties->end()) sub = &*p;
      }
      if (!sub) sub = k.additional;
      if (sub) validate_at(*sub, *it, &child, errors, path ? nullptr : items_apart);
    }
  }
}

}  // namespace tokcheck::conformance
