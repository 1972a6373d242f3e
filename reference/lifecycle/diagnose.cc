#include "reference/lifecycle/diagnose.h"

#include <algorithm>
#include <array>
#include <cstdio>
#include <sstream>

#include "reference/codes/codes.h"
#include "reference/core/crypto_util.h"
#include "reference/lifecycle/sdk_codes.h"
#include "reference/lifecycle/session.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/vendor_code_json.h"

namespace tokcheck::lifecycle {
namespace {

// The platform name `vendor`'s tables use for `platform` (a name people use).
std::string table_platform(Vendor vendor, std::string_view platform) {
  std::string known;
  for (const PlatformAlias& a : vendor_sdk_tables(vendor).platforms) {
    if (a.alias == platform) return std::string(a.platform);
    known += (known.empty() ? "" : ", ") + std::string(a.alias);
  }
  throw UsageError("unknown platform \"" + std::string(platform) + "\" for " +
                   std::string(to_string(vendor)) + " (known: " + known + ")");
}

// The vendor whose codes-layer table holds `vendor`'s verify codes (none for
// RongCloud): ByteDance's mini-program reads Volcengine's (one product, seed
// 004_feb3ed951cfe7da6.txt).
std::optional<Vendor> codes_vendor(Vendor vendor) { return vendor_sdk_tables(vendor).codes_vendor; }

// Whether two vendors share their codes (volc and bytedance), so either name finds
// the other's call codes.
bool same_vendor(Vendor a, Vendor b) {
  auto family = [](Vendor v) { return codes_vendor(v).value_or(v); };
  return family(a) == family(b);
}

Json codes_json(Vendor vendor, Condition c, const std::string& platform) {
  Json out = Json::array();
  const std::optional<Vendor> table = codes_vendor(vendor);
  if (!table) return out;
  for (const codes::VendorCode& vc : codes::codes_for(*table, c)) {
    if (!platform.empty() && vc.platform != platform) continue;
    out.push_back(schemes::vendor_code_json(vc));
  }
  return out;
}

struct Check {
  std::string name;
  bool ok;
  std::string token;
  std::string given;
  std::string note;
  Condition failure;
};

std::string hex32(std::uint32_t v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "0x%08x", v);
  return buf;
}

// Agora's uid rule, both ways a person may have meant "--uid 0": the int 0 (written
// as "") or the string "0" (token-formats.md §1).
std::vector<std::pair<std::string, std::string>> uid_candidates(const std::string& uid) {
  const bool digits = !uid.empty() && uid.find_first_not_of("0123456789") == std::string::npos;
  if (uid == "0") {
    return {{"0", "as the string account \"0\""},
            {"", "as the int uid 0, which Agora writes as \"\""}};
  }
  if (digits) return {{uid, "as the int uid (the same digits as a string give the same token)"}};
  return {{uid, "as a string user account"}};
}

void agora_checks(const TokenQuery& q, const Json& fields, std::vector<Check>& checks) {
  const bool v006 = fields.at("version") == "006";
  if (q.app_id) {
    const std::string t = fields.at("app_id");
    checks.push_back({"app_id", t == *q.app_id, t, *q.app_id, "", Condition::kAppIdMismatch});
  }
  if (v006) {  // 006 carries only CRC32s of the channel and uid
    if (q.channel) {
      const std::uint32_t t = fields.at("crc_channel_name");
      const std::uint32_t g = crc32_ieee(*q.channel);
      checks.push_back({"channel", t == g, "crc32 " + hex32(t),
                        "crc32(\"" + *q.channel + "\") " + hex32(g), "",
                        Condition::kChannelMismatch});
    }
    if (q.uid) {
      const std::uint32_t t = fields.at("crc_uid");
      Check c{"uid", false, "crc32 " + hex32(t), "", "", Condition::kUidMismatch};
      for (const auto& [rendered, how] : uid_candidates(*q.uid)) {
        const std::uint32_t g = crc32_ieee(rendered);
        if (c.given.empty()) c.given = "crc32(\"" + rendered + "\") " + hex32(g);
        if (g == t) {
          c.ok = true;
          c.given = "crc32(\"" + rendered + "\") " + hex32(g);
          c.note = "matches " + std::string(how);
        }
      }
      if (!c.ok && q.uid == std::string("0")) c.note = "neither the int uid 0 nor the string \"0\"";
      checks.push_back(std::move(c));
    }
    return;
  }
  // 007: the RTC service names its channel and uid in clear.
  const Json* rtc = nullptr;
  for (const Json& s : fields.at("services")) {
    if (s.at("type") != 1) continue;
    if (!rtc || (q.channel && s.at("channel_name") == *q.channel)) rtc = &s;
  }
  if (!rtc) {
    checks.push_back({"rtc service", false, "none", "joinChannel", "the token has no RTC service",
                      Condition::kServiceMissing});
    return;
  }
  if (q.channel) {
    const std::string t = rtc->at("channel_name");
    checks.push_back({"channel", t == *q.channel, t, *q.channel, "", Condition::kChannelMismatch});
  }
  if (q.uid) {
    const std::string t = rtc->at("uid");
    Check c{"uid", false, "\"" + t + "\"", "", "", Condition::kUidMismatch};
    for (const auto& [rendered, how] : uid_candidates(*q.uid)) {
      if (c.given.empty()) c.given = "\"" + rendered + "\"";
      if (rendered == t) {
        c.ok = true;
        c.given = "\"" + rendered + "\"";
        c.note = "matches " + std::string(how);
      }
    }
    checks.push_back(std::move(c));
  }
}

// The fields other schemes bind, by their parse field names.
void generic_checks(const TokenQuery& q, Vendor vendor, const Json& fields,
                    std::vector<Check>& checks) {
  auto compare = [&](const char* key, const std::optional<std::string>& given, const char* name,
                     Condition c) {
    if (!given || !fields.contains(key)) return;
    const Json& t = fields.at(key);
    const std::string text = t.is_string() ? t.get<std::string>() : t.dump();
    checks.push_back({name, text == *given, text, *given, "", c});
  };
  compare(vendor == Vendor::kTencent ? "sdkappid" : "app_id", q.app_id, "app_id",
          Condition::kAppIdMismatch);
  compare("room_id", q.channel, "room", Condition::kRoomMismatch);
  compare(vendor == Vendor::kTencent ? "identifier" : "user_id", q.uid, "user",
          Condition::kUserIdMismatch);
}

std::optional<std::int64_t> as_int(const std::optional<std::string>& s, const char* what) {
  if (!s) return std::nullopt;
  try {
    std::size_t end = 0;
    const long long v = std::stoll(*s, &end);
    if (end == s->size()) return v;
  } catch (const std::exception&) {
  }
  throw UsageError(std::string(what) + " must be a number for this scheme");
}

Json verify_request(const TokenQuery& q, Vendor vendor, bool uid_is_int_zero) {
  Json r{{"token", q.token}, {"now", q.now}};
  const std::string secret = q.secret.value_or("");
  if (vendor == Vendor::kAgora) {
    r["app_certificate"] = q.certificate == false ? "" : secret;
    if (q.app_id) r["app_id"] = *q.app_id;
    if (q.channel) r["channel_name"] = *q.channel;
    // Agora's uid rule: the int 0 is written as "", the string "0" stays "0".
    if (q.uid) r["uid"] = uid_is_int_zero ? Json(0) : Json(*q.uid);
    if (q.channel || q.uid) r["privileges"] = Json::array({1});
  } else if (vendor == Vendor::kZego) {
    r["secret"] = secret;
    if (const auto app = as_int(q.app_id, "--app-id")) r["app_id"] = *app;
    if (q.uid) r["user_id"] = *q.uid;
    if (q.channel) r["room_id"] = *q.channel;
  } else if (vendor == Vendor::kVolc) {
    r["app_key"] = secret;
    if (q.app_id) r["app_id"] = *q.app_id;
    if (q.channel) r["room_id"] = *q.channel;
    if (q.uid) r["user_id"] = *q.uid;
  } else {
    r["key"] = secret;
    if (const auto app = as_int(q.app_id, "--app-id")) r["sdkappid"] = *app;
    if (q.uid) r["identifier"] = *q.uid;
  }
  return r;
}

Json finish(Json d, Vendor vendor, Condition c, const std::string& platform) {
  d["condition"] = to_string(c);
  d["cause"] = describe(c);
  const Fix f = fix_for(vendor, c);
  d["fix"] = f.text;
  d["source"] = f.source;
  d["codes"] = c == Condition::kValid ? Json::array() : codes_json(vendor, c, platform);
  return d;
}

}  // namespace

