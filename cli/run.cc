#include "cli/run.h"

#include <iostream>
#include <sstream>

#include "cli/commands.h"
#include "cli/guard.h"
#include "cli/version.h"

namespace tokcheck::cli {

int run_tokcheck(int argc, const char* const* argv) {
  CLI::App app{
      "tokcheck: conformance, inspection and verification of RTC/IM access tokens\n"
      "(Agora 006/007, ZEGO 03/04, Volcengine 001, Tencent UserSig)"};
  // --version stands alone, so a subcommand is checked for below, not by CLI11.
  app.require_subcommand(0, 1);
  bool version = false;
  app.add_flag("-V,--version", version,
               "Print the version, the git revision and the vector set in use");
  int exit_code = kExitOk;
  register_inspect(app, exit_code);
  register_build(app, exit_code);
  register_verify(app, exit_code);
  register_conformance(app, exit_code);
  register_serve(app, exit_code);
  register_simulate(app, exit_code);
  register_diagnose(app, exit_code);
  return guarded("", [&] {
    try {
      app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
      const int rc = app.exit(e);
      return rc == 0 ? kExitOk : kExitUsage;
    }
    if (version) {
      std::cout << version_text();
      return kExitOk;
    }
    if (app.get_subcommands().empty()) {
      std::cerr << "tokcheck: a subcommand is required (or --version); see tokcheck --help\n";
      return kExitUsage;
    }
    // Whatever a subcommand returned, the contract is 0, 1, 2 or (interrupted) 130.
    return exit_code == kExitOk || exit_code == kExitInvalid || exit_code == kExitInterrupted
               ? exit_code
               : kExitUsage;
  });
}

CapturedRun run_tokcheck_captured(const std::vector<std::string>& args,
                                  const std::string& stdin_text) {
  std::istringstream in(stdin_text);
  std::ostringstream out, err;
  auto* old_in = std::cin.rdbuf(in.rdbuf());
  auto* old_out = std::cout.rdbuf(out.rdbuf());
  auto* old_err = std::cerr.rdbuf(err.rdbuf());
  std::cin.clear();
  std::vector<const char*> argv;
  for (const std::string& a : args) argv.push_back(a.c_str());
  const int rc = run_tokcheck(static_cast<int>(argv.size()), argv.data());
  std::cin.rdbuf(old_in);
  std::cout.rdbuf(old_out);
  std::cerr.rdbuf(old_err);
  return {rc, out.str(), err.str()};
}

}  // namespace tokcheck::cli
