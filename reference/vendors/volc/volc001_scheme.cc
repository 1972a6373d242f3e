// JSON adapter for reference/vendors/volc/volc001.h. Field names: docs/VECTORS.md.
//   build:  app_id, app_key, room_id, user_id, nonce, issued_at, expire_at (default 0 =
//           never), privileges {"<key>": absolute expiry, 0 = forever}
//   parse:  token, base64, check_mode ("strict" default | "official": tolerate what
//           the official Parse ignores)
//   verify: token, app_key, now, base64, check_mode ("strict" default | "official"),
//           and in strict mode the optional bindings app_id, room_id, user_id,
//           privileges [required keys]. The outcome's details say which mode ran.
#include "reference/core/crypto_util.h"
#include "reference/core/secure_random.h"
#include "reference/schemes/build_defaults.h"
#include "reference/schemes/json_fields.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"
#include "reference/vendors/volc/volc001.h"

namespace tokcheck::schemes {
namespace {

// token-formats.md §5.2; key 5 is in every console token but no code names it.
std::string_view privilege_name(std::uint16_t key) {
  switch (key) {
    case volc::kPublishStream:
      return "PublishStream";
    case volc::kPublishAudioStream:
      return "PublishAudioStream (internal)";
    case volc::kPublishVideoStream:
      return "PublishVideoStream (internal)";
    case volc::kPublishDataStream:
      return "PublishDataStream (internal)";
    case volc::kSubscribeStream:
      return "SubscribeStream";
    case 5:
      return "unnamed (in every console-made token)";
    default:
      return "unknown";
  }
}

volc::CheckMode check_mode(const Json& in) {
  const auto text = opt_string(in, "check_mode");
  if (!text) return volc::CheckMode::kStrict;
  if (auto mode = volc::check_mode_from_string(*text)) return *mode;
  throw UsageError("field \"check_mode\": must be \"official\" or \"strict\"");
}

Condition parse_condition(Malformation m) {
  if (m == Malformation::kNone) return Condition::kValid;
  return m == Malformation::kBadPrefix ? Condition::kUnsupportedVersion : Condition::kMalformed;
}

class Volc001Scheme final : public Scheme {
 public:
  std::string_view id() const override { return "volc-001"; }
  std::string_view token_version() const override { return volc::kVersion001; }
  Vendor vendor() const override { return Vendor::kVolc; }
  std::string_view title() const override { return "Volcengine / ByteDance RTC AccessToken (001)"; }
  bool detect(std::string_view token) const override {
    return token.starts_with(volc::kVersion001);
  }

  ParseOutcome parse(const Json& in) const override {
    const volc::CheckMode mode = check_mode(in);
    const auto r = volc::parse_001(req_string(in, "token"), base64_mode(in), mode);
    ParseOutcome out;
    out.error = r.error;
    out.condition = parse_condition(r.error);
    out.lenient_base64 = r.lenient_base64;
    if (r.error != Malformation::kNone) return out;
    const volc::Token001& t = r.token;
    out.fields = {{"version", "001"},
                  {"app_id", t.app_id},
                  {"nonce", t.nonce},
                  {"issued_at", t.issued_at},
                  {"expire_at", t.expire_at},
                  {"room_id", t.room_id},
                  {"user_id", t.user_id},
                  {"privileges", privileges_to_json(t.privileges)},
                  {"signature", to_hex(t.signature)}};
    Json tolerated = Json::array();
    if (t.trailing_after_signature) tolerated.push_back("trailing_after_signature");
    if (t.trailing_in_message) tolerated.push_back("trailing_in_message");
    if (t.privileges_not_canonical) tolerated.push_back("privileges_not_canonical");
    Json names = Json::object();
    for (const auto& [key, value] : t.privileges) names[std::to_string(key)] = privilege_name(key);
    out.info = {{"check_mode", volc::to_string(mode)},
                {"tolerated", tolerated},
                {"privilege_names", names}};
    return out;
  }

  BuildOutcome build(const Json& in) const override {
    volc::Build001Input b;
    b.app_id = req_string(in, "app_id");
    b.app_key = req_string(in, "app_key");
    b.room_id = req_string(in, "room_id");
    b.user_id = req_string(in, "user_id");
    b.nonce = req_u32(in, "nonce");
    b.issued_at = req_u32(in, "issued_at");
    b.expire_at = opt_u32(in, "expire_at").value_or(0);
    b.privileges = privileges_from_json(in, "privileges");
    const auto r = volc::build_001(b);
    if (r.error != volc::Build001Error::kNone) {
      return {{}, build_error(std::string(to_string(r.error)), message(r.error))};
    }
    return {r.token, nullptr};
  }

