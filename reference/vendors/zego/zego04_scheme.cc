// JSON adapter for reference/vendors/zego/token04.h. Field names: docs/VECTORS.md.
//   build:  app_id, user_id, secret, effective_time_in_seconds, payload (string,
//           default ""), ctime, nonce, iv (text) | iv_hex, mode ("cbc" | "gcm"; when
//           absent, a 16-byte iv means cbc and anything else gcm)
//   parse:  token, secret, base64
//   verify: token, secret, now, base64, and the optional bindings app_id, user_id,
//           room_id, privileges [1 login | 2 publish], stream_id
// Generator inputs ZEGO validates (app_id, user_id, secret, effective time) become
// ZEGO's error codes even when missing or of the wrong JSON type, as in ZEGO's Node
// generator; the injected ctime/nonce/iv/mode are tokcheck's and must be well-formed.
#include <limits>

#include "reference/core/crypto_util.h"
#include "reference/core/secure_random.h"
#include "reference/schemes/build_defaults.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"
#include "reference/vendors/zego/token04.h"
#include "reference/vendors/zego/zego_scheme_common.h"

namespace tokcheck::schemes {
namespace {

using namespace zego_adapter;

constexpr std::int64_t kI64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kI64Max = std::numeric_limits<std::int64_t>::max();

class Zego04Scheme final : public ZegoScheme {
 public:
  Zego04Scheme() : ZegoScheme(zego::kVersion04, /*gcm_allowed=*/true) {}
  std::string_view id() const override { return "zego-04"; }
  std::string_view title() const override { return "ZEGO token04 (AES-256-CBC / AES-256-GCM)"; }

  ParseOutcome parse_claims(std::string_view token, std::string_view secret,
                            Base64Mode mode) const override {
    return outcome_of(zego::parse_04(token, secret, mode), [](const auto& r, ParseOutcome& out) {
      const zego::Token04& t = r.token;
      out.fields = {{"version", "04"},        {"mode", zego::to_string(t.mode)},
                    {"iv_hex", to_hex(t.iv)}, {"app_id", t.app_id},
                    {"user_id", t.user_id},   {"nonce", t.nonce},
                    {"ctime", t.ctime},       {"expire", t.expire},
                    {"payload", t.payload}};
      out.info = {{"payload_kind", zego::to_string(r.payload_kind)}, {"iv_text", iv_text(t.iv)}};
    });
  }

  BuildOutcome build(const Json& in) const override {
    zego::Build04Input b;
    b.app_id = generator_int(in, "app_id").value_or(0);
    b.user_id = generator_string(in, "user_id").value_or("");
    b.secret = generator_string(in, "secret").value_or("");
    b.effective_time_in_seconds = generator_int(in, "effective_time_in_seconds").value_or(0);
    b.payload = opt_string(in, "payload").value_or("");
    b.ctime = req_int(in, "ctime", kI64Min, kI64Max);
    b.nonce = req_int(in, "nonce", kI64Min, kI64Max);
    b.iv = read_iv(in);
    if (const auto mode = opt_string(in, "mode")) {
      const auto parsed = zego::cipher_mode_from_string(*mode);
      if (!parsed) throw UsageError("field \"mode\": must be \"cbc\" or \"gcm\"");
      b.mode = *parsed;
    } else {
      b.mode = b.iv.size() == zego::kCbcIvSize ? zego::CipherMode::kCbc : zego::CipherMode::kGcm;
    }
    const zego::Build04Result r = zego::build_04(b);
    if (r.error != zego::BuildError::kNone) return {{}, zego_build_error(r.error)};
    return {r.token, nullptr};
  }

  VerifyOutcome verify(const Json& in) const override {
    const VerifyRequest req = read_verify_request(in);
    const auto stream_id = opt_string(in, "stream_id");
    auto b = req.bound.to<zego::Binding04>();
    if (stream_id) b.stream_id = *stream_id;
    zego::Verifier04 verifier(req.secret);
    return {verifier.verify(req.token, req.now, b, req.base64)};
  }

  // token-formats.md: ctime "unix seconds at generation"; IV "16 chars drawn from
  // 0123456789abcdefghijklmnopqrstuvwxyz" (Go, Node, PHP, Python, C++, .NET), GCM
  // nonce "12 chars from the alphabet above" (Python, PHP, C++); nonce "Node
  // ceil(2147483647*rand) in CBC" → 1..2^31-1.
  void fill_build_defaults(DefaultFiller& f) const override {
    f.fill("ctime", f.now());
    f.fill("nonce", secure_random_in(1, kNonceMax));
    if (!f.has("iv_hex")) {
      const bool gcm = f.has("mode") && f.request()["mode"] == "gcm";
      f.fill("iv", secure_random_alnum(gcm ? 12 : 16));
    }
  }
  const std::vector<FieldSpec>& request_fields(RequestKind kind) const override {
    using enum FieldType;
    using enum Need;
    static const RequestTables tables{build_fields({{"payload", kString, kOptional},
                                                    {"ctime", kInteger, kDefaulted},
                                                    {"nonce", kInteger, kDefaulted},
                                                    {"iv", kString, kDefaulted},
                                                    {"iv_hex", kString, kOptional},
                                                    {"mode", kString, kOptional}}),
                                      parse_fields(),
                                      verify_fields({{"stream_id", kString, kOptional}})};
    return tables.of(kind);
  }

  std::vector<TimeFact> timeline(const Json& fields) const override {
    std::vector<TimeFact> out;
    if (fields.contains("ctime"))
      out.push_back({"created (ctime)", fields["ctime"].get<std::int64_t>(), false});
    out.push_back({"token expires (expire)", fields.at("expire").get<std::int64_t>(), true});
    return out;
  }
};

}  // namespace

const Scheme& zego04_scheme() {
  static const Zego04Scheme scheme;
  return scheme;
}

}  // namespace tokcheck::schemes
