// The whole `tokcheck` command line as a function: main() calls it, and so do
// the in-process CLI tests (cli/tests/), so they exercise exactly the user's
// code path. Reads std::cin, writes std::cout/std::cerr; returns 0, 1 or 2.
#pragma once

#include <string>
#include <vector>

namespace tokcheck::cli {

int run_tokcheck(int argc, const char* const* argv);

// run_tokcheck with `stdin_text` as standard input and standard output and
// error captured (the streams are restored afterwards): the CLI fuzzer and the
// random-input test drive the command exactly as a user does, in process.
struct CapturedRun {
  int exit_code = 0;
  std::string out;
  std::string err;
};
CapturedRun run_tokcheck_captured(const std::vector<std::string>& args,
                                  const std::string& stdin_text);

}  // namespace tokcheck::cli
