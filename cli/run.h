// The whole `tokcheck` command line as a function: main() calls it, and so do
// the in-process CLI tests (cli/tests/), so they exercise exactly the user's
// code path. Reads std::cin, writes std::cout/std::cerr; returns 0, 1 or 2.
#pragma once

namespace tokcheck::cli {

int run_tokcheck(int argc, const char* const* argv);

}  // namespace tokcheck::cli
