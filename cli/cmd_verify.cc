// tokcheck verify --input FILE|- [--json]  → the verdict (condition, vendor codes
// per platform); exit 0 valid, 1 invalid, 2 bad usage. The request is checked
// against the scheme's request table first
// (reference/schemes/request_fields.h): unknown keys, wrong types and missing fields
// are usage errors that name the field.
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
#include "cli/text_escape.h"
#include "cli/token_repair.h"
#include "reference/schemes/json_output.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"

namespace tokcheck::cli {
namespace {

struct VerifyArgs {
  RequestOptions request;
  SecretArgs secret;
  std::optional<std::string> now;
};

std::string join(const std::vector<std::string>& lines) {
  std::string out;
  for (const std::string& l : lines) out += "\n  " + l;
  return out;
}

void print_text(const Json& v) {
  std::cout << "scheme     " << v["scheme"].get<std::string>() << "\n"
            << "verdict    " << (v["valid"] == true ? "valid" : "INVALID") << " ("
            << v["condition"].get<std::string>();
  if (v["malformation"].is_string()) std::cout << ": " << v["malformation"].get<std::string>();
  std::cout << ")\n";
  for (const Json& c : v["vendor_codes"]) {
    std::cout << "code       " << c["platform"].get<std::string>() << " "
              << schemes::safe_dump(c["code"]) << " " << printable(c["name"].get<std::string>())
              << "\n";
  }
}

int run_verify(const VerifyArgs& a) {
  const ResolvedRequest src = resolve_request_options(a.request, "verify");
  Json in = read_request(src.path);
  if (in.contains("scheme") && !in["scheme"].is_string()) {
    throw schemes::UsageError("field \"scheme\" must be a string (e.g. \"agora-007\")");
  }
  if (in.contains("token") && !in["token"].is_string()) {
    throw schemes::UsageError("field \"token\" must be a string");
  }
  const std::string id = in.value("scheme", std::string());
  RepairedToken token = repair_token(in.value("token", std::string()));
  if (id.empty() && token.token.empty()) {
    throw schemes::UsageError("give \"scheme\" when there is no token to detect it from");
  }
  const schemes::Scheme& scheme = pick_scheme(id, token.token);
  merge_secret(in, scheme, read_secret(a.secret));
  if (const auto problems = schemes::request_problems(in, scheme, schemes::RequestKind::kVerify);
      !problems.empty()) {
    throw schemes::UsageError("the request cannot be verified:" + join(problems));
  }
  if (in.contains("token")) in["token"] = token.token;
  in["now"] = resolve_now(a.now, &in);
  Json verdict = schemes::verdict_to_json(scheme, scheme.verify(in));
  if (!token.repairs.empty()) {
    for (const TokenRepair& r : token.repairs) {
      std::cerr << "tokcheck verify: warning: token repaired (" << r.kind << "): " << r.cause
                << "\n";
    }
    verdict["input_repairs"] = repairs_to_json(token.repairs);
  }
  if (src.json_output) {
    std::cout << schemes::safe_dump(verdict, 2) << "\n";
  } else {
    print_text(verdict);
  }
  return verdict["valid"] == true ? kExitOk : kExitInvalid;
}

}  // namespace

void register_verify(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "verify",
      "Verify a token; request {\"token\", secret, \"now\"?, binding...}; \"scheme\" optional");
  auto a = std::make_shared<VerifyArgs>();
  add_request_options(*cmd, a->request, "request");
  add_secret_options(*cmd, a->secret, false);
  cmd->add_option("--now", a->now,
                  "unix seconds to judge expiry at (0 = 1970-01-01; default: the request's "
                  "\"now\", else the clock)");
  cmd->callback([a, &exit_code] { exit_code = guarded("verify", [&] { return run_verify(*a); }); });
}

}  // namespace tokcheck::cli
