// --junit FILE: the JUnit XML that Jenkins (junit plugin) and GitLab (unit test
// reports) read; conformance/reports/junit.xsd describes the subset we write.
//
// Layout: one <testsuite> per (implementation, vector file), as Surefire writes
// one per test class. Neither consumer shows the suite level much (GitLab keys
// and groups cases by classname + name and ignores suite names; Jenkins builds
// its package/class tree from classname), but per-file suites keep counts per
// file for every other consumer and stay small enough to read. With several
// implementations the classname is prefixed with the implementation's label:
// GitLab keeps only the first of two cases with the same classname and name,
// and Jenkins would show both under one class, indistinguishable.
//
// Each implementation also gets a "(run)" suite whose one case fails when the
// run-level gate does (no hello, a vector file that did not load, an
// interruption, a crash loop, --max-time, strict stale allowlist entries, zero
// cases): NOT_RUN cases are <skipped>, and a report whose cases all passed must
// not look green when the gate was not.
#include <cstdio>
#include <ostream>

#include "conformance/lib/report_common.h"
#include "conformance/lib/reports.h"

namespace tokcheck::conformance {
namespace {

std::string seconds(std::chrono::microseconds d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, "%.6f", static_cast<double>(d.count()) / 1e6);
  return buf;
}

std::string attr(std::string_view s) { return xml_escape(s, true); }

struct Counts {
  int tests = 0, failures = 0, skipped = 0;
  std::chrono::microseconds time{0};
};

Counts count(const std::vector<const CaseRecord*>& cases) {
  Counts n;
  for (const CaseRecord* c : cases) {
    ++n.tests;
    if (is_skipped_case(*c)) {
      ++n.skipped;
    } else if (c->failed) {
      ++n.failures;
    }
    n.time += c->duration;
  }
  return n;
}

void write_properties(const RunReport& r, std::ostream& out) {
  out << "    <properties>\n";
  auto prop = [&](std::string_view name, std::string_view value) {
    out << "      <property name=\"" << attr(name) << "\" value=\"" << attr(value) << "\"/>\n";
  };
  prop("tool_version", r.tool_version);
  prop("vectors_digest", r.vectors_digest);
  prop("implementation", r.implementation);
  prop("implementation_hello", dump_json(r.hello));
  prop("protocol", std::to_string(r.protocol));
  out << "    </properties>\n";
}

std::string failure_body(const CaseRecord& c) {
  std::string body = "status: " + std::string(to_string(c.status)) + " (" +
                     std::string(describe(c.status)) + ")\n";
  if (!c.message.empty()) body += "what differed: " + c.message + "\n";
  body += "result: " + c.result;
  if (!c.flags.empty()) {
    body += "; flags:";
    for (const auto& f : c.flags) body += " " + f;
  }
  body += "\nexpected: " + dump_json(c.expected, 2) + "\ngot: " + dump_json(c.got, 2) + "\n";
  const auto diffs = json_differences(c.expected, c.got);
  if (!diffs.empty()) {
    body += "differences:\n";
    for (const auto& d : diffs) body += "  " + d + "\n";
  }
  if (!c.stderr_excerpt.empty()) body += "stderr excerpt:\n" + c.stderr_excerpt + "\n";
  return body;
}

void write_case(const CaseRecord& c, const std::string& classname, std::ostream& out) {
  out << "    <testcase classname=\"" << attr(classname) << "\" name=\""
      << attr("tcId " + std::to_string(c.tc_id) + ": " + c.comment) << "\" time=\""
      << seconds(c.duration) << "\"";
  const std::string summary =
      std::string(to_string(c.status)) + (c.message.empty() ? "" : ": " + c.message);
  if (is_skipped_case(c)) {
    out << ">\n      <skipped message=\"" << attr(summary) << "\"/>\n    </testcase>\n";
  } else if (c.failed) {
    out << ">\n      <failure message=\"" << attr(summary) << "\" type=\""
        << attr(to_string(c.status)) << "\">" << xml_escape(failure_body(c))
        << "</failure>\n    </testcase>\n";
  } else if (c.allowed) {
    out << ">\n      <system-out>"
        << xml_escape("ALLOWED by the allowlist" +
                      (c.allow_reason.empty() ? std::string() : " (" + c.allow_reason + ")") +
                      ": a known failure, counted as passed\n" + failure_body(c))
        << "</system-out>\n    </testcase>\n";
  } else if (c.status != Status::kPass) {
    // ACCEPTABLE, NON_STRICT or WRONG_CODE under a policy that lets them pass:
    // worth a note, since they are what makes this implementation different.
    out << ">\n      <system-out>" << xml_escape("passed as " + summary + "\n")
        << "</system-out>\n    </testcase>\n";
  } else {
    out << "/>\n";
  }
}

// Why the run-level gate failed, one line each; empty when it passed.
std::vector<std::string> run_problems(const RunReport& r) {
  std::vector<std::string> out;
  for (const auto& e : r.load_errors) out.push_back("vector file did not load: " + e);
  for (const auto& e : r.errors) out.push_back(e);
  if (r.interrupted_by != 0) out.push_back(r.stop_reason);
  if (r.allowlist_strict) {
    for (const auto& id : r.stale_allowlist)
      out.push_back("stale allowlist entry (--allowlist-strict): " + id);
  }
  // A gate that failed without any failing case and none of the above: say so
  // rather than show a green run (RunReport::ok() may learn new reasons).
  if (out.empty() && !r.ok() && r.failed == 0) out.push_back("the gate failed");
  return out;
}

void write_run_suite(const RunReport& r, const std::string& prefix, std::ostream& out) {
  const auto problems = run_problems(r);
  out << "  <testsuite name=\"" << attr(prefix + "(run)") << "\" tests=\"1\" failures=\""
      << (problems.empty() ? 0 : 1) << "\" errors=\"0\" skipped=\"0\" time=\""
      << seconds(std::chrono::duration_cast<std::chrono::microseconds>(r.elapsed)) << "\">\n";
  write_properties(r, out);
  out << "    <testcase classname=\"" << attr(prefix + "(run)")
      << "\" name=\"run-level gate: hello, vector files, interruption, stop, allowlist\" "
         "time=\"0\">\n";
  if (!problems.empty()) {
    std::string body;
    for (const auto& p : problems) body += p + "\n";
    out << "      <failure message=\"" << attr(problems.front()) << "\" type=\"RUN\">"
        << xml_escape(body) << "</failure>\n";
  }
  std::string notes = "executed " + std::to_string(r.executed) + " requests in " +
                      std::to_string(r.elapsed.count()) + " ms\n";
  if (!r.implementation_exit.empty()) notes += "implementation " + r.implementation_exit + "\n";
  if (!r.stop_reason.empty()) notes += "stopped: " + r.stop_reason + "\n";
  for (const auto& id : r.stale_allowlist)
    notes += "stale allowlist entry " + id + ": it matched no failing case\n";
  out << "      <system-out>" << xml_escape(notes) << "</system-out>\n";
  out << "    </testcase>\n  </testsuite>\n";
}

}  // namespace

