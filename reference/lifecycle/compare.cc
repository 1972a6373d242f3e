#include "reference/lifecycle/compare.h"

#include <algorithm>
#include <cstdint>
#include <string>

#include "reference/lifecycle/simulate.h"
#include "reference/schemes/scheme.h"

namespace tokcheck::lifecycle {
namespace {

struct Run {
  Json outputs = Json::array();
  std::vector<std::string> rules;
  std::string error;
};

Run run_under(const Json& scenario, const Json& profile) {
  Json patched = scenario;
  patched["profile"] = profile;
  Run run;
  try {
    run.outputs = simulate_json(patched, &run.rules)["outputs"];
  } catch (const schemes::UsageError& e) {
    run.error = e.what();
  }
  return run;
}

// Two outputs "at the same place" differ rather than one replacing the other:
// the result of the same event, the same callback, the same stream, the kick-out.
Json slot(const Json& o) {
  const std::string kind = o.value("kind", "");
  if (kind == "result" || kind == "clock_ignored") return Json::array({kind, o.value("event", -1)});
  if (kind == "callback") return Json::array({kind, o.value("name", ""), o.value("call", "")});
  if (kind == "stream_stopped") return Json::array({kind, o.value("stream", "")});
  return Json::array({kind});
}

// Longest common subsequence of equal outputs; returns the matched index pairs.
// The common prefix and suffix are matched first (a profile change usually
// touches a few outputs in the middle), and the quadratic table covers only the
// rest, capped so that a hostile scenario cannot make it take gigabytes.
constexpr std::size_t kMaxTableCells = std::size_t{1} << 22;  // 16 MiB of uint32_t

std::vector<std::pair<std::size_t, std::size_t>> common(const Json& a, const Json& b) {
  const std::size_t n = a.size(), m = b.size();
  std::size_t pre = 0;
  while (pre < n && pre < m && a[pre] == b[pre]) ++pre;
  std::size_t suf = 0;
  while (suf < n - pre && suf < m - pre && a[n - 1 - suf] == b[m - 1 - suf]) ++suf;
  const std::size_t rn = n - pre - suf, rm = m - pre - suf;
  if ((rn + 1) > kMaxTableCells / (rm + 1)) {
    throw schemes::UsageError("--compare: the two runs differ over " + std::to_string(rn) +
                              " and " + std::to_string(rm) +
                              " outputs; compare a shorter scenario");
  }
  std::vector<std::pair<std::size_t, std::size_t>> pairs;
  for (std::size_t k = 0; k < pre; ++k) pairs.emplace_back(k, k);
  // len[i][j]: the LCS length of a[pre+i..] and b[pre+j..] within the middle.
  std::vector<std::uint32_t> len((rn + 1) * (rm + 1), 0);
  auto at = [rm, &len](std::size_t i, std::size_t j) -> std::uint32_t& {
    return len[i * (rm + 1) + j];
  };
  for (std::size_t i = rn; i-- > 0;) {
    for (std::size_t j = rm; j-- > 0;) {
      at(i, j) =
          a[pre + i] == b[pre + j] ? at(i + 1, j + 1) + 1 : std::max(at(i + 1, j), at(i, j + 1));
    }
  }
  std::size_t i = 0, j = 0;
  while (i < rn && j < rm) {
    if (a[pre + i] == b[pre + j]) {
      pairs.emplace_back(pre + i++, pre + j++);
    } else if (at(i + 1, j) >= at(i, j + 1)) {
      ++i;
    } else {
      ++j;
    }
  }
  for (std::size_t k = 0; k < suf; ++k) pairs.emplace_back(n - suf + k, m - suf + k);
  return pairs;
}

// The outputs between two matches: pair those in the same slot as changes, the
// rest appear or disappear; in time order (A's side first within a second).
void diff_gap(const Run& a, std::size_t a_from, std::size_t a_to, const Run& b, std::size_t b_from,
              std::size_t b_to, std::vector<OutputDifference>& out) {
  std::vector<bool> b_used(b_to - b_from, false);
  std::vector<std::pair<std::int64_t, OutputDifference>> gap;
  for (std::size_t i = a_from; i < a_to; ++i) {
    OutputDifference d;
    d.a = a.outputs[i];
    d.rule_a = a.rules[i];
    d.change = OutputDifference::Change::kDisappears;
    for (std::size_t j = b_from; j < b_to; ++j) {
      if (b_used[j - b_from] || slot(b.outputs[j]) != slot(d.a)) continue;
      b_used[j - b_from] = true;
      d.b = b.outputs[j];
      d.rule_b = b.rules[j];
      d.change = OutputDifference::Change::kChanges;
      break;
    }
    gap.emplace_back(d.a.value("at", std::int64_t{0}), std::move(d));
  }
  for (std::size_t j = b_from; j < b_to; ++j) {
    if (b_used[j - b_from]) continue;
    OutputDifference d;
    d.b = b.outputs[j];
    d.rule_b = b.rules[j];
    d.change = OutputDifference::Change::kAppears;
    gap.emplace_back(d.b.value("at", std::int64_t{0}), std::move(d));
  }
  std::stable_sort(gap.begin(), gap.end(),
                   [](const auto& x, const auto& y) { return x.first < y.first; });
  for (auto& [at, d] : gap) out.push_back(std::move(d));
}

Json patched_profile(const Json& scenario, const Json& patch, const char* which) {
  if (!patch.is_object()) {
    throw schemes::UsageError(std::string("profile ") + which +
                              ": must be a JSON object (a merge patch of the scenario's profile)");
  }
  if (!scenario.is_object() || !scenario.contains("profile") || !scenario["profile"].is_object()) {
    throw schemes::UsageError("profile: the scenario has no profile object to compare from");
  }
  Json profile = scenario["profile"];
  profile.merge_patch(patch);
  return profile;
}

}  // namespace

ProfileComparison compare_profiles(const Json& scenario, const Json& patch_a, const Json& patch_b) {
  ProfileComparison c;
  c.profile_a = patched_profile(scenario, patch_a, "A");
  c.profile_b = patched_profile(scenario, patch_b, "B");
  const Run a = run_under(scenario, c.profile_a);
  const Run b = run_under(scenario, c.profile_b);
  c.error_a = a.error;
  c.error_b = b.error;
  if (!c.comparable()) return c;
  c.outputs_a = a.outputs.size();
  c.outputs_b = b.outputs.size();
  std::size_t i = 0, j = 0;
  for (const auto& [mi, mj] : common(a.outputs, b.outputs)) {
    diff_gap(a, i, mi, b, j, mj, c.differences);
    i = mi + 1;
    j = mj + 1;
  }
  diff_gap(a, i, a.outputs.size(), b, j, b.outputs.size(), c.differences);
  return c;
}

std::string_view to_string(OutputDifference::Change change) {
  switch (change) {
    case OutputDifference::Change::kAppears:
      return "appears";
    case OutputDifference::Change::kDisappears:
      return "disappears";
    case OutputDifference::Change::kChanges:
      return "changes";
  }
  return "changes";
}

Json to_json(const ProfileComparison& c) {
  Json j{{"profile_a", c.profile_a}, {"profile_b", c.profile_b}};
  if (!c.comparable()) {
    if (!c.error_a.empty()) j["error_a"] = c.error_a;
    if (!c.error_b.empty()) j["error_b"] = c.error_b;
    return j;
  }
  j["outputs_a"] = c.outputs_a;
  j["outputs_b"] = c.outputs_b;
  Json diffs = Json::array();
  for (const OutputDifference& d : c.differences) {
    Json o{{"change", to_string(d.change)}};
    if (!d.a.is_null()) o["a"] = d.a;
    if (!d.b.is_null()) o["b"] = d.b;
    if (!d.a.is_null()) o["rule_a"] = d.rule_a;
    if (!d.b.is_null()) o["rule_b"] = d.rule_b;
    diffs.push_back(std::move(o));
  }
  j["differences"] = std::move(diffs);
  return j;
}

}  // namespace tokcheck::lifecycle
