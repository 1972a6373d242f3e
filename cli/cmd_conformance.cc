// tokcheck conformance [--impl CMD]...  → runs every vector against the built-in
// reference, or against implementations speaking docs/PROTOCOL.md, and prints a
// summary ending "conformance: N passed, N failed". It fails closed: exit 0 only
// when cases ran and the gate passed; 1 when the gate failed; 2 on bad usage
// (unknown scheme or operation, empty --impl, unwritable report path); 130 when
// SIGINT/SIGTERM stopped the run (the reports still cover what ran).
#include <unistd.h>

#include <algorithm>
#include <fstream>
#include <iostream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "conformance/lib/heap_reuse.h"
#include "conformance/lib/interrupt.h"
#include "conformance/lib/progress.h"
#include "conformance/lib/reports.h"

namespace tokcheck::cli {
namespace {

struct ConformanceArgs {
  std::vector<std::string> impls;
  std::string vectors;
  std::vector<std::string> schemes;
  std::vector<std::string> operations;
  std::vector<std::string> allowlists;
  std::string report;
  std::string junit;
  std::string html;
  int timeout_ms = 10000;
  double max_time_s = 0;
  int crash_loop = 5;
  bool strict = false;
  bool lenient = false;
  bool strict_acceptable = false;
  bool allowlist_strict = false;
  bool allow_unsupported = false;
  bool verbose = false;
};

class UsageProblem : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Opened before the run, so an unwritable path is a usage error at once, not a
// report silently missing after an hour of cases.
std::unique_ptr<std::ofstream> open_output(const std::string& path, const char* flag) {
  if (path.empty()) return nullptr;
  auto out = std::make_unique<std::ofstream>(path, std::ios::binary | std::ios::trunc);
  if (!*out) throw UsageProblem(std::string("cannot write ") + flag + " " + path);
  return out;
}

void finish_output(std::ofstream* out, const std::string& path, const char* flag) {
  if (!out) return;
  out->flush();
  if (!*out) throw std::runtime_error(std::string("writing ") + flag + " " + path + " failed");
}

int run(const ConformanceArgs& a) {
  for (const auto& impl : a.impls) {
    if (impl.find_first_not_of(" \t") == std::string::npos)
      throw UsageProblem("--impl needs a command (an empty one would test nothing)");
  }
  conformance::RunOptions options;
  options.policy.strict = a.strict;
  options.policy.lenient = a.lenient;
  options.policy.strict_acceptable = a.strict_acceptable;
  options.policy.allow_unsupported = a.allow_unsupported;
  options.allowlist_strict = a.allowlist_strict;
  options.max_time = std::chrono::milliseconds(static_cast<long long>(a.max_time_s * 1000));
  options.crash_loop_limit = a.crash_loop;
  // One allowlist for every implementation, or one per --impl in order (each
  // implementation its own known failures); read up front, so an unreadable one
  // is a usage error before anything runs.
  const std::size_t impl_count = std::max<std::size_t>(a.impls.size(), 1);
  if (a.allowlists.size() > 1 && a.allowlists.size() != impl_count) {
    throw UsageProblem("--allowlist is given " + std::to_string(a.allowlists.size()) +
                       " times for " + std::to_string(impl_count) +
                       " implementations: give it once (for all) or once per --impl, in order");
  }
  std::vector<std::map<std::string, std::string>> allowlists;
  for (const auto& path : a.allowlists) allowlists.push_back(conformance::read_allowlist(path));
  // A bad --scheme / --operation is a usage error before any implementation starts.
  const conformance::VectorSelection selection = conformance::select_vector_files(
      a.vectors.empty() ? conformance::default_vectors_root() : std::filesystem::path(a.vectors),
      {a.schemes.begin(), a.schemes.end()}, {a.operations.begin(), a.operations.end()});
  auto json_out = open_output(a.report, "--report");
  auto junit_out = open_output(a.junit, "--junit");
  auto html_out = open_output(a.html, "--html");
  // A passing case is only counted unless something shows it: the file reports
  // (its expected object and response), --verbose, the matrix of several --impl.
  options.keep_passing_cases = json_out || junit_out || html_out || a.verbose || a.impls.size() > 1;
  if (a.allow_unsupported) {
    std::cerr << "tokcheck conformance: --allow-unsupported applies to protocol v0 only and is "
                 "deprecated; a v1 implementation declares what it supports in its hello\n";
  }

  conformance::keep_freed_memory_for_reuse();  // what one case freed serves the next
  conformance::install_interrupt_handlers();
  std::vector<conformance::RunReport> runs;
  const std::vector<std::string> impls = a.impls.empty() ? std::vector<std::string>{""} : a.impls;
  for (std::size_t i = 0; i < impls.size(); ++i) {
    const std::string& command = impls[i];
    if (!allowlists.empty()) options.allowlist = allowlists[allowlists.size() == 1 ? 0 : i];
    auto impl = command.empty()
                    ? conformance::make_reference_implementation()
                    : conformance::make_process_implementation(
                          command, {std::chrono::milliseconds(a.timeout_ms), 1 << 20, 64 << 10});
    conformance::ProgressPrinter progress(std::cerr, isatty(STDERR_FILENO) != 0, impl->name());
    options.on_progress = std::ref(progress);
    // Streaming: each vector file is read in pieces and each case run as it is
    // read, so memory holds one case and the records kept, not a file or the
    // set (docs/BENCHMARKS.md). A file found broken after some of its cases ran
    // has them taken back; only the in-process reference runs a case before its
    // file is known to load, since another process sees every request. With
    // several --impl each reads the files again: the same bytes, the same digest.
    conformance::ConformanceRun run(*impl, options);
    const conformance::VectorSet vectors = conformance::stream_vector_cases(
        selection, run,
        command.empty() ? conformance::Delivery::kAsRead : conformance::Delivery::kWhenLoaded);
    runs.push_back(run.finish(vectors));
    progress.finish();
    if (conformance::interrupt_signal() != 0) break;
  }

  conformance::print_summary(runs, std::cout, a.verbose);
  if (json_out) {
    conformance::write_report_json(runs, *json_out);
    finish_output(json_out.get(), a.report, "--report");
  }
  if (junit_out) {
    conformance::write_junit(runs, *junit_out);
    finish_output(junit_out.get(), a.junit, "--junit");
  }
  if (html_out) {
    conformance::write_html(runs, *html_out);
    finish_output(html_out.get(), a.html, "--html");
  }
  if (conformance::interrupt_signal() != 0) return kExitInterrupted;
  for (const auto& r : runs) {
    if (!r.ok()) return kExitInvalid;
  }
  return kExitOk;
}

}  // namespace

void register_conformance(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "conformance", "Run the golden vectors against the reference or other implementations");
  auto a = std::make_shared<ConformanceArgs>();
  cmd->add_option("--impl", a->impls,
                  "Command of an implementation speaking the JSON-lines protocol "
                  "(docs/PROTOCOL.md); repeat for a cross-implementation matrix; default: the "
                  "built-in reference");
  cmd->add_option("--vectors", a->vectors, "Vectors directory (default: the installed set)");
  cmd->add_option("--scheme", a->schemes, "Only these schemes (repeatable)");
  cmd->add_option("--operation", a->operations, "Only these operations (repeatable)");
  cmd->add_option("--allowlist", a->allowlists,
                  "File of '<file>#<tcId> reason' known failures; once for every --impl, or "
                  "once per --impl in the same order");
  cmd->add_flag("--allowlist-strict", a->allowlist_strict,
                "Allowlist entries that match no failing case fail the gate");
  cmd->add_option("--report", a->report, "Write the JSON report here");
  cmd->add_option("--junit", a->junit, "Write a JUnit XML report here (Jenkins, GitLab)");
  cmd->add_option("--html", a->html, "Write a self-contained HTML report here");
  cmd->add_option("--timeout-ms", a->timeout_ms,
                  "Per-request deadline for --impl, covering the write and the answer")
      ->check(CLI::Range(1, 3600 * 1000));
  cmd->add_option("--max-time", a->max_time_s,
                  "Stop the whole run after this many seconds (remaining cases NOT_RUN)")
      ->check(CLI::Range(0.0, 7 * 24 * 3600.0));
  cmd->add_option("--crash-loop", a->crash_loop,
                  "Stop after this many crashes or timeouts in a row (0: never)")
      ->check(CLI::Range(0, 1000000));
  cmd->add_flag("--strict", a->strict, "NON_STRICT (another reason, same vendor codes) fails too");
  cmd->add_flag("--lenient", a->lenient,
                "WRONG_CODE does not fail: only accept/reject is judged (the pre-v1 gate)");
  cmd->add_flag("--strict-acceptable", a->strict_acceptable,
                "Judge acceptable cases like valid/invalid ones");
  cmd->add_flag("--allow-unsupported", a->allow_unsupported,
                "Protocol v0 only (deprecated): skip cases answered unsupported");
  cmd->add_flag("-v,--verbose", a->verbose, "Print every case");
  cmd->callback([a, &exit_code] {
    try {
      exit_code = run(*a);
    } catch (const UsageProblem& e) {
      std::cerr << "tokcheck conformance: " << e.what() << "\n";
      exit_code = kExitUsage;
    } catch (const std::invalid_argument& e) {
      std::cerr << "tokcheck conformance: " << e.what() << "\n";
      exit_code = kExitUsage;
    } catch (const std::exception& e) {
      std::cerr << "tokcheck conformance: " << e.what() << "\n";
      exit_code = kExitInvalid;
    }
  });
}

}  // namespace tokcheck::cli
