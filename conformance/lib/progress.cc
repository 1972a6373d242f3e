#include "conformance/lib/progress.h"

#include <ostream>

namespace tokcheck::conformance {

ProgressPrinter::ProgressPrinter(std::ostream& out, bool tty, std::string label,
                                 std::chrono::milliseconds every)
    : out_(out),
      tty_(tty),
      label_(std::move(label)),
      every_(every),
      last_(std::chrono::steady_clock::now()) {}

void ProgressPrinter::operator()(const Progress& p) {
  const auto now = std::chrono::steady_clock::now();
  const bool last = p.done == p.total;
  if (tty_) {
    // Redrawing costs a write per case; a few per second is enough for eyes.
    if (!last && now - last_ < std::chrono::milliseconds(100)) return;
    out_ << "\r\x1b[2K" << label_ << ": " << p.done << "/" << p.total << " cases, " << p.failed
         << " failed  " << p.current << std::flush;
    dirty_ = true;
  } else {
    if (!last && now - last_ < every_) return;
    out_ << label_ << ": " << p.done << "/" << p.total << " cases, " << p.failed << " failed\n"
         << std::flush;
  }
  last_ = now;
}

void ProgressPrinter::finish() {
  if (tty_ && dirty_) out_ << "\n" << std::flush;
  dirty_ = false;
}

}  // namespace tokcheck::conformance
