// tokcheck build --input FILE|- [--json]  → the token (exit 0), or why the
// vendor's builder refuses the input (exit 1). Fields the vendors' builders fill
// themselves (salt, nonce, IV, issue time) are filled the same way when absent
// and named ("defaulted"); every missing or mistyped field is reported at once.
#include <iostream>
#include <memory>
#include <optional>

#include "cli/commands.h"
#include "cli/guard.h"
#include "cli/input_options.h"
#include "cli/io.h"
#include "cli/now_arg.h"
#include "cli/request_input.h"
#include "cli/secret_input.h"
#include "cli/secret_merge.h"
#include "reference/schemes/build_defaults.h"
#include "reference/schemes/json_output.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"

namespace tokcheck::cli {
namespace {

struct BuildArgs {
  RequestOptions request;
  SecretArgs secret;
  std::optional<std::string> now;
};

int run_build(const BuildArgs& a) {
  const ResolvedRequest src = resolve_request_options(a.request, "build");
  // The old spelling "--json FILE" printed the token line: it keeps that output.
  const bool json_output = src.json_output && !src.legacy;
  Json in = read_request(src.path);
  if (!in.contains("scheme") || !in["scheme"].is_string()) {
    throw schemes::UsageError(
        "field \"scheme\" is required and must be a string (e.g. \"agora-007\")");
  }
  const schemes::Scheme& scheme = pick_scheme(in["scheme"].get<std::string>(), "");
  merge_secret(in, scheme, read_secret(a.secret));
  const std::vector<std::string> defaulted =
      schemes::apply_build_defaults(in, scheme, resolve_now(a.now, nullptr));
  if (const auto problems = schemes::request_problems(in, scheme, schemes::RequestKind::kBuild);
      !problems.empty()) {
    std::string text;
    for (const std::string& p : problems) text += "\n  " + p;
    throw schemes::UsageError("the request cannot be built:" + text);
  }
  const schemes::BuildOutcome out = scheme.build(in);
  if (!out.error.is_null()) {
    if (json_output) {
      std::cout << schemes::safe_dump(Json{{"scheme", scheme.id()}, {"error", out.error}}, 2)
                << "\n";
    }
    print_error("build",
                std::string(scheme.id()) + " refuses this input: " + schemes::safe_dump(out.error));
    return kExitInvalid;
  }
  if (json_output) {
    std::cout << schemes::safe_dump(
                     Json{{"scheme", scheme.id()}, {"token", out.token}, {"defaulted", defaulted}},
                     2)
              << "\n";
  } else {
    std::cout << out.token << "\n";
    if (!defaulted.empty()) {
      std::string names;
      for (const std::string& d : defaulted) names += (names.empty() ? "" : ", ") + d;
      std::cerr << "tokcheck build: note: defaulted " << names
                << " as the vendor's builders do (give them to fix the token)\n";
    }
  }
  return kExitOk;
}

}  // namespace

void register_build(CLI::App& app, int& exit_code) {
  auto* cmd =
      app.add_subcommand("build", "Build a token from a JSON request with a \"scheme\" field");
  auto a = std::make_shared<BuildArgs>();
  add_request_options(*cmd, a->request, "request");
  add_secret_options(*cmd, a->secret, false);
  cmd->add_option("--now", a->now, "unix seconds the defaulted issue time is taken from");
  cmd->callback([a, &exit_code] { exit_code = guarded("build", [&] { return run_build(*a); }); });
}

}  // namespace tokcheck::cli
