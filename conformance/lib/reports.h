// What a run tells people and CI systems. Every writer takes the runs of one
// invocation: one implementation, or several (then they also show the
// cross-implementation matrix: implementations x vector groups, rows grouped by
// identical result signature, as JSONTestSuite's results table does).
#pragma once

#include <iosfwd>
#include <vector>

#include "conformance/lib/runner.h"

namespace tokcheck::conformance {

// The terminal summary. Its last line is always
// "conformance: N passed, N failed[, N skipped][, N not run]".
void print_summary(const std::vector<RunReport>& runs, std::ostream& out, bool verbose);

// --report FILE: tool version, vector-set digest, each implementation's hello,
// per case expected vs got, flags, comment, duration, stderr excerpt.
Json report_json(const std::vector<RunReport>& runs);
// The same document written case by case (one case per line), so a large run's
// report never sits in memory as a whole JSON tree: what `--report` writes.
void write_report_json(const std::vector<RunReport>& runs, std::ostream& out);

// --junit FILE: JUnit XML for Jenkins and GitLab (conformance/reports/junit.xsd).
void write_junit(const std::vector<RunReport>& runs, std::ostream& out);

// --html FILE: one self-contained page (inline CSS and JS, nothing fetched)
// with the summary, failures first with their diffs, filters and the matrix.
void write_html(const std::vector<RunReport>& runs, std::ostream& out);

}  // namespace tokcheck::conformance
