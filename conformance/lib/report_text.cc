// The terminal summary: failures first (what a person fixes), then per-file
// counts, the lenient behaviours found, stale allowlist entries, and the one
// closing line CI systems read.
#include <iomanip>
#include <ostream>
#include <string>
#include <string_view>

#include "conformance/lib/matrix.h"
#include "conformance/lib/report_common.h"
#include "conformance/lib/reports.h"

namespace tokcheck::conformance {
namespace {

// A field printed within one line: it came from a vector file or an
// implementation, so control bytes (C1 and invalid UTF-8 too: clean_text) and
// newlines are escaped: nothing in it may drive the terminal or forge a line
// (the closing line is what CI systems read).
std::string one_line(std::string_view text) {
  std::string out;
  for (const char c : clean_text(text)) {
    if (c == '\n') {
      out += "\\x0a";
    } else if (c == '\t') {
      out += "\\x09";
    } else if (c == '\r') {
      out += "\\x0d";
    } else {
      out += c;
    }
  }
  return out;
}

// Text of several lines under a case: each further line indented, so none can
// pass for one of the summary's own.
std::string indented(std::string_view text) {
  std::string out;
  for (const char c : text) {
    if (c == '\r') {
      out += "\\x0d";  // a carriage return could write over the line shown
      continue;
    }
    out += c;
    if (c == '\n') out += "    ";
  }
  return out;
}

void print_one(const RunReport& report, std::ostream& out, bool verbose) {
  out << "implementation: " << one_line(report.implementation);
  if (!report.hello.is_null())
    out << " (" << report.hello.value("implementation", Json::object()).dump() << ")";
  out << "\nprotocol: v" << report.protocol << "; vectors " << report.vectors_digest << "\n";
  for (const auto& e : report.load_errors) out << "LOAD_ERROR " << one_line(e) << "\n";
  for (const CaseRecord& c : report.cases) {
    const bool shown = c.failed || (verbose && c.status != Status::kNotRun) ||
                       (!c.allowed && c.status != Status::kPass &&
                        c.status != Status::kNotDeclared && c.status != Status::kNotRun);
    if (!shown) continue;
    out << (c.failed ? "FAIL " : "note ") << one_line(c.id) << " " << to_string(c.status) << " ("
        << one_line(c.comment) << ")";
    if (!c.message.empty()) out << ": " << one_line(c.message);
    out << "\n";
    if (c.failed && !c.stderr_excerpt.empty())
      out << "  stderr: " << indented(clean_text(c.stderr_excerpt)) << "\n";
  }
  out << "\n"
      << std::left << std::setw(36) << "file"
      << "statuses\n";
  for (const auto& [file, counts] : report.per_file()) {
    out << std::setw(36) << one_line(file);
    for (const auto& [status, n] : counts) out << " " << status << "=" << n;
    out << "\n";
  }
  const auto lenient = report.acceptable_by_flag();
  if (!lenient.empty()) {
    out << "\nlenient behaviours (ACCEPTABLE cases by flag):\n";
    for (const auto& [flag, ids] : lenient)
      out << "  " << one_line(flag) << ": " << ids.size() << "\n";
  }
  for (const auto& id : report.stale_allowlist) {
    out << (report.allowlist_strict ? "FAIL " : "note ") << "stale allowlist entry " << one_line(id)
        << ": it matched no failing case\n";
  }
  if (!report.implementation_exit.empty())
    out << "implementation " << one_line(report.implementation_exit) << "\n";
  for (const auto& w : report.warnings) out << "warning: " << one_line(w) << "\n";
  for (const auto& e : report.errors) out << "ERROR " << one_line(e) << "\n";
}

// Only rows where the implementations differ or something did not pass: the
// all-PASS rows are counted in one line, the rest name up to 8 case ids.
void print_matrix(const std::vector<RunReport>& runs, std::ostream& out) {
  const Matrix m = build_matrix(runs);
  out << "\ncross-implementation matrix (cases grouped by the outcome of each implementation):\n";
  for (std::size_t i = 0; i < m.implementations.size(); ++i)
    out << "  [" << i + 1 << "] " << one_line(m.implementations[i]) << "\n";
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
