// Cross-operation consistency of vector files: the same token, under the same
// decoding options, must be judged the same way by every case that decodes it,
// whatever the operation (docs/VECTORS.md "One token, one judgement"). Each
// file can pass its own lint and still contradict another; this finds that.
#pragma once

#include <cstddef>
#include <map>
#include <string>
#include <vector>

#include "conformance/lib/vector_file.h"

namespace tokcheck::conformance {

struct ConsistencyReport {
  // One line per contradiction, naming both cases as "<file>#<tcId>".
  std::vector<std::string> findings;
  // How many case pairs shared a decoding key, per scheme: a lint that paired
  // nothing would pass vacuously, so callers can check it looked at something.
  std::map<std::string, std::size_t> pairs_compared;
};

// Compares every pair of cases of one scheme (across build, parse and verify
// files, and within one) that present the same token with the same decoding
// options. Scenario files are not compared.
ConsistencyReport check_cross_operation_consistency(const std::vector<VectorFile>& files);

// The findings of check_cross_operation_consistency, for the runner.
std::vector<std::string> find_cross_operation_contradictions(const std::vector<VectorFile>& files);

}  // namespace tokcheck::conformance
