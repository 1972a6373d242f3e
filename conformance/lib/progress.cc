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

namespace {

// "12/1794 cases" when the total is known up front, "12 cases" when a streaming
// run only learns it at the end.
void print_count(std::ostream& out, const Progress& p) {
  out << p.done;
  if (p.total > 0) out << "/" << p.total;
  out << " cases, " << p.failed << " failed";
}

}  // namespace

void ProgressPrinter::operator()(const Progress& p) {
  const auto now = std::chrono::steady_clock::now();
  const bool last = p.total > 0 && p.done == p.total;
  latest_done_ = p.done;
  latest_failed_ = p.failed;
  printed_latest_ = false;
  if (tty_) {
    // Redrawing costs a write per case; a few per second is enough for eyes.
    if (!last && now - last_ < std::chrono::milliseconds(100)) return;
    out_ << "\r\x1b[2K" << label_ << ": ";
    print_count(out_, p);
    out_ << "  " << p.current << std::flush;
    dirty_ = true;
  } else {
    if (!last && now - last_ < every_) return;
    out_ << label_ << ": ";
    print_count(out_, p);
    out_ << "\n" << std::flush;
  }
  printed_latest_ = true;
  last_ = now;
}

void ProgressPrinter::finish() {
  // The final count, unless the last line already showed it.
  if (latest_done_ > 0 && !printed_latest_) {
    if (tty_) out_ << "\r\x1b[2K";
    out_ << label_ << ": ";
    print_count(out_, Progress{latest_done_, latest_done_, latest_failed_, ""});
    out_ << "\n" << std::flush;
    dirty_ = false;
    printed_latest_ = true;
  }
  if (tty_ && dirty_) out_ << "\n" << std::flush;
  dirty_ = false;
}

}  // namespace tokcheck::conformance
