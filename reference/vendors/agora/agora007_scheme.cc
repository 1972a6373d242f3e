// JSON adapter for reference/vendors/agora/agora007.h. Field names: docs/VECTORS.md.
// A service object has "type", "privileges" and only the fields of its type:
//   1 rtc: channel_name, uid        3 streaming / 6 fcdn: channel_name, account
//   2 rtm / 5 chat: user_id         7 apaas: room_uuid, user_uuid, role
//   8 rtm2: user_id, permissions {"<resource type>": {"<permission type>": [names]}}
#include "reference/core/crypto_util.h"
#include "reference/core/secure_random.h"
#include "reference/schemes/build_defaults.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"
#include "reference/vendors/agora/agora007.h"
#include "reference/vendors/agora/agora_scheme_common.h"

namespace tokcheck::schemes {
namespace {

using namespace agora_adapter;
using agora::Service007;

std::uint16_t small_key(std::string_view text, std::string_view what) {
  Json probe = Json::object();
  probe[std::string(text)] = 0;
  const auto map = privileges_from_json(Json{{what, probe}}, what);
  return map.front().first;
}

std::vector<agora::Rtm2Resource> rtm2_from_json(const Json& s) {
  std::vector<agora::Rtm2Resource> out;
  if (!has(s, "permissions")) return out;
  const Json& perms = s["permissions"];
  if (!perms.is_object()) throw UsageError("field \"permissions\": must be an object");
  for (auto r = perms.begin(); r != perms.end(); ++r) {
    agora::Rtm2Resource res;
    res.type = small_key(r.key(), "permissions");
    if (!r->is_object()) throw UsageError("field \"permissions\": resources map to objects");
    for (auto p = r->begin(); p != r->end(); ++p) {
      agora::Rtm2Permission perm;
      perm.type = small_key(p.key(), "permissions");
      if (!p->is_array()) throw UsageError("field \"permissions\": permissions map to arrays");
      for (const Json& name : *p) {
        if (!name.is_string()) throw UsageError("field \"permissions\": names are strings");
        perm.names.push_back(name.get<std::string>());
      }
      res.permissions.push_back(std::move(perm));
    }
    out.push_back(std::move(res));
  }
  return out;
}

Service007 service_from_json(const Json& s) {
  Service007 out;
  out.type = static_cast<std::uint16_t>(req_int(s, "type", 0, 0xFFFF));
  out.privileges = privileges_from_json(s, "privileges");
  out.channel_name = opt_string(s, "channel_name").value_or("");
  if (has(s, "uid")) out.uid = agora_uid(s["uid"], "uid");
  out.user_id = opt_string(s, "user_id").value_or("");
  out.account = opt_string(s, "account").value_or("");
  out.room_uuid = opt_string(s, "room_uuid").value_or("");
  out.user_uuid = opt_string(s, "user_uuid").value_or("");
  out.role = static_cast<std::int16_t>(opt_int(s, "role", -32768, 32767).value_or(-1));
  out.rtm2 = rtm2_from_json(s);
  return out;
}

Json service_to_json(const Service007& s) {
  Json out{{"type", s.type},
           {"name", agora::service_name(s.type)},
           {"privileges", privileges_to_json(s.privileges)}};
  switch (s.type) {
    case agora::kServiceRtc:
      out["channel_name"] = s.channel_name;
      out["uid"] = s.uid;
      break;
    case agora::kServiceRtm:
    case agora::kServiceChat:
      out["user_id"] = s.user_id;
      break;
    case agora::kServiceStreaming:
    case agora::kServiceFcdn:
      out["channel_name"] = s.channel_name;
      out["account"] = s.account;
      break;
    case agora::kServiceApaas:
      out["room_uuid"] = s.room_uuid;
      out["user_uuid"] = s.user_uuid;
      out["role"] = s.role;
      break;
    case agora::kServiceRtm2: {
      out["user_id"] = s.user_id;
      Json perms = Json::object();
      for (const auto& res : s.rtm2) {
        Json by_type = Json::object();
        for (const auto& perm : res.permissions) by_type[std::to_string(perm.type)] = perm.names;
        perms[std::to_string(res.type)] = std::move(by_type);
      }
      out["permissions"] = std::move(perms);
      break;
    }
    default:
      break;
  }
  return out;
}

class Agora007Scheme final : public Scheme {
 public:
  std::string_view id() const override { return "agora-007"; }
  std::string_view token_version() const override { return agora::kVersion007; }
  Vendor vendor() const override { return Vendor::kAgora; }
  std::string_view title() const override { return "Agora AccessToken2 (007)"; }
  bool detect(std::string_view token) const override {
    return token.starts_with(agora::kVersion007);
  }

