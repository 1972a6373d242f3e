// Progress on stderr while a run goes: one live line rewritten in place on a
// terminal; otherwise a plain line every `every` (CI logs stay short but show
// a run is alive).
#pragma once

#include <chrono>
#include <cstddef>
#include <iosfwd>
#include <string>

#include "conformance/lib/runner.h"

namespace tokcheck::conformance {

class ProgressPrinter {
 public:
  ProgressPrinter(std::ostream& out, bool tty, std::string label,
                  std::chrono::milliseconds every = std::chrono::seconds(10));
  void operator()(const Progress& p);
  // Ends a live line so the summary starts on a line of its own.
  void finish();

 private:
  std::ostream& out_;
  bool tty_;
  std::string label_;
  std::chrono::milliseconds every_;
  std::chrono::steady_clock::time_point last_;
  bool dirty_ = false;
  std::size_t latest_done_ = 0;  // the last progress reported
  std::size_t latest_failed_ = 0;
  bool printed_latest_ = false;  // whether a line showed it
};

}  // namespace tokcheck::conformance
