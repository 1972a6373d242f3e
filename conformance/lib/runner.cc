#include "conformance/lib/runner.h"

#include <fstream>
#include <iomanip>
#include <ostream>
#include <sstream>

namespace tokcheck::conformance {

std::set<std::string> read_allowlist(const std::filesystem::path& path) {
  std::set<std::string> out;
  std::ifstream in(path);
  if (!in) throw std::runtime_error("cannot read allowlist " + path.string());
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string id;
    if (words >> id && id[0] != '#') out.insert(id);
  }
  return out;
}

RunReport run_conformance(Implementation& impl, const RunOptions& options) {
  RunReport report;
  report.implementation = impl.name();
  const JsonSchema& schema = vector_schema(options.vectors_root);
  for (const auto& path : find_vector_files(options.vectors_root)) {
    const std::string rel = std::filesystem::relative(path, options.vectors_root).generic_string();
    std::ifstream in(path);
    std::stringstream text;
    text << in.rdbuf();
    VectorFile file;
    const auto errors = load_vector_file(text.str(), schema, file);
    for (const auto& e : errors) report.load_errors.push_back(rel + ": " + e);
    if (!errors.empty()) continue;
    file.path = rel;
    if (!options.schemes.empty() && !options.schemes.count(file.scheme)) continue;
    if (!options.operations.empty() && !options.operations.count(file.operation)) continue;

    for (const VectorCase& c : file.tests) {
      std::string failure;
      const auto response = impl.handle(make_request(file, c), failure);
      const CaseResult r = response ? evaluate(file, c, *response) : failed_response(failure);
      CaseRecord rec{rel + "#" + std::to_string(c.tc_id),
                     c.comment,
                     c.result,
                     r.status,
                     false,
                     false,
                     r.message};
      rec.failed = is_failure(r.status, options.policy);
      if (rec.failed && options.allowlist.count(rec.id)) {
        rec.failed = false;
        rec.allowed = true;
      }
      if (rec.failed) {
        ++report.failed;
      } else if (r.status == Status::kUnsupported) {
        ++report.skipped;
      } else {
        ++report.passed;
      }
      ++report.per_file[rel][std::string(rec.allowed ? "ALLOWED" : to_string(r.status))];
      report.cases.push_back(std::move(rec));
    }
  }
  return report;
}

void print_report(const RunReport& report, std::ostream& out, bool verbose) {
  out << "implementation: " << report.implementation << "\n";
  for (const auto& e : report.load_errors) out << "LOAD_ERROR " << e << "\n";
  for (const CaseRecord& c : report.cases) {
    if (c.failed || verbose || (c.status != Status::kPass && !c.allowed)) {
      out << (c.failed ? "FAIL " : "note ") << c.id << " " << to_string(c.status) << " ("
          << c.comment << ")";
      if (!c.message.empty()) out << ": " << c.message;
      out << "\n";
    }
  }
  out << "\n"
      << std::left << std::setw(36) << "file"
      << "statuses\n";
  for (const auto& [file, counts] : report.per_file) {
    out << std::setw(36) << file;
    for (const auto& [status, n] : counts) out << " " << status << "=" << n;
    out << "\n";
  }
  if (!report.load_errors.empty()) {
    out << report.load_errors.size() << " vector file errors\n";
  }
  out << "conformance: " << report.passed << " passed, "
      << report.failed + static_cast<int>(report.load_errors.size()) << " failed";
  if (report.skipped) out << ", " << report.skipped << " skipped";
  out << "\n";
}

Json report_to_json(const RunReport& report) {
  Json cases = Json::array();
  for (const CaseRecord& c : report.cases) {
    cases.push_back({{"id", c.id},
                     {"result", c.result},
                     {"status", to_string(c.status)},
                     {"failed", c.failed},
                     {"allowed", c.allowed},
                     {"message", c.message}});
  }
  return {{"implementation", report.implementation},
          {"passed", report.passed},
          {"failed", report.failed},
          {"skipped", report.skipped},
          {"load_errors", report.load_errors},
          {"per_file", report.per_file},
          {"cases", cases}};
}

}  // namespace tokcheck::conformance