  ParseOutcome parse(const Json& in) const override {
    const auto r = agora::parse_007(req_string(in, "token"), base64_mode(in));
    ParseOutcome out;
    out.error = r.error;
    out.condition = parse_condition(r.error);
    out.lenient_base64 = r.lenient_base64;
    if (r.error != Malformation::kNone) return out;
    const agora::Token007& t = r.token;
    Json services = Json::array();
    for (const Service007& s : t.services) services.push_back(service_to_json(s));
    out.fields = {{"version", "007"},
                  {"signature", to_hex(t.signature)},
                  {"app_id", t.app_id},
                  {"issue_ts", t.issue_ts},
                  {"expire", t.expire},
                  {"salt", t.salt},
                  {"services", std::move(services)},
                  {"unknown_service_type",
                   t.unknown_service_type ? Json(*t.unknown_service_type) : Json(nullptr)}};
    out.info = {{"declared_services", t.declared_services}, {"zlib_canonical", t.zlib_canonical}};
    return out;
  }

  BuildOutcome build(const Json& in) const override {
    agora::Build007Input b;
    b.app_id = req_string(in, "app_id");
    b.app_certificate = req_string(in, "app_certificate");
    b.issue_ts = req_u32(in, "issue_ts");
    b.expire = req_u32(in, "expire");
    b.salt = req_u32(in, "salt");
    if (!has(in, "services") || !in["services"].is_array()) {
      throw UsageError("field \"services\": must be an array of service objects");
    }
    for (const Json& s : in["services"]) b.services.push_back(service_from_json(s));
    const auto r = agora::build_007(b);
    if (r.error != agora::Build007Error::kNone) {
      return {{}, build_error(std::string(to_string(r.error)), "Agora's builders refuse this")};
    }
    return {r.token, nullptr};
  }

  VerifyOutcome verify(const Json& in) const override {
    const Presence p = read_presence(in);
    const std::int64_t now = req_now(in);
    if (auto settled = presence_verdict(p)) return *settled;
    const auto app_id = opt_string(in, "app_id");
    const auto channel = opt_string(in, "channel_name");
    const auto user_id = opt_string(in, "user_id");
    const auto account = opt_string(in, "account");
    std::optional<std::string> uid;
    if (has(in, "uid")) uid = agora_uid(in["uid"], "uid");
    const auto service_type = opt_int(in, "service_type", 0, 0xFFFF);
    const std::vector<std::uint16_t> required = required_privileges(in, "privileges");
    auto view = [](const std::optional<std::string>& s) {
      return s ? std::optional<std::string_view>(*s) : std::nullopt;
    };
    agora::Binding007 binding;
    binding.app_id = view(app_id);
    if (service_type) binding.service_type = static_cast<std::uint16_t>(*service_type);
    binding.channel_name = view(channel);
    binding.uid = view(uid);
    binding.user_id = view(user_id);
    binding.account = view(account);
    binding.required_privileges = required;
    agora::Verifier007 verifier(p.certificate);
    return {verifier.verify(p.token, now, binding, base64_mode(in))};
  }

  // token-formats.md: "The constructor defaults are issue_ts = now and expire =
  // 900"; salt "Go/Python/Node 1..99999999".
  void fill_build_defaults(DefaultFiller& f) const override {
    f.fill("issue_ts", f.now());
    f.fill("expire", 900);
    f.fill("salt", secure_random_in(1, kSaltMax));
  }
  std::string_view secret_field() const override { return "app_certificate"; }
  const std::vector<FieldSpec>& request_fields(RequestKind kind) const override {
    using enum FieldType;
    using enum Need;
    static const RequestTables tables{build_fields({{"issue_ts", kInteger, kDefaulted},
                                                    {"expire", kInteger, kDefaulted},
                                                    {"salt", kInteger, kDefaulted},
                                                    {"services", kArray, kRequired}}),
                                      parse_fields({}),
                                      verify_fields({{"service_type", kInteger, kOptional},
                                                     {"user_id", kString, kOptional},
                                                     {"account", kString, kOptional}})};
    return tables.of(kind);
  }

  std::vector<TimeFact> timeline(const Json& fields) const override {
    const auto issue = fields.at("issue_ts").get<std::int64_t>();
    std::vector<TimeFact> out{
        {"issued", issue, false},
        {"token expires", issue + fields.at("expire").get<std::int64_t>(), true}};
    for (const Json& s : fields.at("services")) {
      for (auto it = s.at("privileges").begin(); it != s.at("privileges").end(); ++it) {
        const auto v = it->get<std::int64_t>();
        if (v != 0) {
          out.push_back({s.at("name").get<std::string>() + " privilege " + it.key() + " expires",
                         issue + v, true, false, Condition::kPrivilegeExpired});
        }
      }
    }
    return out;
  }
};

}  // namespace

const Scheme& agora007_scheme() {
  static const Agora007Scheme scheme;
  return scheme;
}

}  // namespace tokcheck::schemes
