// tokcheck verify --json FILE|-  → prints the verdict as JSON (condition,
// vendor codes per platform); exit 0 valid, 1 invalid, 2 bad usage.
#include <iostream>

#include "cli/commands.h"
#include "cli/io.h"
#include "reference/schemes/registry.h"

namespace tokcheck::cli {

void register_verify(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "verify",
      "Verify a token; input {\"token\", secret, \"now\"?, binding...}; \"scheme\" optional");
  auto path = std::make_shared<std::string>();
  cmd->add_option("--json", *path, "JSON input file, or - for standard input")->required();
  cmd->callback([path, &exit_code] {
    try {
      Json in = read_json_arg(*path);
      const std::string token = in.value("token", std::string());
      const std::string id = in.contains("scheme") && in["scheme"].is_string()
                                 ? in["scheme"].get<std::string>()
                                 : std::string();
      if (id.empty() && token.empty()) {
        throw schemes::UsageError("give \"scheme\" when there is no token to detect it from");
      }
      const schemes::Scheme& scheme = pick_scheme(id, token);
      if (!in.contains("now")) in["now"] = unix_now();  // a person checking a token today
      const Json verdict = schemes::verdict_to_json(scheme, scheme.verify(in));
      std::cout << verdict.dump(2) << "\n";
      exit_code = verdict["valid"] == true ? kExitOk : kExitInvalid;
    } catch (const schemes::UsageError& e) {
      std::cerr << "tokcheck verify: " << e.what() << "\n";
      exit_code = kExitUsage;
    }
  });
}

}  // namespace tokcheck::cli
