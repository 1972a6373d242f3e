// Runs vector files against an implementation and reports: the CI gate behind
// `tokcheck conformance`. Loading problems (a file that fails its schema) are
// failures of their own, so a broken vector can never pass silently.
#pragma once

#include <filesystem>
#include <iosfwd>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "conformance/lib/evaluate.h"
#include "conformance/lib/implementation.h"

namespace tokcheck::conformance {

struct RunOptions {
  std::filesystem::path vectors_root = default_vectors_root();
  std::set<std::string> schemes;     // empty = all
  std::set<std::string> operations;  // empty = all
  Policy policy;
  // "<file>#<tcId>" entries whose failure is known and accepted (with a reason
  // in the allowlist file); they are reported as ALLOWED.
  std::set<std::string> allowlist;
  bool verbose = false;  // print every case, not only failures
};

struct CaseRecord {
  std::string id;  // "<file>#<tcId>"
  std::string comment;
  std::string result;  // the vector's valid/invalid/acceptable
  Status status = Status::kPass;
  bool failed = false;
  bool allowed = false;
  std::string message;
};

struct RunReport {
  std::string implementation;
  std::vector<std::string> load_errors;  // "<file>: <error>"
  std::vector<CaseRecord> cases;
  std::map<std::string, std::map<std::string, int>> per_file;  // file → status → count
  int passed = 0;
  int failed = 0;
  int skipped = 0;  // unsupported, when allowed
  bool ok() const { return failed == 0 && load_errors.empty(); }
};

// Reads "<file>#<tcId> [reason...]" lines; '#'-started lines are comments.
std::set<std::string> read_allowlist(const std::filesystem::path& path);

RunReport run_conformance(Implementation& impl, const RunOptions& options);

// The people-facing summary; its last line is "conformance: N passed, N failed".
void print_report(const RunReport& report, std::ostream& out, bool verbose);
Json report_to_json(const RunReport& report);

}  // namespace tokcheck::conformance