std::vector<std::string> code_platforms(std::string_view vendor) {
  std::vector<std::string> out;
  const std::optional<Vendor> v = vendor_from_string(vendor);
  if (!v) return out;
  for (const PlatformAlias& a : vendor_sdk_tables(*v).platforms) {
    if (std::find(out.begin(), out.end(), a.platform) == out.end()) out.emplace_back(a.platform);
  }
  return out;
}

Json explain_code(const CodeQuery& q) {
  const std::optional<Vendor> vendor = vendor_from_string(q.vendor);
  if (!vendor) {
    std::string known;
    for (const Vendor v : kAllVendors)
      known += (known.empty() ? "" : ", ") + std::string(to_string(v));
    throw UsageError("unknown vendor \"" + q.vendor + "\" (" + known + ")");
  }
  const std::string platform = table_platform(*vendor, q.platform);
  Json list = Json::array();
  const Json wanted = schemes::code_value(q.code);
  if (const std::optional<Vendor> table = codes_vendor(*vendor)) {
    if (const codes::VendorTable* t = codes::find_table(*table)) {
      for (const codes::CodeRow& row : t->rows) {
        if (row.code.platform != platform || schemes::code_value(row.code.code) != wanted) continue;
        const Fix f = fix_for(*vendor, row.condition);
        list.push_back({{"name", row.code.name},
                        {"condition", to_string(row.condition)},
                        {"cause", describe(row.condition)},
                        {"fix", f.text},
                        {"basis", codes::to_string(row.code.basis)},
                        {"source", row.code.source}});
      }
    }
  }
  const bool from_table = !list.empty();
  for (const VendorSdkTables* t : all_vendor_sdk_tables()) {
    if (!same_vendor(t->vendor, *vendor)) continue;
    for (const SdkCode& row : t->sdk_codes) {
      // A code the verify table already explains is not repeated from the call table.
      if (!covers(row.platforms, platform) || schemes::code_value(row.code) != wanted || from_table)
        continue;
      Json e{{"name", row.name},
             {"condition", nullptr},
             {"cause", row.meaning},
             {"fix", row.fix},
             {"basis", codes::to_string(row.basis)},
             {"source", row.source}};
      if (!row.sdk.empty()) e["sdk"] = row.sdk;
      list.push_back(std::move(e));
    }
  }
  // Documented causes first, then inferred, then unverified (stable within each).
  std::stable_sort(list.begin(), list.end(), [](const Json& a, const Json& b) {
    auto rank = [](const Json& e) {
      return e["basis"] == "documented" ? 0 : e["basis"] == "inferred" ? 1 : 2;
    };
    return rank(a) < rank(b);
  });
  return Json{{"vendor", q.vendor},
              {"platform", platform},
              {"code", wanted},
              {"explanations", std::move(list)}};
}

