// tokcheck diagnose: explain a vendor error code, or find which join parameter a
// token disagrees with.
//   tokcheck diagnose --vendor agora --platform web --code 119
//   tokcheck diagnose --token 006... --app-id ... --channel ... --uid ... [--secret ...]
// Readable text by default, --json for tools. Exit 0 when the code is known or the
// token fits, 1 when the code is unknown or the token does not fit, 2 on bad usage.
#include <iostream>
#include <memory>
#include <optional>
#include <string>

#include "cli/commands.h"
#include "cli/io.h"
#include "reference/lifecycle/diagnose.h"

namespace tokcheck::cli {
namespace {

struct Options {
  std::string vendor, platform, code;
  std::optional<std::string> token, scheme, app_id, channel, uid, secret, certificate;
  std::optional<std::int64_t> now;
  bool json = false;
};

}  // namespace

void register_diagnose(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "diagnose",
      "Explain a vendor error code (--vendor --platform --code), or check a token against the "
      "join parameters the app used (--token --app-id --channel --uid [--secret])");
  auto o = std::make_shared<Options>();
  cmd->add_option("--vendor", o->vendor, "agora | zego | volc | tencent | rongcloud | bytedance");
  cmd->add_option("--platform", o->platform,
                  "native, objc, web, android, ios, miniprogram, server, ... (per vendor)");
  cmd->add_option("--code", o->code, "the error code as the SDK reported it");
  cmd->add_option("--token", o->token, "the token the app joined with (\"\" for none)");
  cmd->add_option("--scheme", o->scheme, "the token's scheme when it cannot be detected");
  cmd->add_option("--app-id", o->app_id, "the App ID / appID / sdkappid the app used");
  cmd->add_option("--channel", o->channel, "the channel / room the app joined");
  cmd->add_option("--uid", o->uid, "the uid / user id the app joined as");
  cmd->add_option("--secret", o->secret,
                  "the App Certificate / ServerSecret / app key / key (checks the signature)");
  cmd->add_option("--certificate", o->certificate,
                  "Agora: whether the project has the App Certificate enabled (on|off)");
  cmd->add_option("--now", o->now, "unix seconds to judge expiry at (default: now)");
  cmd->add_flag("--json", o->json, "print JSON");
  cmd->callback([o, &exit_code] {
    try {
      Json d;
      bool fits = false;
      if (!o->code.empty()) {
        if (o->vendor.empty() || o->platform.empty()) {
          throw schemes::UsageError("--code needs --vendor and --platform");
        }
        d = lifecycle::explain_code({o->vendor, o->platform, o->code});
        fits = !d["explanations"].empty();
      } else if (o->token || o->certificate) {
        lifecycle::TokenQuery q;
        q.token = o->token.value_or("");
        q.scheme = o->scheme.value_or("");
        if (!o->vendor.empty()) q.vendor = o->vendor;
        q.app_id = o->app_id;
        q.channel = o->channel;
        q.uid = o->uid;
        q.secret = o->secret;
        if (o->certificate) {
          if (*o->certificate != "on" && *o->certificate != "off") {
            throw schemes::UsageError("--certificate must be on or off");
          }
          q.certificate = *o->certificate == "on";
        }
        q.now = o->now.value_or(unix_now());
        q.platform = o->platform;
        d = lifecycle::diagnose_token(q);
        fits = d["condition"] == "valid";
      } else {
        throw schemes::UsageError(
            "give --vendor --platform --code, or --token with the join parameters");
      }
      std::cout << (o->json ? d.dump(2) + "\n" : lifecycle::diagnosis_text(d));
      exit_code = fits ? kExitOk : kExitInvalid;
    } catch (const schemes::UsageError& e) {
      std::cerr << "tokcheck diagnose: " << e.what() << "\n";
      exit_code = kExitUsage;
    }
  });
}

}  // namespace tokcheck::cli
