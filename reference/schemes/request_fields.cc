#include "reference/schemes/request_fields.h"

#include "reference/core/ascii.h"

namespace tokcheck::schemes {
namespace {

using enum FieldType;
using enum Need;

bool has_type(const Json& v, FieldType t) {
  switch (t) {
    case kString:
      return v.is_string();
    case kInteger:
      return v.is_number_integer();
    case kObject:
      return v.is_object();
    case kArray:
      return v.is_array();
    case kStringOrInteger:
      return v.is_string() || v.is_number_integer();
    case kStringOrObject:
      return v.is_string() || v.is_object();
    case kStringOrNull:
      return v.is_string() || v.is_null();
    case kAny:
      return true;
  }
  return false;
}

std::string_view type_name(const Json& v) {
  if (v.is_number_float()) return "a fractional number";
  if (v.is_number()) return "an integer";
  if (v.is_string()) return "a string";
  if (v.is_boolean()) return "a boolean";
  if (v.is_null()) return "null";
  if (v.is_array()) return "an array";
  return "an object";
}

// A key comes from the request and may hold anything: control bytes are shown
// as \xNN so a message never carries them to a terminal or a log.
std::string printable(std::string_view key) {
  std::string out;
  for (const char c : key) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 || u == 0x7F) {
      append_byte_escape(out, u);
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace

std::string_view to_string(FieldType t) {
  switch (t) {
    case kString:
      return "a string";
    case kInteger:
      return "an integer";
    case kObject:
      return "an object";
    case kArray:
      return "an array";
    case kStringOrInteger:
      return "a string or an integer";
    case kStringOrObject:
      return "an object or \"none\"";
    case kStringOrNull:
      return "a string, or null for none";
    case kAny:
      return "any value";
  }
  return "?";
}

std::vector<FieldSpec> verify_fields(std::string_view secret, FieldType secret_type,
                                     std::initializer_list<FieldSpec> more, FieldType token_type) {
  std::vector<FieldSpec> out{{"scheme", kString, kOptional},
                             {"token", token_type, kOptional},
                             {secret, secret_type, kRequired},
                             {"now", kInteger, kOptional},  // the CLI may take --now instead
                             {"base64", kString, kOptional}};
  out.insert(out.end(), more);
  return out;
}

std::vector<FieldSpec> parse_fields(std::initializer_list<FieldSpec> more) {
  std::vector<FieldSpec> out{{"scheme", kString, kOptional},
                             {"token", kString, kRequired},
                             {"base64", kString, kOptional}};
  out.insert(out.end(), more);
  return out;
}

std::vector<std::string> request_problems(const Json& request, const Scheme& scheme,
                                          RequestKind kind, RequiredFields required) {
  if (!request.is_object()) return {"the request must be a JSON object"};
  std::vector<std::string> problems;
  const std::vector<FieldSpec>& fields = scheme.request_fields(kind);
  for (auto it = request.begin(); it != request.end(); ++it) {
    const FieldSpec* spec = nullptr;
    for (const FieldSpec& f : fields) {
      if (f.name == it.key()) spec = &f;
    }
    if (!spec) {
      std::string known;
      for (const FieldSpec& f : fields) known += (known.empty() ? "" : ", ") + std::string(f.name);
      problems.push_back("unknown field \"" + printable(it.key()) + "\" for " +
                         std::string(scheme.id()) + " (known: " + known + ")");
    } else if (!has_type(it.value(), spec->type)) {
      problems.push_back("field \"" + printable(it.key()) + "\" must be " +
                         std::string(to_string(spec->type)) + ", not " +
                         std::string(type_name(it.value())));
    }
  }
  if (required == RequiredFields::kCheck) {
    for (const FieldSpec& f : fields) {
      if (f.need == kRequired && !request.contains(f.name)) {
        problems.push_back("field \"" + std::string(f.name) + "\" is required (" +
                           std::string(to_string(f.type)) + ")");
      }
    }
  }
  return problems;
}

}  // namespace tokcheck::schemes
