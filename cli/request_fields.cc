#include "cli/request_fields.h"

#include <map>
#include <utility>

#include "cli/text_escape.h"

namespace tokcheck::cli {
namespace {

using enum FieldType;
using enum Need;

using Key = std::pair<std::string, Operation>;

// Fields every verify request may carry (docs/VECTORS.md "Verify fields").
std::vector<FieldSpec> verify_common(std::string_view secret, FieldType secret_type) {
  return {{"scheme", kString, kOptional},
          {"token", kString, kOptional},
          {secret, secret_type, kRequired},
          {"now", kInteger, kOptional},  // absent: the CLI uses --now or the clock
          {"base64", kString, kOptional}};
}

std::vector<FieldSpec> with(std::vector<FieldSpec> base, std::vector<FieldSpec> more) {
  base.insert(base.end(), more.begin(), more.end());
  return base;
}

const std::map<Key, std::vector<FieldSpec>>& table() {
  static const std::map<Key, std::vector<FieldSpec>> t = {
      {{"agora-006", Operation::kBuild},
       {{"scheme", kString, kRequired},
        {"app_id", kString, kRequired},
        {"app_certificate", kString, kRequired},
        {"channel_name", kString, kRequired},
        {"uid", kStringOrInteger, kRequired},
        {"salt", kInteger, kDefaulted},
        {"ts", kInteger, kDefaulted},
        {"privileges", kObject, kOptional}}},
      // "app_certificate" must be present (null for a project without one): a
      // request that leaves it out would otherwise read as "no certificate".
      {{"agora-006", Operation::kVerify},
       with(verify_common("app_certificate", kStringOrNull), {{"app_id", kString, kOptional},
                                                              {"channel_name", kString, kOptional},
                                                              {"uid", kStringOrInteger, kOptional},
                                                              {"privileges", kArray, kOptional}})},
      {{"agora-007", Operation::kBuild},
       {{"scheme", kString, kRequired},
        {"app_id", kString, kRequired},
        {"app_certificate", kString, kRequired},
        {"issue_ts", kInteger, kDefaulted},
        {"expire", kInteger, kDefaulted},
        {"salt", kInteger, kDefaulted},
        {"services", kArray, kRequired}}},
      {{"agora-007", Operation::kVerify},
       with(verify_common("app_certificate", kStringOrNull), {{"app_id", kString, kOptional},
                                                              {"service_type", kInteger, kOptional},
                                                              {"channel_name", kString, kOptional},
                                                              {"uid", kStringOrInteger, kOptional},
                                                              {"user_id", kString, kOptional},
                                                              {"account", kString, kOptional},
                                                              {"privileges", kArray, kOptional}})},
      {{"zego-04", Operation::kBuild},
       {{"scheme", kString, kRequired},
        {"app_id", kAny, kOptional},
        {"user_id", kAny, kOptional},
        {"secret", kAny, kOptional},
        {"effective_time_in_seconds", kAny, kOptional},
        {"payload", kString, kOptional},
        {"ctime", kInteger, kDefaulted},
        {"nonce", kInteger, kDefaulted},
        {"iv", kString, kDefaulted},
        {"iv_hex", kString, kOptional},
        {"mode", kString, kOptional}}},
      {{"zego-04", Operation::kVerify},
       with(verify_common("secret", kString), {{"app_id", kInteger, kOptional},
                                               {"user_id", kString, kOptional},
                                               {"room_id", kString, kOptional},
                                               {"privileges", kArray, kOptional},
                                               {"stream_id", kString, kOptional}})},
      {{"zego-03", Operation::kBuild},
       {{"scheme", kString, kRequired},
        {"app_id", kAny, kOptional},
        {"room_id", kAny, kOptional},
        {"user_id", kAny, kOptional},
        {"secret", kAny, kOptional},
        {"privilege", kAny, kOptional},
        {"effective_time_in_seconds", kAny, kOptional},
        {"create_time", kInteger, kDefaulted},
        {"nonce", kInteger, kDefaulted},
        {"iv", kString, kDefaulted},
        {"iv_hex", kString, kOptional}}},
      {{"zego-03", Operation::kVerify},
       with(verify_common("secret", kString), {{"app_id", kInteger, kOptional},
                                               {"user_id", kString, kOptional},
                                               {"room_id", kString, kOptional},
                                               {"privileges", kArray, kOptional}})},
      {{"volc-001", Operation::kBuild},
       {{"scheme", kString, kRequired},
        {"app_id", kString, kRequired},
        {"app_key", kString, kRequired},
        {"room_id", kString, kRequired},
        {"user_id", kString, kRequired},
        {"nonce", kInteger, kDefaulted},
        {"issued_at", kInteger, kDefaulted},
        {"expire_at", kInteger, kOptional},
        {"privileges", kObject, kOptional}}},
      {{"volc-001", Operation::kVerify},
       with(verify_common("app_key", kString), {{"check_mode", kString, kOptional},
                                                {"app_id", kString, kOptional},
                                                {"room_id", kString, kOptional},
                                                {"user_id", kString, kOptional},
                                                {"privileges", kArray, kOptional}})},
      {{"tencent-usersig", Operation::kBuild},
       {{"scheme", kString, kRequired},
        {"sdkappid", kInteger, kRequired},
        {"key", kString, kRequired},
        {"identifier", kString, kRequired},
        {"expire", kInteger, kRequired},
        {"time", kInteger, kDefaulted},
        {"style", kString, kOptional},
        {"userbuf", kObject, kOptional},
        {"userbuf_hex", kString, kOptional}}},
      {{"tencent-usersig", Operation::kVerify},
       with(verify_common("key", kString), {{"sdkappid", kInteger, kOptional},
                                            {"identifier", kString, kOptional},
                                            {"userbuf", kStringOrObject, kOptional},
                                            {"userbuf_hex", kString, kOptional}})},
  };
  return t;
}

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

const std::vector<FieldSpec>& request_fields(std::string_view scheme, Operation op) {
  static const std::vector<FieldSpec> kNone;
  const auto it = table().find(Key{std::string(scheme), op});
  return it == table().end() ? kNone : it->second;
}

std::vector<std::string> request_problems(const Json& request, std::string_view scheme,
                                          Operation op) {
  std::vector<std::string> problems;
  if (!request.is_object()) return {"the request must be a JSON object"};
  const std::vector<FieldSpec>& fields = request_fields(scheme, op);
  for (auto it = request.begin(); it != request.end(); ++it) {
    const FieldSpec* spec = nullptr;
    for (const FieldSpec& f : fields) {
      if (f.name == it.key()) spec = &f;
    }
    if (!spec) {
      std::string known;
      for (const FieldSpec& f : fields) known += (known.empty() ? "" : ", ") + std::string(f.name);
      problems.push_back("unknown field \"" + printable(it.key()) + "\" for " +
                         std::string(scheme) + " (known: " + known + ")");
    } else if (!has_type(it.value(), spec->type)) {
      problems.push_back("field \"" + printable(it.key()) + "\" must be " +
                         std::string(to_string(spec->type)) + ", not " +
                         std::string(type_name(it.value())));
    }
  }
  for (const FieldSpec& f : fields) {
    if (f.need == kRequired && !request.contains(f.name)) {
      problems.push_back("field \"" + std::string(f.name) + "\" is required (" +
                         std::string(to_string(f.type)) + ")");
    }
  }
  return problems;
}

}  // namespace tokcheck::cli

namespace tokcheck::cli {

std::string_view secret_field(std::string_view scheme) {
  if (scheme.starts_with("agora")) return "app_certificate";
  if (scheme.starts_with("zego")) return "secret";
  if (scheme.starts_with("volc")) return "app_key";
  return "key";
}

void merge_secret(Json& request, std::string_view scheme,
                  const std::optional<std::string>& secret) {
  if (!secret) return;
  const std::string field(secret_field(scheme));
  if (request.contains(field)) {
    throw schemes::UsageError("the secret is given twice: in the request's \"" + field +
                              "\" and by a --secret option");
  }
  request[field] = *secret;
}

}  // namespace tokcheck::cli
