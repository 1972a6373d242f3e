// --report FILE: everything a CI system or a person needs to re-judge a run.
#include <ostream>

#include "conformance/lib/matrix.h"
#include "conformance/lib/report_common.h"
#include "conformance/lib/reports.h"
#include "reference/schemes/json_output.h"

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

// Everything about a run but its cases.
Json run_header_json(const RunReport& r, const std::string& label) {
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
          {"elapsed_ms", r.elapsed.count()}};
}

Json run_json(const RunReport& r, const std::string& label) {
  Json run = run_header_json(r, label);
  Json cases = Json::array();
  for (const CaseRecord& c : r.cases) cases.push_back(case_json(c));
  run["cases"] = std::move(cases);
  return run;
}

// Implementation output may hold any bytes: written as \xHH, like all of tokcheck's JSON.
std::string text(const Json& v) { return schemes::safe_dump(v); }

// Writes `object`'s members on lines of their own, without the closing brace.
void write_members(const Json& object, std::ostream& out, const char* indent) {
  bool first = true;
  for (auto it = object.begin(); it != object.end(); ++it) {
    out << (first ? "" : ",\n") << indent << text(Json(it.key())) << ": " << text(it.value());
    first = false;
  }
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

// The top-level members before "runs".
Json report_header_json(const std::vector<RunReport>& runs) {
  bool ok = !runs.empty();
  for (const RunReport& r : runs) ok = ok && r.ok();
  return {{"tool", "tokcheck"},
          {"tool_version", runs.empty() ? "" : runs.front().tool_version},
          {"vectors_digest", runs.empty() ? "" : runs.front().vectors_digest},
          {"ok", ok},
          {"interrupted", !runs.empty() && runs.back().interrupted_by != 0}};
}

void write_report_json(const std::vector<RunReport>& runs, std::ostream& out) {
  out << "{\n";
  write_members(report_header_json(runs), out, "  ");
  out << ",\n  \"runs\": [";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    out << (i ? ",\n" : "\n") << "    {\n";
    write_members(run_header_json(runs[i], implementation_label(runs, i)), out, "      ");
    out << ",\n      \"cases\": [";
    // One case at a time: the document is never held in memory whole.
    for (std::size_t c = 0; c < runs[i].cases.size(); ++c)
      out << (c ? ",\n" : "\n") << "        " << text(case_json(runs[i].cases[c]));
    out << "\n      ]\n    }";
  }
  out << "\n  ]";
  if (runs.size() > 1) out << ",\n  \"matrix\": " << text(matrix_json(build_matrix(runs)));
  out << "\n}\n";
}

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