void write_junit(const std::vector<RunReport>& runs, std::ostream& out) {
  Counts total;
  for (const RunReport& r : runs) {
    std::vector<const CaseRecord*> all;
    for (const CaseRecord& c : r.cases) all.push_back(&c);
    const Counts n = count(all);
    total.tests += n.tests + 1;
    total.failures += n.failures + (run_problems(r).empty() ? 0 : 1);
    total.skipped += n.skipped;
    total.time += n.time;
  }
  out << "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      << "<testsuites name=\"tokcheck conformance\" tests=\"" << total.tests << "\" failures=\""
      << total.failures << "\" errors=\"0\" time=\"" << seconds(total.time) << "\">\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunReport& r = runs[i];
    const std::string prefix = runs.size() > 1 ? implementation_label(runs, i) + ": " : "";
    // Cases of one file are contiguous: the runner goes file by file.
    for (std::size_t begin = 0; begin < r.cases.size();) {
      std::size_t end = begin;
      std::vector<const CaseRecord*> group;
      while (end < r.cases.size() && r.cases[end].file == r.cases[begin].file)
        group.push_back(&r.cases[end++]);
      const Counts n = count(group);
      const std::string suite = prefix + r.cases[begin].file;
      out << "  <testsuite name=\"" << attr(suite) << "\" tests=\"" << n.tests << "\" failures=\""
          << n.failures << "\" errors=\"0\" skipped=\"" << n.skipped << "\" time=\""
          << seconds(n.time) << "\">\n";
      write_properties(r, out);
      for (const CaseRecord* c : group) write_case(*c, suite, out);
      out << "  </testsuite>\n";
      begin = end;
    }
    write_run_suite(r, prefix, out);
  }
  out << "</testsuites>\n";
}

}  // namespace tokcheck::conformance
