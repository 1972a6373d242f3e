// --report FILE: everything a CI system or a person needs to re-judge a run.
#include "conformance/lib/matrix.h"
#include "conformance/lib/report_common.h"
#include "conformance/lib/reports.h"

namespace tokcheck::conformance {
namespace {

Json case_json(const CaseRecord& c) {
  return {{"id", c.id},
          {"file", c.file},
          {"tcId", c.tc_id},
          {"scheme", c.scheme},
          {"operation", c.operation},
          {"comment", c.comment},
          {"flags", c.flags},
          {"result", c.result},
          {"status", to_string(c.status)},
          {"failed", c.failed},
          {"allowed", c.allowed},
          {"allow_reason", c.allow_reason},
          {"message", c.message},
          {"expected", c.expected},
          {"got", c.got},
          {"duration_us", c.duration.count()},
          {"stderr", c.stderr_excerpt}};
}

Json run_json(const RunReport& r, const std::string& label) {
  Json cases = Json::array();
  for (const CaseRecord& c : r.cases) cases.push_back(case_json(c));
  return {{"implementation", r.implementation},
          {"label", label},
          {"hello", r.hello},
          {"protocol", r.protocol},
          {"ok", r.ok()},
          {"executed", r.executed},
          {"passed", r.passed},
          {"failed", r.failed},
          {"allowed", r.allowed},
          {"skipped", r.skipped},
          {"not_run", r.not_run},
          {"interrupted_by_signal", r.interrupted_by},
          {"stop_reason", r.stop_reason},
          {"implementation_exit", r.implementation_exit},
          {"errors", r.errors},
          {"warnings", r.warnings},
          {"load_errors", r.load_errors},
          {"stale_allowlist", r.stale_allowlist},
          {"allowlist_strict", r.allowlist_strict},
          {"acceptable_by_flag", r.acceptable_by_flag()},
          {"per_file", r.per_file()},
          {"elapsed_ms", r.elapsed.count()},
          {"cases", cases}};
}

// Implementations x vector groups; each row one signature with its cases.
Json matrix_json(const Matrix& m) {
  Json rows = Json::array();
  for (const MatrixRow& row : m.rows) {
    rows.push_back({{"group", row.group},
                    {"outcomes", row.outcomes},
                    {"uniform", row.uniform()},
                    {"count", row.case_ids.size()},
                    {"cases", row.case_ids}});
  }
  return {{"implementations", m.implementations}, {"rows", rows}};
}

}  // namespace

Json report_json(const std::vector<RunReport>& runs) {
  Json out = {{"tool", "tokcheck"},
              {"tool_version", runs.empty() ? "" : runs.front().tool_version},
              {"vectors_digest", runs.empty() ? "" : runs.front().vectors_digest}};
  bool ok = !runs.empty();
  Json list = Json::array();
  for (std::size_t i = 0; i < runs.size(); ++i) {
    ok = ok && runs[i].ok();
    list.push_back(run_json(runs[i], implementation_label(runs, i)));
  }
  out["ok"] = ok;
  out["interrupted"] = !runs.empty() && runs.back().interrupted_by != 0;
  out["runs"] = std::move(list);
  if (runs.size() > 1) out["matrix"] = matrix_json(build_matrix(runs));
  return out;
}

}  // namespace tokcheck::conformance
