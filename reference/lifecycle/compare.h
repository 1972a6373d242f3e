// What changes when one scenario runs under two profiles: the question a team
// asks before upgrading an SDK ("ZEGO 2.12.0 → 2.13.0 with the server switch on:
// what will my users see differently?"). Behind `tokcheck simulate --compare`.
//
// Each profile is a JSON merge patch (RFC 7386) applied to the scenario's own
// profile, so `{"sdk_version": "2.13.0"}` changes the version and keeps the rest.
// The two output lists are aligned by a longest common subsequence; what is left
// is an output that only one side has, or a pair at the same place that differs.
// Every difference names the docs/SEMANTICS.md rule(s) that produced it.
#pragma once

#include <string>
#include <vector>

#include "reference/lifecycle/fields.h"

namespace tokcheck::lifecycle {

struct OutputDifference {
  enum class Change { kAppears, kDisappears, kChanges };
  Change change = Change::kChanges;
  Json a;              // the output under profile A (null when it appears under B only)
  Json b;              // the output under profile B (null when it disappears)
  std::string rule_a;  // the rule behind a ("" when none is named)
  std::string rule_b;
};

struct ProfileComparison {
  Json profile_a;  // the scenario's profile with patch A applied
  Json profile_b;
  std::string error_a;  // why the scenario cannot run under A (an unknown combination, ...)
  std::string error_b;
  std::size_t outputs_a = 0;
  std::size_t outputs_b = 0;
  std::vector<OutputDifference> differences;

  bool comparable() const { return error_a.empty() && error_b.empty(); }
};

// Runs `scenario` under both patched profiles. Throws schemes::UsageError when a
// patch is not a JSON object, the scenario has no profile object, or the runs
// differ over more outputs than the alignment's bounded table holds; a profile
// the engine refuses is reported in error_a / error_b instead, so a sweep over
// many scenarios can say which ones do not apply.
ProfileComparison compare_profiles(const Json& scenario, const Json& patch_a, const Json& patch_b);

std::string_view to_string(OutputDifference::Change change);

// {"profile_a", "profile_b", "outputs_a", "outputs_b", "differences": [{"change",
// "a"?, "b"?, "rule_a"?, "rule_b"?}]} or with "error_a" / "error_b".
Json to_json(const ProfileComparison& comparison);

}  // namespace tokcheck::lifecycle
