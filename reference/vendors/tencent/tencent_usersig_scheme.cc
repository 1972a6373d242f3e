// JSON adapter for reference/vendors/tencent/usersig.h. Field names: docs/VECTORS.md.
//   build:  sdkappid, key, identifier, expire (TTL s), time (issue s), style
//           ("python" default | "go" | "cpp"), and optionally a userbuf:
//             userbuf {privilege_map, room_id | room_str, expire_abs, account, sdkappid,
//                      account_type, version}   (a PrivateMapKey; defaults below)
//             userbuf_hex "..."                 (any bytes, GenUserSigWithBuf)
//   parse:  token, base64
//   verify: token, key, now, base64, and optional bindings sdkappid, identifier and
//           userbuf: an object as in build (expire_abs required), "none" (the token
//           must carry no userbuf), or userbuf_hex.
// PrivateMapKey defaults: account = identifier, sdkappid = sdkappid, account_type 0,
// version 1 when room_str is non-empty else 0, room_id 0, and (build only)
// expire_abs = (time + expire) mod 2^32 as genPrivateMapKey computes it.
#include <limits>

#include "reference/core/crypto_util.h"
#include "reference/core/secure_random.h"
#include "reference/schemes/build_defaults.h"
#include "reference/schemes/json_fields.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"
#include "reference/vendors/tencent/private_map_key.h"
#include "reference/vendors/tencent/usersig.h"

namespace tokcheck::schemes {
namespace {

using tencent::PrivateMapKey;

constexpr std::int64_t kI64Min = std::numeric_limits<std::int64_t>::min();
constexpr std::int64_t kI64Max = std::numeric_limits<std::int64_t>::max();

// What a userbuf object's defaults come from.
struct UserbufDefaults {
  std::optional<std::string> account;
  std::optional<std::uint32_t> sdkappid;
  std::optional<std::uint32_t> expire_abs;
};

std::vector<std::uint8_t> userbuf_from_json(const Json& u, const UserbufDefaults& d) {
  if (!u.is_object()) throw UsageError("field \"userbuf\": must be an object");
  PrivateMapKey k;
  const auto account = opt_string(u, "account");
  if (!account && !d.account) throw UsageError("field \"userbuf\": \"account\" is required");
  k.account = account ? *account : *d.account;
  const auto sdkappid = opt_u32(u, "sdkappid");
  if (!sdkappid && !d.sdkappid) throw UsageError("field \"userbuf\": \"sdkappid\" is required");
  k.sdkappid = sdkappid ? *sdkappid : *d.sdkappid;
  const auto room_str = opt_string(u, "room_str");
  k.room_id = opt_u32(u, "room_id").value_or(0);
  k.room_str = room_str.value_or("");
  k.version = static_cast<std::uint8_t>(
      opt_int(u, "version", 0, 1).value_or(room_str && !room_str->empty() ? 1 : 0));
  if (k.version == 0 && !k.room_str.empty()) {
    throw UsageError("field \"userbuf\": room_str needs version 1");
  }
  const auto expire_abs = opt_u32(u, "expire_abs");
  if (!expire_abs && !d.expire_abs) {
    throw UsageError("field \"userbuf\": \"expire_abs\" is required");
  }
  k.expire_abs = expire_abs ? *expire_abs : *d.expire_abs;
  k.privilege_map = req_u32(u, "privilege_map");
  k.account_type = opt_u32(u, "account_type").value_or(0);
  auto bytes = tencent::pack_userbuf(k);
  if (!bytes) throw UsageError("field \"userbuf\": account and room_str must be <= 65535 bytes");
  return *bytes;
}

std::vector<std::uint8_t> hex_field(const Json& in, std::string_view key) {
  std::vector<std::uint8_t> out;
  if (!from_hex(req_string(in, key), out)) {
    throw UsageError("field \"" + std::string(key) + "\": must be hex");
  }
  return out;
}

Json userbuf_to_json(const std::vector<std::uint8_t>& bytes) {
  PrivateMapKey k;
  if (tencent::parse_userbuf(bytes, k) != Malformation::kNone) return nullptr;
  Json out{{"version", k.version},
           {"account", k.account},
           {"sdkappid", k.sdkappid},
           {"room_id", k.room_id},
           {"room_str", nullptr},
           {"expire_abs", k.expire_abs},
           {"privilege_map", k.privilege_map},
           {"account_type", k.account_type}};
  if (k.version == 1) out["room_str"] = k.room_str;
  return out;
}

// The PrivateMapKey bits (TLSSigAPIv2 genPrivateMapKey doc comment).
Json privilege_names(std::uint32_t map) {
  static constexpr std::pair<std::uint32_t, std::string_view> kBits[] = {
      {tencent::kCreateRoom, "create_room"},      {tencent::kEnterRoom, "enter_room"},
      {tencent::kSendAudio, "send_audio"},        {tencent::kRecvAudio, "recv_audio"},
      {tencent::kSendVideo, "send_video"},        {tencent::kRecvVideo, "recv_video"},
      {tencent::kSendSubVideo, "send_sub_video"}, {tencent::kRecvSubVideo, "recv_sub_video"}};
  Json out = Json::array();
  for (const auto& [bit, name] : kBits) {
    if (map & bit) out.push_back(name);
  }
  if (map & ~std::uint32_t{tencent::kAllPrivileges}) out.push_back("unknown bits");
  return out;
}

class TencentUserSigScheme final : public Scheme {
 public:
  std::string_view id() const override { return "tencent-usersig"; }
  std::string_view token_version() const override { return tencent::kUserSigVersion; }
  Vendor vendor() const override { return Vendor::kTencent; }
  std::string_view title() const override { return "Tencent TRTC/IM UserSig (TLSSigAPIv2)"; }

