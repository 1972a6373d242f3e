// One digest names a vector set in `tokcheck --version` and in every report, so
// two runs (or an installed copy and the source tree) can be shown to have
// used the same vectors.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace tokcheck::conformance {

// Every .json file under `root` (the vector files and their schema; not the
// generators), relative to root, sorted.
std::vector<std::filesystem::path> vector_set_files(const std::filesystem::path& root);

// "sha256:<hex>" over each file's relative path, size and bytes, in the order given.
std::string vector_digest(const std::filesystem::path& root,
                          const std::vector<std::filesystem::path>& relative_files);

// The same digest fed with bytes already read (the loader reads each file once):
// add() each file in the order vector_digest would read them, then finish().
class VectorDigest {
 public:
  VectorDigest();
  ~VectorDigest();
  VectorDigest(const VectorDigest&) = delete;
  VectorDigest& operator=(const VectorDigest&) = delete;
  void add(const std::string& relative_path, std::string_view bytes);
  std::string finish();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

}  // namespace tokcheck::conformance
