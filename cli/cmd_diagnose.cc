// tokcheck diagnose: explain a vendor error code, or find which join parameter a
// token disagrees with.
//   tokcheck diagnose --vendor agora --platform web --code 119
//   tokcheck diagnose --vendor zego --code 1002033      (no --platform: see below)
//   tokcheck diagnose --token 006... --app-id ... --channel ... --uid ... [--secret-file F]
// Readable text by default, --json for tools. Exit 0 when the code is known or the
// token fits, 1 when the code is unknown or the token does not fit, 2 on bad usage.
#include <iostream>
#include <iterator>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/guard.h"
#include "cli/io.h"
#include "cli/now_arg.h"
#include "cli/secret_input.h"
#include "cli/text_escape.h"
#include "cli/token_repair.h"
#include "cli/vendor_alias.h"
#include "reference/lifecycle/diagnose.h"
#include "reference/schemes/json_output.h"

namespace tokcheck::cli {
namespace {

struct Options {
  std::string vendor, platform, code;
  std::optional<std::string> token, scheme, app_id, channel, uid, certificate, now;
  SecretArgs secret;
  bool json = false;
};

// What a code means, without the per-platform constant names (Agora's native
// ERR_INVALID_TOKEN is objc's AgoraErrorCodeInvalidToken).
Json meanings(const Json& explained) {
  Json out = Json::array();
  for (const Json& e : explained["explanations"]) {
    out.push_back({e["condition"], e["cause"], e["fix"]});
  }
  return out;
}

// Without --platform, a code is explained when every platform whose tables know
// it gives the same explanations; otherwise the user must say which platform.
Json explain_any_platform(const std::string& vendor, const std::string& code) {
  Json answer;
  std::vector<std::string> knowing;
  for (const std::string& p : lifecycle::code_platforms(vendor)) {
    Json d = lifecycle::explain_code({vendor, p, code});
    if (d["explanations"].empty()) continue;
    if (!answer.is_null() && meanings(answer) != meanings(d)) {
      throw schemes::UsageError("code " + printable(code) + " means different things on " +
                                knowing.front() + " and " + p + "; give --platform");
    }
    knowing.push_back(p);
    if (answer.is_null()) answer = std::move(d);
  }
  if (answer.is_null()) {
    answer = lifecycle::explain_code({vendor, lifecycle::code_platforms(vendor).front(), code});
    knowing.clear();
  }
  std::string names;
  for (const std::string& p : knowing) names += (names.empty() ? "" : ", ") + p;
  answer["platform"] = knowing.empty() ? "any" : names;
  answer["platforms"] = knowing;
  return answer;
}

// A token damaged on its way (url-encoded, '+' turned to spaces, quoted, with a
// newline) fails for that reason, whatever the repaired token would say: the
// diagnosis leads with the damage and keeps the repaired verdict as a note.
void lead_with_damage(Json& d, const std::vector<TokenRepair>& repairs) {
  const TokenRepair& main = repairs.back();  // the innermost damage (applied last)
  d["repaired"] = {{"condition", d["condition"]}, {"cause", d["cause"]}, {"fix", d["fix"]}};
  d["input_damage"] = repairs_to_json(repairs);
  d["condition"] = "malformed";
  d["cause"] = std::string(main.cause);
  std::string fix;
  for (const TokenRepair& r : repairs) fix += (fix.empty() ? "" : "; ") + std::string(r.fix);
  d["fix"] = fix;
  d["source"] = std::string(main.source);
  d["note"] =
      "with the damage undone, the token is " + d["repaired"]["condition"].get<std::string>() +
      (d["repaired"]["condition"] == "valid" ? ""
                                             : ": " + d["repaired"]["cause"].get<std::string>());
}

int run_diagnose(Options& o) {
  Json d;
  bool fits = false;
  const std::string vendor = o.vendor.empty() ? "" : canonical_vendor(o.vendor);
  if (!o.code.empty()) {
    if (vendor.empty()) throw schemes::UsageError("--code needs --vendor");
    d = o.platform.empty() ? explain_any_platform(vendor, o.code)
                           : lifecycle::explain_code({vendor, o.platform, o.code});
    fits = !d["explanations"].empty();
  } else if (o.token || o.certificate) {
    lifecycle::TokenQuery q;
    std::string given = o.token.value_or("");
    if (given == "-") {
      given = read_token_stdin();
    }
    const RepairedToken token = repair_token(given);
    q.token = token.token;
    q.scheme = o.scheme.value_or("");
    if (!vendor.empty()) q.vendor = vendor;
    q.app_id = o.app_id;
    q.channel = o.channel;
    q.uid = o.uid;
    q.secret = read_secret(o.secret);
    if (o.certificate) {
      if (*o.certificate != "on" && *o.certificate != "off") {
        throw schemes::UsageError("--certificate must be on or off");
      }
      q.certificate = *o.certificate == "on";
    }
    q.now = resolve_now(o.now, nullptr);
    q.platform = o.platform;
    d = lifecycle::diagnose_token(q);
    if (!token.repairs.empty()) lead_with_damage(d, token.repairs);
    fits = d["condition"] == "valid";
  } else {
    throw schemes::UsageError(
        "give --vendor --code [--platform], or --token with the join parameters");
  }
  if (o.json) {
    std::cout << schemes::safe_dump(d, 2) << "\n";
  } else {
    std::cout << lifecycle::diagnosis_text(printable_strings(d));
  }
  return fits ? kExitOk : kExitInvalid;
}

}  // namespace

void register_diagnose(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "diagnose",
      "Explain a vendor error code (--vendor --code [--platform]), or check a token against the "
      "join parameters the app used (--token --app-id --channel --uid [--secret-file])");
  auto o = std::make_shared<Options>();
  cmd->add_option("--vendor", o->vendor,
                  "agora | zego | volc (also volcengine, bytedance, miniprogram) | tencent | "
                  "rongcloud");
  cmd->add_option("--platform", o->platform,
                  "native, objc, web, android, ios, miniprogram, server, ... (per vendor); "
                  "optional when the code means the same on every platform");
  cmd->add_option("--code", o->code, "the error code as the SDK reported it");
  cmd->add_option("--token", o->token,
                  "the token the app joined with (\"\" for none, - for stdin)");
  cmd->add_option("--scheme", o->scheme, "the token's scheme when it cannot be detected");
  cmd->add_option("--app-id", o->app_id, "the App ID / appID / sdkappid the app used");
  cmd->add_option("--channel", o->channel, "the channel / room the app joined");
  cmd->add_option("--uid", o->uid, "the uid / user id the app joined as");
  add_secret_options(*cmd, o->secret, true);
  cmd->add_option("--certificate", o->certificate,
                  "Agora: whether the project has the App Certificate enabled (on|off)");
  cmd->add_option("--now", o->now,
                  "unix seconds to judge expiry at (0 = 1970-01-01; default: now)");
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->callback(
      [o, &exit_code] { exit_code = guarded("diagnose", [&] { return run_diagnose(*o); }); });
}

}  // namespace tokcheck::cli
