#include "conformance/lib/stderr_capture.h"

#include <gtest/gtest.h>

namespace tokcheck::conformance {
namespace {

TEST(StderrCapture, SmallOutputIsKeptWhole) {
  StderrCapture c(16);
  c.append("abc");
  c.append("def\n");
  EXPECT_EQ(c.take(), "abcdef\n");
  EXPECT_EQ(c.take(), "");  // taken: the next case starts empty
}

TEST(StderrCapture, KeepsHeadAndTailAndCountsTheRest) {
  StderrCapture c(8);
  c.append("HEAD");
  for (int i = 0; i < 1000; ++i) c.append("middle");
  c.append("TAIL");
  EXPECT_EQ(c.total(), 6008u);
  EXPECT_EQ(c.take(), "HEAD\n[... 6000 bytes dropped ...]\nTAIL");
}

TEST(StderrCapture, OneHugeWriteKeepsItsEnds) {
  StderrCapture c(8);
  c.append("0123" + std::string(1000, '-') + "wxyz");
  EXPECT_EQ(c.take(), "0123\n[... 1000 bytes dropped ...]\nwxyz");
}

TEST(StderrCapture, ControlBytesAreEscaped) {
  StderrCapture c(64);
  c.append(std::string("a\x1b[2Jb\0c\x7f\td\n", 12));
  EXPECT_EQ(c.take(), "a\\x1b[2Jb\\x00c\\x7f\td\n");
}

}  // namespace
}  // namespace tokcheck::conformance
