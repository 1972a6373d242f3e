// The cross-implementation matrix of one run with several --impl: which
// implementations answered each group of vectors alike, as JSONTestSuite's
// results table does. Cases are grouped per vector file by their signature,
// the tuple of per-implementation outcomes, so 1711 cases become a few dozen
// rows and every disagreement stands out with the case ids behind it.
#pragma once

#include <string>
#include <vector>

#include "conformance/lib/runner.h"

namespace tokcheck::conformance {

struct MatrixRow {
  std::string group;                  // the vector file, e.g. "agora-007/verify.json"
  std::vector<std::string> outcomes;  // per implementation: status, "ALLOWED" or "MISSING"
  std::vector<std::string> case_ids;  // in vector order
  // Every implementation had the same outcome.
  bool uniform() const;
  // Every implementation passed (the row a reader can skip).
  bool all_pass() const;
};

struct Matrix {
  std::vector<std::string> implementations;  // one label per run, in --impl order
  std::vector<MatrixRow> rows;               // by group in vector order, then first appearance
};

// The runs must come from one invocation: cases are matched by id, and a case
// one run lacks (a run cut short) is "MISSING" there rather than misaligned. So
// the runs must keep their passing cases (RunOptions::keep_passing_cases): a
// pass that was only counted would read as MISSING.
Matrix build_matrix(const std::vector<RunReport>& runs);

}  // namespace tokcheck::conformance
