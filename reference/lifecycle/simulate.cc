#include "reference/lifecycle/simulate.h"

#include "reference/lifecycle/sessions.h"

namespace tokcheck::lifecycle {

TokenBook::TokenBook(const Json* tokens, const ClaimNames& names) : names_(names) {
  if (!tokens || tokens->is_null()) return;
  if (!tokens->is_object()) usage("tokens", "must be an object of name → token");
  for (auto it = tokens->begin(); it != tokens->end(); ++it) {
    named_.emplace(it.key(),
                   parse_token_spec(it.value(), join_path("tokens", it.key()), it.key(), names_));
  }
}

std::optional<TokenSpec> TokenBook::resolve(const Json& event, const std::string& path,
                                            std::string_view key) const {
  if (!has(event, key)) return std::nullopt;
  const Json& v = event.at(std::string(key));
  const std::string where = join_path(path, key);
  if (v.is_string()) {
    const auto it = named_.find(v.get<std::string>());
    if (it == named_.end())
      usage(where, "no token named \"" + v.get<std::string>() + "\" in tokens");
    return it->second;
  }
  if (v.is_object()) return parse_token_spec(v, where, "inline", names_);
  usage(where, "must be a token name, a token object, or null");
}

namespace {

// The vendors with an SDK session, in the order profile.vendor names them.
constexpr Vendor kSessionVendors[] = {Vendor::kZego, Vendor::kAgora, Vendor::kRongCloud,
                                      Vendor::kByteDance};
constexpr std::string_view kVendors[] = {
    to_string(kSessionVendors[0]), to_string(kSessionVendors[1]), to_string(kSessionVendors[2]),
    to_string(kSessionVendors[3])};

std::unique_ptr<Session> make_session(const Json& scenario) {
  if (!scenario.is_object()) usage("scenario", "must be a JSON object");
  only_keys(scenario, "scenario", {"profile", "start", "tokens", "events", "description"});
  if (!has(scenario, "profile")) usage("profile", "is required");
  const Json& profile = scenario["profile"];
  if (!profile.is_object()) usage("profile", "must be an object");
  const std::int64_t start = req_int(scenario, "scenario", "start");
  const Json* tokens = has(scenario, "tokens") ? &scenario["tokens"] : nullptr;
  const SessionInput in{profile, start, tokens};
  const std::string vendor = req_choice(profile, "profile", "vendor",
                                        {kVendors[0], kVendors[1], kVendors[2], kVendors[3]});
  switch (*vendor_from_string(vendor)) {  // req_choice allowed only kVendors
    case Vendor::kZego:
      return make_zego_session(in);
    case Vendor::kAgora:
      return make_agora_session(in);
    case Vendor::kRongCloud:
      return make_rongcloud_session(in);
    case Vendor::kByteDance:
      return make_bytedance_session(in);
    case Vendor::kVolc:
    case Vendor::kTencent:
      break;  // no SDK session: Volcengine's native SDKs and Tencent are not modelled
  }
  usage("profile.vendor", "has no SDK session");
}

}  // namespace

std::span<const std::string_view> lifecycle_vendors() { return kVendors; }

Simulator::Simulator(const Json& scenario) : session_(make_session(scenario)) {}
Simulator::~Simulator() = default;
Simulator::Simulator(Simulator&&) noexcept = default;
Simulator& Simulator::operator=(Simulator&&) noexcept = default;

Json Simulator::apply(const Json& event, int index, std::vector<std::string>* rules) {
  session_->apply(event, index);
  return session_->take_outputs(rules);
}

std::int64_t Simulator::now() const { return session_->now(); }

Json simulate_json(const Json& scenario, std::vector<std::string>* rules) {
  Simulator sim(scenario);
  if (!has(scenario, "events") || !scenario["events"].is_array()) {
    usage("events", "is required: an array of events");
  }
  Json outputs = Json::array();
  int index = 0;
  for (const Json& event : scenario["events"]) {
    for (Json& o : sim.apply(event, index++, rules)) outputs.push_back(std::move(o));
  }
  return Json{{"outputs", std::move(outputs)}};
}

}  // namespace tokcheck::lifecycle
