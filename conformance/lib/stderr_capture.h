// What an implementation writes to standard error during one case, kept in a
// bounded buffer: the first and the last bytes (where the interesting parts of
// a log usually are), with a count of what was dropped in between. A 100 MB
// flood costs the runner no more than the limit.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace tokcheck::conformance {

class StderrCapture {
 public:
  explicit StderrCapture(std::size_t limit) : limit_(limit) {}

  void append(std::string_view bytes);
  // The excerpt for a report (control bytes escaped, "[... N bytes dropped ...]"
  // between head and tail), and a fresh start for the next case.
  std::string take();
  std::size_t total() const { return total_; }

 private:
  std::size_t limit_;
  std::string head_;  // the first limit/2 bytes
  std::string tail_;  // the last bytes, trimmed to limit/2 when taken (amortised)
  std::size_t total_ = 0;
};

// Escapes bytes below 0x20 (but \n and \t) and 0x7f as \xNN, so an
// implementation's output cannot drive a terminal or break a report.
std::string escape_control_bytes(std::string_view bytes);

}  // namespace tokcheck::conformance
