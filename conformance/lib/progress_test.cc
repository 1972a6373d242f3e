// The progress line of a streaming run, which learns its total only at the end:
// counts without a total while it goes, and one final "N/N" line at finish.
#include "conformance/lib/progress.h"

#include <gtest/gtest.h>

#include <sstream>

namespace tokcheck::conformance {
namespace {

TEST(ProgressPrinter, AStreamingRunEndsWithItsFinalCount) {
  std::ostringstream out;
  ProgressPrinter printer(out, /*tty=*/false, "impl", std::chrono::hours(1));
  for (std::size_t i = 1; i <= 3; ++i)
    printer(Progress{i, 0, i == 3 ? 1u : 0u, "f#" + std::to_string(i)});
  EXPECT_EQ(out.str(), "");  // nothing due yet: the interval has not passed
  printer.finish();
  EXPECT_EQ(out.str(), "impl: 3/3 cases, 1 failed\n");
  printer.finish();  // a second finish adds nothing
  EXPECT_EQ(out.str(), "impl: 3/3 cases, 1 failed\n");
}

TEST(ProgressPrinter, AKnownTotalPrintsItsLastLineOnce) {
  std::ostringstream out;
  ProgressPrinter printer(out, /*tty=*/false, "impl", std::chrono::hours(1));
  printer(Progress{1, 2, 0, "a"});
  printer(Progress{2, 2, 0, "b"});  // the last case prints at once
  printer.finish();
  EXPECT_EQ(out.str(), "impl: 2/2 cases, 0 failed\n");
}

}  // namespace
}  // namespace tokcheck::conformance
