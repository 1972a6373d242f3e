#include "reference/vendors/agora/agora_scheme_common.h"

#include "reference/vendors/agora/agora_common.h"

namespace tokcheck::schemes::agora_adapter {

Presence read_presence(const Json& in) {
  Presence p;
  p.certificate = opt_string(in, "app_certificate").value_or("");
  p.token = opt_string(in, "token").value_or("");
  p.has_certificate = !p.certificate.empty();
  p.has_token = !p.token.empty();
  return p;
}

std::optional<VerifyOutcome> presence_verdict(const Presence& p) {
  if (p.has_certificate && !p.has_token)
    return VerifyOutcome{Verdict::of(Condition::kTokenMissing)};
  if (!p.has_certificate && p.has_token) {
    return VerifyOutcome{Verdict::of(Condition::kTokenUnexpected)};
  }
  if (!p.has_certificate && !p.has_token) {
    return VerifyOutcome{Verdict::of(Condition::kValid),
                         Json{{"note", "no certificate, no token"}}};
  }
  return std::nullopt;
}

Condition parse_condition(Malformation m) {
  if (m == Malformation::kNone) return Condition::kValid;
  return m == Malformation::kBadPrefix ? Condition::kUnsupportedVersion : Condition::kMalformed;
}

std::vector<FieldSpec> build_fields(std::initializer_list<FieldSpec> more) {
  using enum FieldType;
  std::vector<FieldSpec> out{{"scheme", kString, Need::kRequired},
                             {"app_id", kString, Need::kRequired},
                             {"app_certificate", kString, Need::kRequired}};
  out.insert(out.end(), more);
  return out;
}

std::vector<FieldSpec> verify_fields(std::initializer_list<FieldSpec> more) {
  using enum FieldType;
  // "app_certificate" must be present (null for a project without one) where the
  // CLI checks required fields: left out, it would read as "no certificate".
  std::vector<FieldSpec> out = schemes::verify_fields("app_certificate", kStringOrNull,
                                                      {{"app_id", kString, Need::kOptional},
                                                       {"channel_name", kString, Need::kOptional},
                                                       {"uid", kStringOrInteger, Need::kOptional},
                                                       {"privileges", kArray, Need::kOptional}},
                                                      kStringOrNull);
  out.insert(out.end(), more);
  return out;
}

std::string agora_uid(const Json& value, std::string_view key) {
  if (value.is_string()) return value.get<std::string>();
  if (value.is_number_unsigned() || (value.is_number_integer() && value.get<std::int64_t>() >= 0)) {
    const auto n = value.get<std::uint64_t>();
    if (n > 0xFFFFFFFFull) usage(key, "a numeric uid must fit in 32 bits");
    return agora::uid_from_number(n);
  }
  usage(key, "must be a string or a non-negative integer");
}

}  // namespace tokcheck::schemes::agora_adapter
