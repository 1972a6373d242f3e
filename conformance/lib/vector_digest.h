// One digest names a vector set in `tokcheck --version` and in every report, so
// two runs (or an installed copy and the source tree) can be shown to have
// used the same vectors.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <memory>
#include <streambuf>
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
  // The same, in pieces: begin() with the file's size, then its bytes in any
  // number of update() calls.
  void begin(const std::string& relative_path, std::size_t size);
  void update(std::string_view bytes);
  std::string finish();

 private:
  struct Context;
  std::unique_ptr<Context> ctx_;
};

// A file read in 64 KiB pieces, each fed to the digest as it is read: the vector
// loader parses from it, so no file is held whole (docs/BENCHMARKS.md). A file
// that cannot be opened reads as empty (and is digested as empty).
class DigestedFile : public std::streambuf {
 public:
  DigestedFile(const std::filesystem::path& file, const std::string& relative_path,
               VectorDigest& digest);
  ~DigestedFile() override;
  DigestedFile(const DigestedFile&) = delete;
  DigestedFile& operator=(const DigestedFile&) = delete;
  // Reads what the parser left (it stops at a syntax error), so the digest covers
  // the whole file. False when the file was not read as the size it had when
  // opened (it changed meanwhile, or a read failed): the digest is then wrong.
  bool finish();

 protected:
  int_type underflow() override;

 private:
  std::FILE* file_ = nullptr;
  VectorDigest& digest_;
  std::size_t size_ = 0;
  std::size_t read_ = 0;
  bool read_error_ = false;
  std::array<char, 64 * 1024> buffer_{};
};

}  // namespace tokcheck::conformance
