// JSON adapter for reference/vendors/agora/agora006.h. Field names: docs/VECTORS.md.
#include "reference/core/crypto_util.h"
#include "reference/core/secure_random.h"
#include "reference/schemes/build_defaults.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"
#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora_scheme_common.h"

namespace tokcheck::schemes {
namespace {

using namespace agora_adapter;

class Agora006Scheme final : public Scheme {
 public:
  std::string_view id() const override { return "agora-006"; }
  std::string_view token_version() const override { return agora::kVersion006; }
  Vendor vendor() const override { return Vendor::kAgora; }
  std::string_view title() const override { return "Agora AccessToken (006)"; }
  bool detect(std::string_view token) const override {
    return token.starts_with(agora::kVersion006);
  }

  ParseOutcome parse(const Json& in) const override {
    const auto r = agora::parse_006(req_string(in, "token"), base64_mode(in));
    ParseOutcome out;
    out.error = r.error;
    out.condition = parse_condition(r.error);
    out.lenient_base64 = r.lenient_base64;
    if (r.error != Malformation::kNone) return out;
    const agora::Token006& t = r.token;
    out.fields = {{"version", "006"},
                  {"app_id", t.app_id},
                  {"signature", to_hex(t.signature)},
                  {"crc_channel_name", t.crc_channel},
                  {"crc_uid", t.crc_uid},
                  {"salt", t.salt},
                  {"ts", t.ts},
                  {"privileges", privileges_to_json(t.privileges)}};
    return out;
  }

  BuildOutcome build(const Json& in) const override {
    agora::Build006Input b;
    b.app_id = req_string(in, "app_id");
    b.app_certificate = req_string(in, "app_certificate");
    b.channel_name = req_string(in, "channel_name");
    if (!has(in, "uid")) throw UsageError("field \"uid\": is required");
    b.uid = agora_uid(in["uid"], "uid");
    b.salt = req_u32(in, "salt");
    b.ts = req_u32(in, "ts");
    b.privileges = privileges_from_json(in, "privileges");
    const auto r = agora::build_006(b);
    if (r.error != agora::BuildError::kNone) {
      return {{},
              build_error(std::string(to_string(r.error)),
                          "app_id and app_certificate must be 32 hex characters")};
    }
    return {r.token, nullptr};
  }

  VerifyOutcome verify(const Json& in) const override {
    const Presence p = read_presence(in);
    const std::int64_t now = req_now(in);
    if (auto settled = presence_verdict(p)) return *settled;
    const std::optional<std::string> app_id = opt_string(in, "app_id");
    const std::string channel = req_string(in, "channel_name");
    if (!has(in, "uid")) {
      throw UsageError("field \"uid\": is required (006 carries only its CRC32)");
    }
    const std::string uid = agora_uid(in["uid"], "uid");
    const std::vector<std::uint16_t> required = required_privileges(in, "privileges");
    agora::Binding006 binding{app_id ? std::optional<std::string_view>(*app_id) : std::nullopt,
                              channel, uid, required};
    agora::Verifier006 verifier(p.certificate);
    return {verifier.verify(p.token, now, binding, base64_mode(in))};
  }

  // token-formats.md: "ts is set to now + 24*3600 when the token is constructed";
  // salt "Go and Python3 use 1..99999999" (C++ a full u32; we take the common range).
  void fill_build_defaults(DefaultFiller& f) const override {
    f.fill("salt", secure_random_in(1, kSaltMax));
    f.fill("ts", f.now() + 24 * 3600);
  }
  std::string_view secret_field() const override { return "app_certificate"; }
  const std::vector<FieldSpec>& request_fields(RequestKind kind) const override {
    using enum FieldType;
    using enum Need;
    static const RequestTables tables{build_fields({{"channel_name", kString, kRequired},
                                                    {"uid", kStringOrInteger, kRequired},
                                                    {"salt", kInteger, kDefaulted},
                                                    {"ts", kInteger, kDefaulted},
                                                    {"privileges", kObject, kOptional}}),
                                      parse_fields({}), verify_fields({})};
    return tables.of(kind);
  }

  std::vector<TimeFact> timeline(const Json& fields) const override {
    std::vector<TimeFact> out{{"token expires (ts)", fields.at("ts").get<std::int64_t>(), true}};
    for (auto it = fields.at("privileges").begin(); it != fields.at("privileges").end(); ++it) {
      const auto v = it->get<std::int64_t>();
      if (v != 0) {
        out.push_back(
            {"privilege " + it.key() + " expires", v, true, false, Condition::kPrivilegeExpired});
      }
    }
    return out;
  }
};

}  // namespace

const Scheme& agora006_scheme() {
  static const Agora006Scheme scheme;
  return scheme;
}

}  // namespace tokcheck::schemes
