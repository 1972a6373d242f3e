// tokcheck conformance [--impl CMD]  → runs every vector against the built-in
// reference, or against another implementation speaking docs/PROTOCOL.md, and
// prints a summary ending "conformance: N passed, N failed". Exit 0 when the
// gate passes, 1 when it fails, 2 on bad usage.
#include <fstream>
#include <iostream>

#include "cli/commands.h"
#include "conformance/lib/runner.h"

namespace tokcheck::cli {
namespace {

struct ConformanceArgs {
  std::string impl;
  std::string vectors;
  std::vector<std::string> schemes;
  std::vector<std::string> operations;
  std::string allowlist;
  std::string report;
  int timeout_ms = 10000;
  bool strict = false;
  bool allow_unsupported = false;
  bool verbose = false;
};

int run(const ConformanceArgs& a) {
  conformance::RunOptions options;
  if (!a.vectors.empty()) options.vectors_root = a.vectors;
  options.schemes = {a.schemes.begin(), a.schemes.end()};
  options.operations = {a.operations.begin(), a.operations.end()};
  options.policy.strict = a.strict;
  options.policy.allow_unsupported = a.allow_unsupported;
  if (!a.allowlist.empty()) options.allowlist = conformance::read_allowlist(a.allowlist);
  options.verbose = a.verbose;

  auto impl = a.impl.empty() ? conformance::make_reference_implementation()
                             : conformance::make_process_implementation(
                                   a.impl, std::chrono::milliseconds(a.timeout_ms));
  const conformance::RunReport report = conformance::run_conformance(*impl, options);
  conformance::print_report(report, std::cout, a.verbose);
  if (!a.report.empty()) {
    std::ofstream out(a.report);
    out << conformance::report_to_json(report).dump(2) << "\n";
  }
  return report.ok() ? kExitOk : kExitInvalid;
}

}  // namespace

void register_conformance(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "conformance", "Run the golden vectors against the reference or another implementation");
  auto a = std::make_shared<ConformanceArgs>();
  cmd->add_option("--impl", a->impl,
                  "Command of an implementation speaking the JSON-lines protocol "
                  "(docs/PROTOCOL.md); default: the built-in reference");
  cmd->add_option("--vectors", a->vectors, "Vectors directory (default: the source tree's)");
  cmd->add_option("--scheme", a->schemes, "Only these schemes (repeatable)");
  cmd->add_option("--operation", a->operations, "Only these operations (repeatable)");
  cmd->add_option("--allowlist", a->allowlist, "File of '<file>#<tcId> reason' known failures");
  cmd->add_option("--report", a->report, "Write a JSON report here");
  cmd->add_option("--timeout-ms", a->timeout_ms, "Per-request timeout for --impl");
  cmd->add_flag("--strict", a->strict, "NON_STRICT and WRONG_CODE fail the gate too");
  cmd->add_flag("--allow-unsupported", a->allow_unsupported,
                "Cases the implementation declares unsupported are skipped, not failed");
  cmd->add_flag("-v,--verbose", a->verbose, "Print every case");
  cmd->callback([a, &exit_code] {
    try {
      exit_code = run(*a);
    } catch (const std::exception& e) {
      std::cerr << "tokcheck conformance: " << e.what() << "\n";
      exit_code = kExitUsage;
    }
  });
}

}  // namespace tokcheck::cli
