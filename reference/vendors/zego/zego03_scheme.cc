// JSON adapter for reference/vendors/zego/token03.h. Field names: docs/VECTORS.md.
//   build:  app_id, room_id, user_id, secret, privilege {"1": 0|1, "2": 0|1} (booleans
//           accepted, as the Node generator's canLoginRoom/canPublishStream),
//           create_time, effective_time_in_seconds, nonce, iv (text) | iv_hex
//   parse:  token, secret, base64
//   verify: token, secret, now, base64, and the optional bindings app_id, user_id,
//           room_id, privileges [1 login | 2 publish]
#include <limits>

#include "reference/core/crypto_util.h"
#include "reference/core/secure_random.h"
#include "reference/schemes/build_defaults.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"
#include "reference/vendors/zego/token03.h"
#include "reference/vendors/zego/zego_scheme_common.h"

namespace tokcheck::schemes {
namespace {

using namespace zego_adapter;

constexpr std::int64_t kI64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kI64Max = std::numeric_limits<std::int64_t>::max();

// {"1": .., "2": ..} with exactly those keys, each 0/1 or false/true; anything else
// leaves a value at -1 so the codec refuses it with code 4 ("privilege key must
// include 1 and 2; the value must be number").
zego::PrivilegeFlags privilege_input(const Json& in) {
  zego::PrivilegeFlags out;
  const auto it = in.find("privilege");
  if (it == in.end() || !it->is_object()) return out;
  auto flag = [](const Json& v) {
    if (v.is_boolean()) return v.get<bool>() ? 1 : 0;
    if (v.is_number_integer() && (v.get<std::int64_t>() == 0 || v.get<std::int64_t>() == 1)) {
      return static_cast<int>(v.get<std::int64_t>());
    }
    return -1;
  };
  for (auto m = it->begin(); m != it->end(); ++m) {
    if (m.key() == "1") {
      out.login = flag(*m);
    } else if (m.key() == "2") {
      out.publish = flag(*m);
    } else {
      return zego::PrivilegeFlags{};  // only the two defined keys
    }
  }
  return out;
}

Json privilege_to_json(const zego::PrivilegeFlags& p) {
  Json out = Json::object();
  if (p.login >= 0) out["1"] = p.login;
  if (p.publish >= 0) out["2"] = p.publish;
  return out;
}

class Zego03Scheme final : public ZegoScheme {
 public:
  Zego03Scheme() : ZegoScheme(zego::kVersion03, /*gcm_allowed=*/false) {}
  std::string_view id() const override { return "zego-03"; }
  std::string_view title() const override { return "ZEGO token03 (AES-256-CBC, deprecated)"; }

  ParseOutcome parse_claims(std::string_view token, std::string_view secret,
                            Base64Mode mode) const override {
    return outcome_of(zego::parse_03(token, secret, mode), [](const auto& r, ParseOutcome& out) {
      const zego::Token03& t = r.token;
      out.fields = {{"version", "03"},
                    {"iv_hex", to_hex(t.iv)},
                    {"app_id", t.app_id},
                    {"room_id", t.room_id},
                    {"user_id", t.user_id},
                    {"privilege", privilege_to_json(t.privilege)},
                    {"create_time", t.create_time},
                    {"expire_time", t.expire_time},
                    {"nonce", t.nonce}};
      out.info = {{"iv_text", iv_text(t.iv)}};
    });
  }

  BuildOutcome build(const Json& in) const override {
    zego::Build03Input b;
    b.app_id = generator_int(in, "app_id").value_or(0);
    b.room_id = generator_string(in, "room_id").value_or("");
    b.user_id = generator_string(in, "user_id").value_or("");
    b.secret = generator_string(in, "secret").value_or("");
    b.privilege = privilege_input(in);
    b.effective_time_in_seconds = generator_int(in, "effective_time_in_seconds").value_or(0);
    b.create_time = req_int(in, "create_time", kI64Min, kI64Max);
    b.nonce = req_int(in, "nonce", kI64Min, kI64Max);
    b.iv = read_iv(in);
    const zego::Build03Result r = zego::build_03(b);
    if (r.error != zego::BuildError::kNone) return {{}, zego_build_error(r.error)};
    return {r.token, nullptr};
  }

  VerifyOutcome verify(const Json& in) const override {
    const VerifyRequest req = read_verify_request(in);
    zego::Verifier03 verifier(req.secret);
    return {verifier.verify(req.token, req.now, req.bound.to<zego::Binding03>(), req.base64)};
  }

  // token-formats.md: create_time "unix seconds at generation"; IV and nonce as
  // ZEGO 04's CBC tokens (16 chars of [0-9a-z]; 1..2^31-1).
  void fill_build_defaults(DefaultFiller& f) const override {
    f.fill("create_time", f.now());
    f.fill("nonce", secure_random_in(1, kNonceMax));
    if (!f.has("iv_hex")) f.fill("iv", secure_random_alnum(16));
  }
  const std::vector<FieldSpec>& request_fields(RequestKind kind) const override {
    using enum FieldType;
    using enum Need;
    static const RequestTables tables{build_fields({{"room_id", kAny, kOptional},
                                                    {"privilege", kAny, kOptional},
                                                    {"create_time", kInteger, kDefaulted},
                                                    {"nonce", kInteger, kDefaulted},
                                                    {"iv", kString, kDefaulted},
                                                    {"iv_hex", kString, kOptional}}),
                                      parse_fields(), verify_fields({})};
    return tables.of(kind);
  }

  std::vector<TimeFact> timeline(const Json& fields) const override {
    if (!fields.contains("expire_time")) {  // envelope only: the header expire
      return {{"token expires (header)", fields.at("expire").get<std::int64_t>(), true}};
    }
    return {{"created (create_time)", fields.at("create_time").get<std::int64_t>(), false},
            {"token expires (expire_time)", fields.at("expire_time").get<std::int64_t>(), true}};
  }
};

}  // namespace

const Scheme& zego03_scheme() {
  static const Zego03Scheme scheme;
  return scheme;
}

}  // namespace tokcheck::schemes
