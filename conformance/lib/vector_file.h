// Loading and linting vector files (docs/VECTORS.md). Vector files are
// untrusted input to a runner: loading never crashes, it reports what is wrong.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "conformance/lib/json_schema.h"

namespace tokcheck::conformance {

struct VectorCase {
  int tc_id = 0;
  std::string comment;
  std::vector<std::string> flags;
  std::string result;  // valid | invalid | acceptable
  std::string source;
  Json input;
  Json expected;
};

struct VectorFile {
  std::string path;  // relative to the vectors root, e.g. "agora-007/verify.json"
  std::string scheme;
  std::string operation;
  std::vector<VectorCase> tests;
};

// The schema shipped in vectors/schema/.
const JsonSchema& vector_schema(const std::filesystem::path& vectors_root);

// Parses and lints one file's text: JSON syntax, the schema, and the rules the
// schema cannot say (tcIds unique, numberOfTests matches, every flag described
// in notes, every acceptable test flagged). Returns the errors; `out` is filled
// when there are none. A file already in memory; the runner reads files in
// pieces with read_vector_file (vector_file_reader.h), which this calls.
std::vector<std::string> load_vector_file(const std::string& text, const JsonSchema& schema,
                                          VectorFile& out);

// Every vectors/<scheme>/<operation>.json under `root`, sorted by path.
std::vector<std::filesystem::path> find_vector_files(const std::filesystem::path& root);

// The directory compiled in at build time (the source tree's vectors/).
std::filesystem::path default_vectors_root();

}  // namespace tokcheck::conformance
