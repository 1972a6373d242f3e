// tokcheck: inspect, build and verify RTC/IM access tokens; run the conformance
// suite against the reference or another implementation. Everything is in
// run_tokcheck() so the in-process tests run the same code.
#include "cli/run.h"

int main(int argc, char** argv) { return tokcheck::cli::run_tokcheck(argc, argv); }
