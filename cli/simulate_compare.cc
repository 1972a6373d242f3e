#include "cli/simulate_compare.h"

#include <iostream>

#include "cli/commands.h"
#include "cli/io.h"
#include "cli/output_timeline.h"
#include "cli/request_input.h"
#include "cli/text_escape.h"
#include "conformance/lib/vector_file.h"
#include "reference/lifecycle/compare.h"
#include "reference/lifecycle/simulate.h"
#include "reference/schemes/json_output.h"

namespace tokcheck::cli {
namespace {

using schemes::Json;
using schemes::UsageError;

struct Scenario {
  std::string id;  // "<file>#<tcId>" or the input path
  std::string comment;
  Json input;
};

// The lifecycle vectors whose profile names `vendor`, from
// <root>/lifecycle-<vendor>/scenario.json.
std::vector<Scenario> vendor_scenarios(const std::string& root, const std::string& vendor) {
  bool known = false;
  for (std::string_view v : lifecycle::lifecycle_vendors()) known = known || v == vendor;
  if (!known) throw UsageError("--compare: no lifecycle scenarios for vendor \"" + vendor + "\"");
  const std::string base =
      root.empty() ? conformance::default_vectors_root().string() : std::string(root);
  const std::string rel = "lifecycle-" + vendor + "/scenario.json";
  const Json file = read_request(base + "/" + rel);
  std::vector<Scenario> out;
  if (!file.contains("tests") || !file["tests"].is_array())
    throw UsageError(rel + ": has no \"tests\" array");
  for (const Json& t : file["tests"]) {
    if (!t.is_object() || !t.contains("input")) continue;
    out.push_back({rel + "#" + schemes::safe_dump(t.value("tcId", Json())), t.value("comment", ""),
                   t["input"]});
  }
  return out;
}

std::string vendor_of(const Json& a, const Json& b) {
  for (const Json* p : {&a, &b}) {
    if (p->contains("vendor") && (*p)["vendor"].is_string()) return (*p)["vendor"];
  }
  throw UsageError(
      "--compare without --input compares every scenario of one vendor: name it in a profile "
      "(e.g. vendor=zego,sdk_version=2.12.0)");
}

std::string rule_note(const std::string& rule) {
  return rule.empty() ? "" : "  [" + printable(rule) + "]";
}

void print_text(const Scenario& s, const lifecycle::ProfileComparison& c) {
  std::cout << "== " << printable(s.id);
  if (!s.comment.empty()) std::cout << ": " << printable(s.comment);
  std::cout << "\n";
  const std::int64_t start = s.input.value("start", std::int64_t{0});
  auto when = [start](const Json& o) {
    const std::int64_t at = o.value("at", std::int64_t{0});
    return format_utc(at) + " (" + format_offset(at, start) + " s)";
  };
  for (const lifecycle::OutputDifference& d : c.differences) {
    using Change = lifecycle::OutputDifference::Change;
    if (d.change == Change::kAppears) {
      std::cout << "  + B only  " << when(d.b) << "  " << printable(describe_output(d.b))
                << rule_note(d.rule_b) << "\n";
    } else if (d.change == Change::kDisappears) {
      std::cout << "  - A only  " << when(d.a) << "  " << printable(describe_output(d.a))
                << rule_note(d.rule_a) << "\n";
    } else {
      std::cout << "  ~ A       " << when(d.a) << "  " << printable(describe_output(d.a))
                << rule_note(d.rule_a) << "\n"
                << "    B       " << when(d.b) << "  " << printable(describe_output(d.b))
                << rule_note(d.rule_b) << "\n";
    }
  }
}

}  // namespace

Json parse_profile_patch(const std::string& argument, const char* which) {
  const std::string what = std::string("--compare ") + which;
  if (argument.empty()) throw UsageError(what + ": empty profile");
  if (argument.front() == '{') return parse_request(argument, what);
  if (argument.front() == '@') return read_request(argument.substr(1));
  Json patch = Json::object();
  std::size_t from = 0;
  while (from <= argument.size()) {
    const std::size_t comma = std::min(argument.find(',', from), argument.size());
    const std::string item = argument.substr(from, comma - from);
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos || eq == 0) {
      throw UsageError(what + ": \"" + printable(item) +
                       "\" is not key=value (or give a JSON object or @FILE)");
    }
    const std::string key = item.substr(0, eq);
    const std::string value = item.substr(eq + 1);
    if (patch.contains(key)) throw UsageError(what + ": \"" + printable(key) + "\" given twice");
    if (value == "true" || value == "false") {
      patch[key] = value == "true";
    } else {
      patch[key] = value;
    }
    from = comma + 1;
  }
  return patch;
}

int run_simulate_compare(const CompareRequest& r) {
  const Json patch_a = parse_profile_patch(r.profile_a, "PROFILE_A");
  const Json patch_b = parse_profile_patch(r.profile_b, "PROFILE_B");
  std::vector<Scenario> scenarios;
  if (!r.input.empty()) {
    scenarios.push_back({r.input == "-" ? "stdin" : r.input, "", read_request(r.input)});
  } else {
    scenarios = vendor_scenarios(r.vectors, vendor_of(patch_a, patch_b));
  }

  std::size_t compared = 0, differing = 0, not_comparable = 0;
  Json reports = Json::array();
  std::string first_error;
  for (const Scenario& s : scenarios) {
    const lifecycle::ProfileComparison c = lifecycle::compare_profiles(s.input, patch_a, patch_b);
    if (!c.comparable()) {
      ++not_comparable;
      if (first_error.empty())
        first_error = s.id + ": " + (c.error_a.empty() ? "B: " + c.error_b : "A: " + c.error_a);
    } else {
      ++compared;
      if (!c.differences.empty()) ++differing;
    }
    if (r.json) {
      Json j = lifecycle::to_json(c);
      j["scenario"] = s.id;
      reports.push_back(std::move(j));
    } else if (c.comparable() && !c.differences.empty()) {
      print_text(s, c);
    }
  }
  if (compared == 0) {
    throw UsageError("--compare: no scenario could run under both profiles (" +
                     printable(first_error) + ")");
  }
  if (r.json) {
    std::cout << schemes::safe_dump(Json{{"a", patch_a},
                                         {"b", patch_b},
                                         {"scenarios", std::move(reports)},
                                         {"compared", compared},
                                         {"differing", differing},
                                         {"not_comparable", not_comparable}},
                                    2)
              << "\n";
  } else {
    std::cout << "A: " << printable(schemes::safe_dump(patch_a))
              << "\nB: " << printable(schemes::safe_dump(patch_b)) << "\n"
              << compared << " scenario(s) compared: " << differing << " differ, "
              << compared - differing << " identical";
    if (not_comparable > 0) {
      std::cout << "; " << not_comparable << " not comparable (e.g. " << printable(first_error)
                << ")";
    }
    std::cout << "\n";
  }
  return differing > 0 ? kExitInvalid : kExitOk;
}

}  // namespace tokcheck::cli