  VerifyOutcome verify(const Json& in) const override {
    const volc::CheckMode mode = check_mode(in);
    const std::string token = opt_string(in, "token").value_or("");
    const std::string key = req_string(in, "app_key");
    const std::int64_t now = req_now(in);
    const auto app_id = opt_string(in, "app_id");
    const auto room_id = opt_string(in, "room_id");
    const auto user_id = opt_string(in, "user_id");
    const std::vector<std::uint16_t> required = required_privileges(in, "privileges");
    if (mode == volc::CheckMode::kOfficial &&
        (app_id || room_id || user_id || has(in, "privileges"))) {
      throw UsageError(
          "check_mode \"official\" checks no bindings (app_id, room_id, user_id, privileges), "
          "as the official Verify; use \"strict\"");
    }
    auto view = [](const std::optional<std::string>& s) {
      return s ? std::optional<std::string_view>(*s) : std::nullopt;
    };
    const volc::Binding001 binding{view(app_id), view(room_id), view(user_id), required};
    volc::Verifier001 verifier(key);
    return {verifier.verify(token, now, mode, binding, base64_mode(in)),
            Json{{"check_mode", volc::to_string(mode)}}};
  }

  // token-formats.md: nonce "JS: Math.floor(Math.random()*0xFFFFFFFF)" (u32);
  // issued_at: the builder's now (seed 004's token has issued_at = its own time).
  void fill_build_defaults(DefaultFiller& f) const override {
    f.fill("nonce", secure_random_in(0, 0xFFFFFFFFll));
    f.fill("issued_at", f.now());
  }
  std::string_view secret_field() const override { return "app_key"; }
  const std::vector<FieldSpec>& request_fields(RequestKind kind) const override {
    using enum FieldType;
    using enum Need;
    static const RequestTables tables{{{"scheme", kString, kRequired},
                                       {"app_id", kString, kRequired},
                                       {"app_key", kString, kRequired},
                                       {"room_id", kString, kRequired},
                                       {"user_id", kString, kRequired},
                                       {"nonce", kInteger, kDefaulted},
                                       {"issued_at", kInteger, kDefaulted},
                                       {"expire_at", kInteger, kOptional},
                                       {"privileges", kObject, kOptional}},
                                      parse_fields({{"check_mode", kString, kOptional}}),
                                      verify_fields("app_key", kString,
                                                    {{"check_mode", kString, kOptional},
                                                     {"app_id", kString, kOptional},
                                                     {"room_id", kString, kOptional},
                                                     {"user_id", kString, kOptional},
                                                     {"privileges", kArray, kOptional}})};
    return tables.of(kind);
  }

  std::vector<TimeFact> timeline(const Json& fields) const override {
    std::vector<TimeFact> out{
        {"issued (issued_at)", fields.at("issued_at").get<std::int64_t>(), false}};
    const auto expire = fields.at("expire_at").get<std::int64_t>();
    // volc001.cc: expired only when now > expire_at (0: never).
    if (expire != 0) out.push_back({"token expires (expire_at)", expire, true, true});
    const Json& privileges = fields.at("privileges");
    for (auto it = privileges.begin(); it != privileges.end(); ++it) {
      const auto v = it->get<std::int64_t>();
      if (v != 0) {
        out.push_back(
            {"privilege " + it.key() + " expires", v, true, true, Condition::kPrivilegeExpired});
      }
    }
    return out;
  }

 private:
  static std::string_view message(volc::Build001Error e) {
    switch (e) {
      case volc::Build001Error::kBadAppId:
        return "app_id must be 24 characters of [0-9A-Za-z]";
      case volc::Build001Error::kBadAppKey:
        return "app_key must not be empty";
      case volc::Build001Error::kBadField:
        return "room_id and user_id must be UTF-8";
      case volc::Build001Error::kFieldTooLong:
        return "the signed message (room_id, user_id, privileges) must fit in 65535 bytes";
      case volc::Build001Error::kNone:
        break;
    }
    return "";
  }
};

}  // namespace

const Scheme& volc001_scheme() {
  static const Volc001Scheme scheme;
  return scheme;
}

}  // namespace tokcheck::schemes