Json diagnose_token(const TokenQuery& q) {
  const schemes::Scheme* scheme = nullptr;
  if (!q.scheme.empty()) {
    scheme = schemes::find_scheme(q.scheme);
    if (!scheme) throw UsageError("unknown scheme \"" + q.scheme + "\"");
  } else if (!q.token.empty()) {
    scheme = schemes::detect_scheme(q.token);
    if (!scheme) throw UsageError("the token matches no known scheme (give --scheme)");
  }
  // Without a token there is no scheme, only the vendor the app uses.
  const std::optional<Vendor> named = scheme ? scheme->vendor() : vendor_from_string(q.vendor);
  // The vendors whose tokens tokcheck reads (RongCloud's are opaque, and the
  // mini-program's are Volcengine's: give volc).
  if (!named || (*named != Vendor::kAgora && *named != Vendor::kZego && *named != Vendor::kVolc &&
                 *named != Vendor::kTencent)) {
    throw UsageError("without a token, give the vendor (agora, zego, volc, tencent)");
  }
  const Vendor vendor = *named;
  const std::string codes_platform =
      q.platform.empty() ? std::string() : table_platform(vendor, q.platform);
  Json d{{"scheme", scheme ? Json(scheme->id()) : Json(nullptr)}, {"vendor", to_string(vendor)}};
  Json checks = Json::array();

  // Certificate / token presence (seed 001: 110 native, 120 / 119 on Web).
  if (q.token.empty()) {
    d["checks"] = checks;
    d["signature_checked"] = false;
    return finish(std::move(d), vendor, Condition::kTokenMissing, codes_platform);
  }
  if (vendor == Vendor::kAgora && q.certificate == false) {
    d["checks"] = checks;
    d["signature_checked"] = false;
    return finish(std::move(d), vendor, Condition::kTokenUnexpected, codes_platform);
  }

  Json parse_in{{"token", q.token}};
  if (vendor == Vendor::kZego) parse_in["secret"] = q.secret.value_or("");
  std::optional<Condition> decided;
  std::vector<Check> found;
  if (vendor == Vendor::kZego && !q.secret) {
    d["note"] = "ZEGO tokens are encrypted: give --secret to read and check them";
  } else {
    const schemes::ParseOutcome parsed = scheme->parse(parse_in);
    if (parsed.error != Malformation::kNone || parsed.condition != Condition::kValid) {
      decided = parsed.condition == Condition::kValid ? Condition::kMalformed : parsed.condition;
      if (parsed.error != Malformation::kNone) d["malformation"] = to_string(parsed.error);
    } else {
      if (vendor == Vendor::kAgora) {
        agora_checks(q, parsed.fields, found);
      } else {
        generic_checks(q, vendor, parsed.fields, found);
      }
      // Expiry by the codec's own boundary rule (TimeFact::expired_at).
      for (const schemes::TimeFact& f : scheme->timeline(parsed.fields)) {
        if (!f.is_expiry) continue;
        const bool expired = f.expired_at(q.now);
        found.push_back({f.label, !expired, std::to_string(f.unix), "now " + std::to_string(q.now),
                         expired ? "expired" : "", f.expired_condition});
      }
    }
  }
  for (const Check& c : found) {
    Json j{{"check", c.name}, {"ok", c.ok}, {"token", c.token}, {"given", c.given}};
    if (!c.note.empty()) j["note"] = c.note;
    checks.push_back(std::move(j));
    if (!c.ok && !decided) decided = c.failure;
  }
  d["checks"] = std::move(checks);
  // With the secret the codec decides (signature included); without it, the first
  // failing comparison does.
  d["signature_checked"] = q.secret.has_value();
  if (q.secret) {
    // "--uid 0" is judged as whichever of int 0 / string "0" the token was built for.
    bool int_zero = false;
    for (const Check& c : found) {
      int_zero =
          int_zero || (c.name == "uid" && c.ok && c.note.find("int uid 0") != std::string::npos);
    }
    const Condition verdict = scheme->verify(verify_request(q, vendor, int_zero)).verdict.condition;
    return finish(std::move(d), vendor, verdict, codes_platform);
  }
  if (!decided) {
    d["note"] = "every field given matches; the signature was not checked (give --secret)";
  }
  return finish(std::move(d), vendor, decided.value_or(Condition::kValid), codes_platform);
}

