// The `tokcheck` command line itself (cli/run.h: what main() runs), so the fuzzer
// sees exactly the user's output path: the request checks, the token repairs,
// safe_dump() for JSON and printable() for text. Input: byte 0 picks the command,
// byte 1 bit 0 adds --json, the rest is the token argument or standard input:
//   0 inspect TOKEN        1 inspect - (stdin)      2 verify --input -
//   3 build --input -      4 diagnose --token TOKEN 5 simulate --input -
// Invariants: the exit code is 0, 1 or 2 (an escaped exception would abort), and
// with --json every exit-0/1 answer on stdout is one parseable JSON document.
#include <cstddef>
#include <cstdint>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "fuzz/common/fuzz_check.h"
#include "reference/schemes/scheme.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size < 2) return 0;
  const unsigned mode = data[0] % 6;
  const bool json = (data[1] & 1) != 0;
  const std::string payload(reinterpret_cast<const char*>(data + 2), size - 2);
  // A command-line argument ends at its first NUL, as execve would cut it.
  const std::string arg = payload.substr(0, payload.find('\0'));
  std::vector<std::string> args{"tokcheck"};
  std::string stdin_text;
  switch (mode) {
    case 0:
      args.insert(args.end(), {"inspect", arg, "--now", "1700000000"});
      break;
    case 1:
      args.insert(args.end(), {"inspect", "-", "--now", "1700000000"});
      stdin_text = payload;
      break;
    case 2:
      args.insert(args.end(), {"verify", "--input", "-"});
      stdin_text = payload;
      break;
    case 3:
      args.insert(args.end(), {"build", "--input", "-", "--now", "1700000000"});
      stdin_text = payload;
      break;
    case 4:
      args.insert(args.end(),
                  {"diagnose", "--token", arg, "--app-id", "970CA35de60c44645bbae8a215061b33",
                   "--channel", "c", "--uid", "1", "--now", "1700000000"});
      break;
    default:
      args.insert(args.end(), {"simulate", "--input", "-"});
      stdin_text = payload;
      break;
  }
  if (json) args.push_back("--json");

  const auto [rc, out, err] = tokcheck::cli::run_tokcheck_captured(args, stdin_text);

  TOKCHECK_FUZZ_CHECK(rc >= 0 && rc <= 2, "exit code outside 0..2");
  if (json && rc != 2 && !out.empty()) {
    TOKCHECK_FUZZ_CHECK(!tokcheck::schemes::Json::parse(out, nullptr, false).is_discarded(),
                        "--json output is not one JSON document");
  }
  return 0;
}
