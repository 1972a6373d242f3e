#include "reference/vendors/zego/zego_scheme_common.h"

#include <limits>

#include "reference/core/crypto_util.h"

namespace tokcheck::schemes::zego_adapter {

std::optional<std::int64_t> generator_int(const Json& in, std::string_view key) {
  if (!in.is_object()) throw UsageError("request must be a JSON object");
  const auto it = in.find(key);
  if (it == in.end()) return std::nullopt;
  if (it->is_number_unsigned()) {
    const auto u = it->get<std::uint64_t>();
    if (u > static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      return std::nullopt;
    }
    return static_cast<std::int64_t>(u);
  }
  if (it->is_number_integer()) return it->get<std::int64_t>();
  return std::nullopt;
}

std::optional<std::string> generator_string(const Json& in, std::string_view key) {
  if (!in.is_object()) throw UsageError("request must be a JSON object");
  const auto it = in.find(key);
  if (it == in.end() || !it->is_string()) return std::nullopt;
  return it->get<std::string>();
}

std::vector<std::uint8_t> read_iv(const Json& in) {
  const auto text = opt_string(in, "iv");
  const auto hex = opt_string(in, "iv_hex");
  if (text.has_value() == hex.has_value()) {
    throw UsageError("give exactly one of \"iv\" (text) and \"iv_hex\" (raw bytes in hex)");
  }
  if (text) return {text->begin(), text->end()};
  std::vector<std::uint8_t> out;
  if (!from_hex(*hex, out)) throw UsageError("field \"iv_hex\": must be hex");
  return out;
}

namespace {

Bindings read_bindings(const Json& in) {
  Bindings b;
  b.app_id = opt_int(in, "app_id", std::numeric_limits<std::int64_t>::min(),
                     std::numeric_limits<std::int64_t>::max());
  b.user_id = opt_string(in, "user_id");
  b.room_id = opt_string(in, "room_id");
  for (std::uint16_t p : required_privileges(in, "privileges")) {
    if (p != zego::kPrivilegeLogin && p != zego::kPrivilegePublish) {
      throw UsageError("field \"privileges\": ZEGO defines only 1 (login) and 2 (publish)");
    }
    b.privileges.push_back(p);
  }
  return b;
}

}  // namespace

VerifyRequest read_verify_request(const Json& in) {
  VerifyRequest r;
  r.token = opt_string(in, "token").value_or("");
  r.secret = req_string(in, "secret");
  r.now = req_now(in);
  r.bound = read_bindings(in);
  r.base64 = base64_mode(in);
  return r;
}

Json iv_text(Bytes iv) {
  return zego::is_alphabet_iv(iv) ? Json(std::string(as_chars(iv))) : Json(nullptr);
}

ParseOutcome ZegoScheme::parse(const Json& in) const {
  if (!has(in, "secret")) return envelope_only(in, version_, gcm_allowed_);
  return parse_claims(req_string(in, "token"), req_string(in, "secret"), base64_mode(in));
}

Json zego_build_error(zego::BuildError e) {
  const Json code =
      zego::is_zego_code(e) ? Json(static_cast<int>(e)) : Json(std::string(zego::code_name(e)));
  return build_error(code, zego::message(e));
}

ParseOutcome envelope_only(const Json& in, std::string_view version, bool gcm_allowed) {
  ParseOutcome out;
  std::vector<std::uint8_t> body;
  out.error = zego::decode_body(req_string(in, "token"), version, base64_mode(in), body,
                                out.lenient_base64);
  zego::EnvelopeView env;
  if (out.error == Malformation::kNone) out.error = zego::read_envelope(body, gcm_allowed, env);
  if (out.error != Malformation::kNone) {
    out.condition = out.error == Malformation::kBadPrefix ? Condition::kUnsupportedVersion
                                                          : Condition::kMalformed;
    return out;
  }
  out.fields = {{"version", std::string(version)},
                {"mode", zego::to_string(env.mode)},
                {"iv_hex", to_hex(env.iv)},
                {"expire", env.expire},
                {"ciphertext_bytes", env.ciphertext.size()}};
  out.info = {{"claims", "encrypted: give the 32-byte server secret (--secret) to read them"}};
  return out;
}

std::vector<FieldSpec> build_fields(std::initializer_list<FieldSpec> more) {
  using enum FieldType;
  std::vector<FieldSpec> out{{"scheme", kString, Need::kRequired},
                             {"app_id", kAny, Need::kOptional},
                             {"user_id", kAny, Need::kOptional},
                             {"secret", kAny, Need::kOptional},
                             {"effective_time_in_seconds", kAny, Need::kOptional}};
  out.insert(out.end(), more);
  return out;
}

std::vector<FieldSpec> parse_fields() {
  return schemes::parse_fields({{"secret", FieldType::kString, Need::kOptional}});
}

std::vector<FieldSpec> verify_fields(std::initializer_list<FieldSpec> more) {
  using enum FieldType;
  std::vector<FieldSpec> out = schemes::verify_fields("secret", kString,
                                                      {{"app_id", kInteger, Need::kOptional},
                                                       {"user_id", kString, Need::kOptional},
                                                       {"room_id", kString, Need::kOptional},
                                                       {"privileges", kArray, Need::kOptional}});
  out.insert(out.end(), more);
  return out;
}

}  // namespace tokcheck::schemes::zego_adapter
