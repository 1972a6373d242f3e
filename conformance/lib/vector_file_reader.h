// Reading one vector file in a single pass over its text. Each test is checked
// (the schema and load_vector_file's lint rules) as soon as its closing brace is
// read, then handed on and dropped, so memory holds one test and the file's
// header, never the whole file or its parsed document (docs/BENCHMARKS.md,
// conformance memory).
#pragma once

#include <cstddef>
#include <functional>
#include <streambuf>
#include <string>
#include <utility>
#include <vector>

#include "conformance/lib/json_schema.h"
#include "conformance/lib/vector_file.h"

namespace tokcheck::conformance {

// Receives one file's cases as read_vector_file hands them on.
class VectorCaseSink {
 public:
  virtual ~VectorCaseSink() = default;
  // Before the file's first case; `header` has the path, scheme and operation
  // (`tests` stays empty).
  virtual void begin_file(const VectorFile& header) = 0;
  // One case; the sink may take it apart.
  virtual void take_case(const VectorFile& header, VectorCase& c) = 0;
  // After the file's last case. `loaded` false: the file turned out not to load
  // (a later test, the header, or the JSON itself is wrong), and what its cases
  // did must be taken back: a file that does not load runs no case (runner.h).
  virtual void end_file(const VectorFile& header, bool loaded) = 0;
};

// Gathers the cases of each file that loads and hands the file on whole, for a
// caller that wants files, not cases (load_vector_file, stream_vector_set).
class WholeFiles : public VectorCaseSink {
 public:
  explicit WholeFiles(std::function<void(VectorFile&)> each) : each_(std::move(each)) {}
  void begin_file(const VectorFile& header) override { file_ = header; }
  void take_case(const VectorFile&, VectorCase& c) override { file_.tests.push_back(std::move(c)); }
  void end_file(const VectorFile&, bool loaded) override {
    if (loaded) each_(file_);
    file_ = VectorFile{};
  }

 private:
  std::function<void(VectorFile&)> each_;
  VectorFile file_;
};

enum class Delivery {
  // Cases are held until the whole file is known to load; a file that does not
  // load reaches the sink not at all. For sinks whose cases cannot be taken
  // back (an implementation in another process sees every request).
  kWhenLoaded,
  // Each case is handed on as soon as it is read and checked, and end_file says
  // whether the file loaded after all. Memory stays flat however long the file.
  // Cases of a file whose scheme, operation and notes come after its tests are
  // held as kWhenLoaded does: they cannot be checked before.
  kAsRead,
};

// Reads one vector file from `text` to its end. Returns the load errors, the
// ones load_vector_file returns for the same text (schema errors, else the lint's;
// a duplicated top-level member is one too, as the streamed cases could not say
// which copy counts). The sink sees begin_file, the cases and end_file only when
// at least one case is handed on.
std::vector<std::string> read_vector_file(std::streambuf& text, const std::string& path,
                                          const JsonSchema& schema, VectorCaseSink& sink,
                                          Delivery delivery);

}  // namespace tokcheck::conformance