std::string diagnosis_text(const Json& d) {
  std::ostringstream out;
  if (d.contains("explanations")) {
    out << d["vendor"].get<std::string>() << " " << d["platform"].get<std::string>() << " code "
        << d["code"].dump() << "\n";
    if (d["explanations"].empty()) out << "  no table tokcheck knows lists this code\n";
    for (const Json& e : d["explanations"]) {
      out << "  " << e["name"].get<std::string>();
      if (e.contains("sdk")) out << " (SDK " << e["sdk"].get<std::string>() << ")";
      out << ": " << e["cause"].get<std::string>() << "\n"
          << "    fix:    " << e["fix"].get<std::string>() << "\n"
          << "    basis:  " << e["basis"].get<std::string>() << "; "
          << e["source"].get<std::string>() << "\n";
    }
    return out.str();
  }
  out << (d["scheme"].is_null() ? "no token" : "scheme " + d["scheme"].get<std::string>()) << " ("
      << d["vendor"].get<std::string>() << ")\n";
  for (const Json& c : d["checks"]) {
    out << "  " << (c["ok"] == true ? "ok      " : "MISMATCH") << "  "
        << c["check"].get<std::string>() << ": token " << c["token"].get<std::string>()
        << ", given " << c["given"].get<std::string>();
    if (c.contains("note")) out << " (" << c["note"].get<std::string>() << ")";
    out << "\n";
  }
  if (d.contains("note")) out << "  note: " << d["note"].get<std::string>() << "\n";
  out << "verdict: " << d["condition"].get<std::string>() << " — " << d["cause"].get<std::string>()
      << "\nfix:     " << d["fix"].get<std::string>() << "\n";
  if (!d["codes"].empty()) {
    out << "codes:  ";
    for (const Json& c : d["codes"]) {
      out << " " << c["platform"].get<std::string>() << " " << c["code"].dump() << " "
          << c["name"].get<std::string>() << ";";
    }
    out << "\n";
  }
  return out.str();
}

}  // namespace tokcheck::lifecycle