  // No version prefix: Tencent-alphabet base64 whose first two bytes are a zlib
  // header (CMF 0x78, header check, no preset dictionary), so it starts "e" + [A-P].
  bool detect(std::string_view token) const override {
    if (token.size() < 4) return false;
    for (char c : token) {
      const bool ok = (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
                      c == '*' || c == '-' || c == '_' || c == '+' || c == '/' || c == '=';
      if (!ok) return false;
    }
    std::vector<std::uint8_t> head;
    if (base64_decode(token.substr(0, 4), Base64Mode::kLenient, head, Base64Alphabet::kTencent)
                .error != Malformation::kNone ||
        head.size() < 2) {
      return false;
    }
    return head[0] == 0x78 && ((head[0] << 8) | head[1]) % 31 == 0 && (head[1] & 0x20) == 0;
  }

  ParseOutcome parse(const Json& in) const override {
    const auto r = tencent::parse_usersig(req_string(in, "token"), base64_mode(in));
    ParseOutcome out;
    out.error = r.error;
    out.condition = r.condition;
    out.lenient_base64 = r.lenient_base64;
    if (r.condition != Condition::kValid) return out;
    const tencent::UserSig& t = r.token;
    out.fields = {{"ver", t.ver},
                  {"identifier", t.identifier},
                  {"sdkappid", t.sdkappid},
                  {"expire", t.expire},
                  {"time", t.time},
                  {"signature", to_hex(t.signature)},
                  {"userbuf_hex", t.userbuf ? Json(to_hex(*t.userbuf)) : Json(nullptr)},
                  {"userbuf", t.userbuf ? userbuf_to_json(*t.userbuf) : Json(nullptr)}};
    out.info = {{"style", t.style ? Json(tencent::to_string(*t.style)) : Json("other")},
                {"expires_at", t.time + t.expire}};
    if (out.fields["userbuf"].is_object()) {
      out.info["privileges"] =
          privilege_names(out.fields["userbuf"]["privilege_map"].get<std::uint32_t>());
    }
    return out;
  }

  BuildOutcome build(const Json& in) const override {
    tencent::UserSigBuildInput b;
    b.sdkappid = req_u32(in, "sdkappid");
    b.key = req_string(in, "key");
    b.identifier = req_string(in, "identifier");
    b.expire = req_int(in, "expire", kI64Min, kI64Max);
    b.time = req_int(in, "time", kI64Min, kI64Max);
    if (const auto style = opt_string(in, "style")) {
      const auto parsed = tencent::json_style_from_string(*style);
      if (!parsed) throw UsageError("field \"style\": must be \"python\", \"go\" or \"cpp\"");
      b.style = *parsed;
    }
    if (has(in, "userbuf") && has(in, "userbuf_hex")) {
      throw UsageError("give \"userbuf\" or \"userbuf_hex\", not both");
    }
    if (has(in, "userbuf")) {
      const auto expire_abs = static_cast<std::uint32_t>(static_cast<std::uint64_t>(b.time) +
                                                         static_cast<std::uint64_t>(b.expire));
      b.userbuf = userbuf_from_json(in["userbuf"], {b.identifier, b.sdkappid, expire_abs});
    } else if (has(in, "userbuf_hex")) {
      b.userbuf = hex_field(in, "userbuf_hex");
    }
    const auto r = tencent::build_usersig(b);
    if (r.error != tencent::UserSigBuildError::kNone) {
      return {{}, build_error(std::string(to_string(r.error)), message(r.error))};
    }
    return {r.token, nullptr};
  }

  VerifyOutcome verify(const Json& in) const override {
    const std::string token = opt_string(in, "token").value_or("");
    const std::string key = req_string(in, "key");
    const std::int64_t now = req_now(in);
    tencent::UserSigBinding binding;
    if (const auto sdkappid = opt_int(in, "sdkappid", 0, kI64Max)) {
      binding.sdkappid = static_cast<std::uint64_t>(*sdkappid);
    }
    const auto identifier = opt_string(in, "identifier");
    if (identifier) binding.identifier = *identifier;
    if (has(in, "userbuf") && has(in, "userbuf_hex")) {
      throw UsageError("give \"userbuf\" or \"userbuf_hex\", not both");
    }
    if (has(in, "userbuf")) {
      const Json& u = in["userbuf"];
      if (u.is_string() && u.get<std::string>() == "none") {
        binding.userbuf_rule = tencent::UserSigBinding::Userbuf::kAbsent;
      } else {
        std::optional<std::uint32_t> sdkappid;
        if (binding.sdkappid && *binding.sdkappid <= 0xFFFFFFFFu) {
          sdkappid = static_cast<std::uint32_t>(*binding.sdkappid);
        }
        binding.userbuf_rule = tencent::UserSigBinding::Userbuf::kEquals;
        binding.userbuf = userbuf_from_json(u, {identifier, sdkappid, std::nullopt});
      }
    } else if (has(in, "userbuf_hex")) {
      binding.userbuf_rule = tencent::UserSigBinding::Userbuf::kEquals;
      binding.userbuf = hex_field(in, "userbuf_hex");
    }
    tencent::UserSigVerifier verifier(key);
    return {verifier.verify(token, now, binding, base64_mode(in))};
  }

  // TLS.time is the generation time (TLSSigAPIv2 genUserSig takes only
  // identifier and expire: inferred from its signature).
  void fill_build_defaults(DefaultFiller& f) const override { f.fill("time", f.now()); }
  std::string_view secret_field() const override { return "key"; }
  const std::vector<FieldSpec>& request_fields(RequestKind kind) const override {
    using enum FieldType;
    using enum Need;
    static const RequestTables tables{{{"scheme", kString, kRequired},
                                       {"sdkappid", kInteger, kRequired},
                                       {"key", kString, kRequired},
                                       {"identifier", kString, kRequired},
                                       {"expire", kInteger, kRequired},
                                       {"time", kInteger, kDefaulted},
                                       {"style", kString, kOptional},
                                       {"userbuf", kObject, kOptional},
                                       {"userbuf_hex", kString, kOptional}},
                                      parse_fields({}),
                                      verify_fields("key", kString,
                                                    {{"sdkappid", kInteger, kOptional},
                                                     {"identifier", kString, kOptional},
                                                     {"userbuf", kStringOrObject, kOptional},
                                                     {"userbuf_hex", kString, kOptional}})};
    return tables.of(kind);
  }

  std::vector<TimeFact> timeline(const Json& fields) const override {
    const auto time = fields.at("time").get<std::int64_t>();
    const auto expire = fields.at("expire").get<std::int64_t>();
    // usersig.cc: expired only when now > TLS.time + TLS.expire.
    std::vector<TimeFact> out{{"issued (TLS.time)", time, false},
                              {"expires (TLS.time + TLS.expire)", time + expire, true, true}};
    const Json& userbuf = fields.at("userbuf");
    if (userbuf.is_object()) {
      // Verify never judges expire_abs (TRTC's server does); inferred: the same
      // boundary as the UserSig carrying it.
      out.push_back(
          {"PrivateMapKey expire_abs", userbuf.at("expire_abs").get<std::int64_t>(), true, true});
    }
    return out;
  }

 private:
  static std::string_view message(tencent::UserSigBuildError e) {
    switch (e) {
      case tencent::UserSigBuildError::kBadKey:
        return "key must not be empty";
      case tencent::UserSigBuildError::kBadIdentifier:
        return "identifier must be a non-empty UTF-8 string";
      case tencent::UserSigBuildError::kBadTime:
        return "time must be >= 0 and time + expire must fit in int64";
      case tencent::UserSigBuildError::kNone:
        break;
    }
    return "";
  }
};

}  // namespace

const Scheme& tencent_usersig_scheme() {
  static const TencentUserSigScheme scheme;
  return scheme;
}

}  // namespace tokcheck::schemes
