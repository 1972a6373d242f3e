// The terminal summary: failures first (what a person fixes), then per-file
// counts, the lenient behaviours found, stale allowlist entries, and the one
// closing line CI systems read.
#include <iomanip>
#include <ostream>

#include "conformance/lib/matrix.h"
#include "conformance/lib/reports.h"

namespace tokcheck::conformance {
namespace {

void print_one(const RunReport& report, std::ostream& out, bool verbose) {
  out << "implementation: " << report.implementation;
  if (!report.hello.is_null())
    out << " (" << report.hello.value("implementation", Json::object()).dump() << ")";
  out << "\nprotocol: v" << report.protocol << "; vectors " << report.vectors_digest << "\n";
  for (const auto& e : report.load_errors) out << "LOAD_ERROR " << e << "\n";
  for (const CaseRecord& c : report.cases) {
    const bool shown = c.failed || (verbose && c.status != Status::kNotRun) ||
                       (!c.allowed && c.status != Status::kPass &&
                        c.status != Status::kNotDeclared && c.status != Status::kNotRun);
    if (!shown) continue;
    out << (c.failed ? "FAIL " : "note ") << c.id << " " << to_string(c.status) << " (" << c.comment
        << ")";
    if (!c.message.empty()) out << ": " << c.message;
    out << "\n";
    if (c.failed && !c.stderr_excerpt.empty()) out << "  stderr: " << c.stderr_excerpt << "\n";
  }
  out << "\n"
      << std::left << std::setw(36) << "file"
      << "statuses\n";
  for (const auto& [file, counts] : report.per_file()) {
    out << std::setw(36) << file;
    for (const auto& [status, n] : counts) out << " " << status << "=" << n;
    out << "\n";
  }
  const auto lenient = report.acceptable_by_flag();
  if (!lenient.empty()) {
    out << "\nlenient behaviours (ACCEPTABLE cases by flag):\n";
    for (const auto& [flag, ids] : lenient) out << "  " << flag << ": " << ids.size() << "\n";
  }
  for (const auto& id : report.stale_allowlist) {
    out << (report.allowlist_strict ? "FAIL " : "note ") << "stale allowlist entry " << id
        << ": it matched no failing case\n";
  }
  if (!report.implementation_exit.empty())
    out << "implementation " << report.implementation_exit << "\n";
  for (const auto& w : report.warnings) out << "warning: " << w << "\n";
  for (const auto& e : report.errors) out << "ERROR " << e << "\n";
}

// Only rows where the implementations differ or something did not pass: the
// all-PASS rows are counted in one line, the rest name up to 8 case ids.
void print_matrix(const std::vector<RunReport>& runs, std::ostream& out) {
  const Matrix m = build_matrix(runs);
  out << "\ncross-implementation matrix (cases grouped by the outcome of each implementation):\n";
  for (std::size_t i = 0; i < m.implementations.size(); ++i)
    out << "  [" << i + 1 << "] " << m.implementations[i] << "\n";
  std::size_t all_pass = 0;
  for (const MatrixRow& row : m.rows) {
    if (row.all_pass()) {
      all_pass += row.case_ids.size();
      continue;
    }
    out << "  " << std::left << std::setw(30) << row.group;
    for (std::size_t i = 0; i < row.outcomes.size(); ++i)
      out << (i ? " | " : "") << std::setw(18) << row.outcomes[i];
    out << std::right << std::setw(5) << row.case_ids.size() << " "
        << (row.uniform() ? "  " : "≠ ");
    for (std::size_t k = 0; k < row.case_ids.size() && k < 8; ++k)
      out << (k ? " " : "") << row.case_ids[k].substr(row.case_ids[k].find('#'));
    if (row.case_ids.size() > 8) out << " ...";
    out << "\n";
  }
  out << "  " << all_pass << " cases passed everywhere\n\n";
}

}  // namespace

void print_summary(const std::vector<RunReport>& runs, std::ostream& out, bool verbose) {
  int passed = 0, failed = 0, skipped = 0, not_run = 0;
  for (const RunReport& r : runs) {
    print_one(r, out, verbose);
    passed += r.passed;
    // Run-level errors (no case executed, a file that does not load) fail the
    // gate even when no single case did, so they count in the closing line.
    failed += r.failed + static_cast<int>(r.load_errors.size()) +
              (r.ok() || r.failed > 0 || !r.load_errors.empty() ? 0 : 1);
    skipped += r.skipped;
    not_run += r.not_run;
  }
  if (runs.size() > 1) print_matrix(runs, out);
  out << "conformance: " << passed << " passed, " << failed << " failed";
  if (skipped) out << ", " << skipped << " skipped";
  if (not_run) out << ", " << not_run << " not run";
  out << "\n";
}

}  // namespace tokcheck::conformance
