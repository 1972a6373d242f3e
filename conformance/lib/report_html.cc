// --html FILE: one page a person opens from a CI artifact. Self-contained (no
// fetch of any kind: the Content-Security-Policy forbids it, so a page that
// tried would show console errors in the Chromium test), failures first with
// what differed, filters, the lenient behaviours, stale allowlist entries, run
// errors and, with several implementations, the matrix.
//
// It renders untrusted text (answers, stderr, hello names) in a page that runs
// a script, so: every text goes through html_escape on the server side, the
// script never parses markup (textContent, dataset, hidden only), and the CSP
// allows only the page's own script and style by their sha256, so even a
// missed escape could not run an injected script.

#include <algorithm>
#include <ostream>
#include <set>

#include "conformance/lib/matrix.h"
#include "conformance/lib/report_common.h"
#include "conformance/lib/reports.h"

namespace tokcheck::conformance {
namespace {

constexpr std::string_view kStyle = R"css(
body{font:14px/1.4 system-ui,sans-serif;margin:0 1.5em 3em;color:#222}
h1{font-size:1.4em;margin:.8em 0 .3em}h2{font-size:1.15em;margin:1.4em 0 .4em}
table{border-collapse:collapse;width:100%}th,td{border:1px solid #ccc;padding:2px 6px;text-align:left;vertical-align:top}
th{background:#f0f0f0}.num{text-align:right}td{overflow-wrap:anywhere}
#cases,#summary{table-layout:fixed}
#cases th:nth-child(1){width:11%}#cases th:nth-child(2){width:15%}#cases th:nth-child(3){width:11%}
#cases th:nth-child(4){width:29%}#cases th:nth-child(6){width:5%}
#summary th:nth-child(1){width:30%}#summary code{font-size:.8em}
#matrix td:first-child,#matrix td.st{white-space:nowrap}
.gate-fail{color:#fff;background:#b00020;padding:1px 8px;border-radius:3px}
.gate-pass{color:#fff;background:#1b7f3b;padding:1px 8px;border-radius:3px}
.st{font-family:monospace;font-weight:bold}
.st-fail{color:#b00020}.st-pass{color:#1b7f3b}.st-note{color:#a05a00}.st-skip{color:#666}
.errors li{color:#b00020}
pre{background:#f6f6f6;border:1px solid #ddd;padding:4px;margin:2px 0;white-space:pre-wrap;word-break:break-all;max-height:24em;overflow:auto}
.diff{display:grid;grid-template-columns:1fr 1fr;gap:6px}.diff h4{margin:2px 0;font-size:.9em}
.diffs li{font-family:monospace}
#filters{position:sticky;top:0;background:#fff;padding:6px 0;border-bottom:1px solid #ccc}
#filters label{margin-right:1em}
.ids{font-family:monospace;font-size:.85em}
)css";

// Filters by status, scheme, operation, implementation and text. Reads only
// data-* attributes and textContent; writes only `hidden` and textContent.
// The self-check at the end proves the page's structure to the Chromium test:
// it re-derives the counts from the rows and checks the filters hide what
// they must, then writes its verdict into #selfcheck.
constexpr std::string_view kScript = R"js(
(function () {
  'use strict';
  var cases = Array.prototype.slice.call(document.querySelectorAll('tbody.case'));
  var f = {
    status: document.getElementById('f-status'), scheme: document.getElementById('f-scheme'),
    op: document.getElementById('f-op'), impl: document.getElementById('f-impl'),
    text: document.getElementById('f-text')
  };
  function apply() {
    var needle = f.text.value.toLowerCase();
    var shown = 0;
    cases.forEach(function (c) {
      var ok = (!f.status.value || c.dataset.status === f.status.value) &&
               (!f.scheme.value || c.dataset.scheme === f.scheme.value) &&
               (!f.op.value || c.dataset.op === f.op.value) &&
               (!f.impl.value || c.dataset.impl === f.impl.value) &&
               (!needle || c.textContent.toLowerCase().indexOf(needle) >= 0);
      c.hidden = !ok;
      if (ok) shown++;
    });
    document.getElementById('shown').textContent = String(shown);
    return shown;
  }
  ['status', 'scheme', 'op', 'impl'].forEach(function (k) { f[k].addEventListener('change', apply); });
  f.text.addEventListener('input', apply);
  apply();

  var problems = [];
  var expected = JSON.parse(document.getElementById('counts').textContent);
  if (cases.length !== expected.cases) problems.push('rows ' + cases.length + ' != ' + expected.cases);
  Object.keys(expected.by_status).forEach(function (s) {
    f.status.value = s;
    var n = apply();
    if (n !== expected.by_status[s]) problems.push(s + ': ' + n + ' rows != ' + expected.by_status[s]);
  });
  f.status.value = '';
  f.text.value = 'no case contains this \u0001 text';
  if (apply() !== 0) problems.push('text filter hid nothing');
  f.text.value = '';
  apply();
  var firstFailed = document.querySelector('tbody.case[data-failed="1"]');
  var firstCase = cases[0];
  if (expected.failed > 0 && firstCase !== firstFailed) problems.push('failures are not first');
  var out = document.getElementById('selfcheck');
  out.textContent = problems.length ? 'selfcheck: FAILED ' + problems.join('; ') :
                                      'selfcheck: ok ' + cases.length + ' rows';
  out.dataset.ok = problems.length ? '0' : '1';
})();
)js";

std::string h(std::string_view s) { return html_escape(s); }

// failed, allowed, other notes, skipped, passed: what a reader acts on first.
int rank(const CaseRecord& c) {
  if (c.failed) return 0;
  if (c.allowed) return 1;
  if (is_skipped_case(c)) return 3;
  return c.status == Status::kPass ? 4 : 2;
}

std::string status_class(const CaseRecord& c) {
  switch (rank(c)) {
    case 0:
      return "st st-fail";
    case 4:
      return "st st-pass";
    case 3:
      return "st st-skip";
    default:
      return "st st-note";
  }
}

void write_summary(const std::vector<RunReport>& runs, std::ostream& out) {
  out << "<h2>Summary</h2>\n<table id=\"summary\"><tr><th>implementation</th><th>gate</th>"
         "<th>passed</th><th>failed</th><th>allowed</th><th>skipped</th><th>not run</th>"
         "<th>executed</th><th>time</th><th>protocol</th><th>hello</th></tr>\n";
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunReport& r = runs[i];
    out << "<tr data-impl=\"" << h(implementation_label(runs, i)) << "\"><td>"
        << h(implementation_label(runs, i)) << "<br><code>" << h(r.implementation)
        << "</code></td><td><span class=\"" << (r.ok() ? "gate-pass\">PASS" : "gate-fail\">FAIL")
        << "</span></td><td class=\"num\" data-count=\"passed\">" << r.passed
        << "</td><td class=\"num\" data-count=\"failed\">" << r.failed
        << "</td><td class=\"num\" data-count=\"allowed\">" << r.allowed
        << "</td><td class=\"num\" data-count=\"skipped\">" << r.skipped
        << "</td><td class=\"num\" data-count=\"not_run\">" << r.not_run
        << "</td><td class=\"num\">" << r.executed << "</td><td class=\"num\">" << r.elapsed.count()
        << " ms</td><td>v" << r.protocol << "</td><td><details><summary>hello</summary><code>"
        << h(dump_json(r.hello)) << "</code></details></td></tr>\n";
  }
  out << "</table>\n";
  // Run-level problems: why the gate failed when no single case explains it.
  std::string items;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    const RunReport& r = runs[i];
    const std::string who = h(implementation_label(runs, i)) + ": ";
    if (r.interrupted_by)
      items += "<li>" + who + "interrupted by signal " + std::to_string(r.interrupted_by) + "</li>";
    if (!r.stop_reason.empty()) items += "<li>" + who + "stopped: " + h(r.stop_reason) + "</li>";
    for (const auto& e : r.errors) items += "<li>" + who + h(e) + "</li>";
    for (const auto& e : r.load_errors)
      items += "<li>" + who + "vector file did not load: " + h(e) + "</li>";
    if (!r.implementation_exit.empty())
      out << "<p>" << who << "implementation " << h(r.implementation_exit) << "</p>\n";
  }
  if (!items.empty())
    out << "<h2>Run errors</h2>\n<ul class=\"errors\" id=\"run-errors\">" << items << "</ul>\n";
}

void write_matrix(const std::vector<RunReport>& runs, std::ostream& out) {
  if (runs.size() < 2) return;
  const Matrix m = build_matrix(runs);
  out << "<h2>Cross-implementation matrix</h2>\n<p>Cases of each vector file grouped by the "
         "outcome of every implementation; rows where they disagree come with their case "
         "ids.</p>\n<table id=\"matrix\"><tr><th>vector file</th>";
  for (const auto& label : m.implementations) out << "<th>" << h(label) << "</th>";
  out << "<th>cases</th><th>ids</th></tr>\n";
  // Rows where every implementation passed are counted, not listed: the
  // table is about where implementations differ or fail.
  std::size_t all_pass = 0;
  for (const MatrixRow& row : m.rows) {
    if (row.all_pass()) {
      all_pass += row.case_ids.size();
      continue;
    }
    out << "<tr class=\"" << (row.uniform() ? "agree" : "disagree") << "\"><td>" << h(row.group)
        << "</td>";
    for (const auto& o : row.outcomes) out << "<td class=\"st\">" << h(o) << "</td>";
    out << "<td class=\"num\">" << row.case_ids.size() << "</td><td class=\"ids\">";
    for (std::size_t k = 0; k < row.case_ids.size(); ++k)
      out << (k ? " " : "") << h(row.case_ids[k]);
    out << "</td></tr>\n";
  }
  out << "<tr><td colspan=\"" << m.implementations.size() + 3 << "\" id=\"matrix-all-pass\">"
      << all_pass << " cases passed in every implementation</td></tr>\n</table>\n";
}

void write_acceptable_and_stale(const std::vector<RunReport>& runs, std::ostream& out) {
  out << "<h2>Lenient behaviours (ACCEPTABLE cases by flag)</h2>\n<table id=\"acceptable\">"
         "<tr><th>implementation</th><th>flag</th><th>cases</th><th>ids</th></tr>\n";
  bool any = false;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (const auto& [flag, ids] : runs[i].acceptable_by_flag()) {
      any = true;
      out << "<tr><td>" << h(implementation_label(runs, i)) << "</td><td>" << h(flag)
          << "</td><td class=\"num\">" << ids.size() << "</td><td class=\"ids\">";
      for (std::size_t k = 0; k < ids.size(); ++k) out << (k ? " " : "") << h(ids[k]);
      out << "</td></tr>\n";
    }
  }
  if (!any)
    out << "<tr><td colspan=\"4\">none: every acceptable case was answered as the reference "
           "does</td></tr>\n";
  out << "</table>\n<h2>Stale allowlist entries</h2>\n<ul id=\"stale\">";
  bool stale = false;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    for (const auto& id : runs[i].stale_allowlist) {
      stale = true;
      out << "<li>" << h(implementation_label(runs, i)) << ": " << h(id)
          << (runs[i].allowlist_strict ? " (fails the gate: --allowlist-strict)" : "")
          << ": it matched no failing case</li>";
    }
  }
  if (!stale) out << "<li>none</li>";
  out << "</ul>\n";
}

void write_case(const std::string& impl, const CaseRecord& c, std::ostream& out) {
  out << "<tbody class=\"case\" data-impl=\"" << h(impl) << "\" data-status=\""
      << h(outcome_name(c)) << "\" data-scheme=\"" << h(c.scheme) << "\" data-op=\""
      << h(c.operation) << "\" data-failed=\"" << (c.failed ? 1 : 0) << "\"><tr><td>" << h(impl)
      << "</td><td class=\"ids\">" << h(c.id) << "</td><td class=\"" << status_class(c) << "\">"
      << h(outcome_name(c)) << "</td><td>" << h(c.comment);
  if (!c.flags.empty()) {
    out << " <small>[";
    for (std::size_t k = 0; k < c.flags.size(); ++k) out << (k ? ", " : "") << h(c.flags[k]);
    out << "]</small>";
  }
  out << "</td><td>" << h(c.message) << (c.allowed ? " (allowed: " + h(c.allow_reason) + ")" : "")
      << "</td><td class=\"num\">" << c.duration.count() << "</td></tr>\n";
  if (c.failed || c.allowed || (c.status != Status::kPass && !is_skipped_case(c))) {
    out << "<tr><td></td><td colspan=\"5\">";
    const auto diffs = json_differences(c.expected, c.got);
    if (!diffs.empty()) {
      out << "<ul class=\"diffs\">";
      for (const auto& d : diffs) out << "<li>" << h(d) << "</li>";
      out << "</ul>";
    }
    out << "<div class=\"diff\"><div><h4>expected</h4><pre>" << h(dump_json(c.expected, 2))
        << "</pre></div><div><h4>got</h4><pre>" << h(dump_json(c.got, 2)) << "</pre></div></div>";
    if (!c.stderr_excerpt.empty())
      out << "<h4>stderr excerpt</h4><pre class=\"stderr\">" << h(c.stderr_excerpt) << "</pre>";
    out << "</td></tr>\n";
  }
  out << "</tbody>\n";
}

void write_select(const char* id, const char* label, const std::set<std::string>& values,
                  std::ostream& out) {
  out << "<label>" << label << " <select id=\"" << id << "\"><option value=\"\">all</option>";
  for (const auto& v : values) out << "<option value=\"" << h(v) << "\">" << h(v) << "</option>";
  out << "</select></label>\n";
}

void write_cases(const std::vector<RunReport>& runs, std::ostream& out) {
  struct Row {
    int rank;
    std::size_t run, index;
  };
  std::vector<Row> rows;
  std::set<std::string> statuses, schemes, ops, impls;
  Json by_status = Json::object();
  int failed = 0;
  for (std::size_t i = 0; i < runs.size(); ++i) {
    impls.insert(implementation_label(runs, i));
    for (std::size_t k = 0; k < runs[i].cases.size(); ++k) {
      const CaseRecord& c = runs[i].cases[k];
      rows.push_back({rank(c), i, k});
      statuses.insert(outcome_name(c));
      schemes.insert(c.scheme);
      ops.insert(c.operation);
      by_status[outcome_name(c)] = by_status.value(outcome_name(c), 0) + 1;
      failed += c.failed ? 1 : 0;
    }
  }
  std::stable_sort(rows.begin(), rows.end(),
                   [](const Row& a, const Row& b) { return a.rank < b.rank; });
  // The counts the self-check compares the rows with. JSON inside a script
  // element: dump escapes nothing HTML-wise, so '<' is written as \u003c.
  std::string counts =
      dump_json(Json{{"cases", rows.size()}, {"failed", failed}, {"by_status", by_status}});
  std::string safe;
  for (char ch : counts) safe += ch == '<' ? std::string("\\u003c") : std::string(1, ch);
  out << "<script type=\"application/json\" id=\"counts\">" << safe << "</script>\n";

  out << "<h2>Cases (failures first)</h2>\n<div id=\"filters\">\n";
  write_select("f-status", "status", statuses, out);
  write_select("f-scheme", "scheme", schemes, out);
  write_select("f-op", "operation", ops, out);
  write_select("f-impl", "implementation", impls, out);
  out << "<label>text <input type=\"search\" id=\"f-text\" placeholder=\"id, comment, message, "
         "output...\"></label> <span id=\"shown\"></span> shown</div>\n"
         "<table id=\"cases\"><thead><tr><th>implementation</th><th>case</th><th>status</th>"
         "<th>comment [flags]</th><th>what differed</th><th>µs</th></tr></thead>\n";
  for (const Row& r : rows)
    write_case(implementation_label(runs, r.run), runs[r.run].cases[r.index], out);
  out << "</table>\n";
}

}  // namespace

void write_html(const std::vector<RunReport>& runs, std::ostream& out) {
  const std::string tool = runs.empty() ? "" : runs.front().tool_version;
  const std::string digest = runs.empty() ? "" : runs.front().vectors_digest;
  bool ok = !runs.empty();
  for (const RunReport& r : runs) ok = ok && r.ok();
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; "
      << "style-src 'sha256-" << csp_sha256(kStyle) << "'; script-src 'sha256-"
      << csp_sha256(kScript) << "'\">\n"
      << "<title>tokcheck conformance: " << (ok ? "PASS" : "FAIL") << "</title>\n<style>" << kStyle
      << "</style></head>\n<body>\n<h1>tokcheck conformance <span class=\""
      << (ok ? "gate-pass\">PASS" : "gate-fail\">FAIL") << "</span></h1>\n<p>tokcheck " << h(tool)
      << "; vectors <code>" << h(digest) << "</code></p>\n"
      << "<p id=\"selfcheck\" data-ok=\"0\">selfcheck: the page script did not run</p>\n";
  write_summary(runs, out);
  write_matrix(runs, out);
  write_cases(runs, out);
  write_acceptable_and_stale(runs, out);
  out << "<script>" << kScript << "</script>\n</body></html>\n";
}

}  // namespace tokcheck::conformance
