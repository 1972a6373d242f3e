// tokcheck: inspect, build and verify RTC/IM access tokens; run the conformance
// suite against the reference or another implementation.
#include <iostream>

#include "cli/commands.h"

int main(int argc, char** argv) {
  CLI::App app{
      "tokcheck: conformance, inspection and verification of RTC/IM access tokens\n"
      "(Agora 006/007, ZEGO 03/04, Volcengine 001, Tencent UserSig)"};
  app.require_subcommand(1);
  int exit_code = tokcheck::cli::kExitOk;
  tokcheck::cli::register_inspect(app, exit_code);
  tokcheck::cli::register_build(app, exit_code);
  tokcheck::cli::register_verify(app, exit_code);
  tokcheck::cli::register_conformance(app, exit_code);
  tokcheck::cli::register_serve(app, exit_code);
  tokcheck::cli::register_simulate(app, exit_code);
  tokcheck::cli::register_diagnose(app, exit_code);
  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    const int rc = app.exit(e);
    return rc == 0 ? 0 : tokcheck::cli::kExitUsage;
  }
  return exit_code;
}
