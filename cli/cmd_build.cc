// tokcheck build --json FILE|-   → prints the token (exit 0), or why the
// vendor's builder refuses the input (exit 1).
#include <iostream>

#include "cli/commands.h"
#include "cli/io.h"
#include "reference/schemes/registry.h"

namespace tokcheck::cli {

void register_build(CLI::App& app, int& exit_code) {
  auto* cmd =
      app.add_subcommand("build", "Build a token from a JSON object with a \"scheme\" field");
  auto path = std::make_shared<std::string>();
  cmd->add_option("--json", *path, "JSON input file, or - for standard input")->required();
  cmd->callback([path, &exit_code] {
    try {
      const Json in = read_json_arg(*path);
      if (!in.contains("scheme") || !in["scheme"].is_string()) {
        throw schemes::UsageError("field \"scheme\" is required (e.g. \"agora-007\")");
      }
      const schemes::Scheme& scheme = pick_scheme(in["scheme"].get<std::string>(), "");
      const schemes::BuildOutcome out = scheme.build(in);
      if (!out.error.is_null()) {
        std::cerr << "tokcheck build: " << scheme.id()
                  << " refuses this input: " << out.error.dump() << "\n";
        exit_code = kExitInvalid;
        return;
      }
      std::cout << out.token << "\n";
      exit_code = kExitOk;
    } catch (const schemes::UsageError& e) {
      std::cerr << "tokcheck build: " << e.what() << "\n";
      exit_code = kExitUsage;
    }
  });
}

}  // namespace tokcheck::cli
