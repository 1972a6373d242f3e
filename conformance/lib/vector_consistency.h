// Cross-operation consistency of vector files: the same token, under the same
// decoding options, must be judged the same way by every case that decodes it,
// whatever the operation (docs/VECTORS.md "One token, one judgement"). Each
// file can pass its own lint and still contradict another; this finds that.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
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

// The judgements of the cases added so far, owning what the comparison reads, so
// a streaming run adds each file and drops it (conformance/lib/runner.h).
class ConsistencyIndex {
 public:
  ConsistencyIndex();
  ~ConsistencyIndex();
  ConsistencyIndex(const ConsistencyIndex&) = delete;
  ConsistencyIndex& operator=(const ConsistencyIndex&) = delete;
  void add(const VectorFile& file);
  // add, a case at a time (a streaming load): the file's cases are held apart
  // until end_file says whether the file loaded, and dropped if it did not.
  void add_case(const VectorFile& header, const VectorCase& c);
  void end_file(bool loaded);
  // What check_cross_operation_consistency says of the files added.
  ConsistencyReport report() const;

 private:
  struct Groups;
  std::unique_ptr<Groups> groups_;
};

// Compares every pair of cases of one scheme (across build, parse and verify
// files, and within one) that present the same token with the same decoding
// options. Scenario files are not compared.
ConsistencyReport check_cross_operation_consistency(const std::vector<VectorFile>& files);

// The findings of check_cross_operation_consistency, for the runner.
std::vector<std::string> find_cross_operation_contradictions(const std::vector<VectorFile>& files);

}  // namespace tokcheck::conformance
