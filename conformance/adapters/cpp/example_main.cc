// Example adapter: every handler calls the tokcheck reference in process.
//
// This is the file a porting team replaces: keep main()'s shape and register
// your own functions instead of reference_handler(...):
//
//   adapter.add("agora-007", "build", [](const std::string& scheme, const Json& input) {
//     return Json{{"token", my_port::build_007(input)}};
//   });
//
// A C++ port is a library, so its handlers are plain function calls; this one
// links tokcheck_conformance and calls conformance::reference_response, the
// same function behind `tokcheck serve`. (The Python and Node examples wrap a
// `tokcheck serve` child instead because they cannot link it.)
//
//   tokcheck_cpp_adapter [--only SCHEME:OP[,SCHEME:OP...]]
//
// --only registers just those handlers (the hello then declares only them).
#include <iostream>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "conformance/adapters/cpp/tokcheck_adapter.h"
#include "conformance/lib/implementation.h"

namespace {

using tokcheck_adapter::Json;

// The schemes and lifecycle vendors of the golden vectors (docs/PROTOCOL.md).
const std::vector<std::string> kTokenSchemes = {"agora-006", "agora-007", "zego-03",
                                                "zego-04",   "volc-001",  "tencent-usersig"};
const std::vector<std::string> kLifecycleSchemes = {"lifecycle-agora", "lifecycle-bytedance",
                                                    "lifecycle-rongcloud", "lifecycle-zego"};

tokcheck_adapter::Handler reference_handler(std::string op) {
  return [op](const std::string& scheme, const Json& input) {
    Json answer = tokcheck::conformance::reference_response(
        {{"id", 0}, {"op", op}, {"scheme", scheme}, {"input", input}});
    answer.erase("id");
    // The reference could not read the input: so could not we. Throwing is how
    // a handler says so (the loop answers usage_error).
    if (answer.contains("usage_error"))
      throw std::invalid_argument(answer["usage_error"].get<std::string>());
    return answer;
  };
}

std::set<std::string> split_pairs(std::string_view list) {
  std::set<std::string> pairs;
  std::stringstream in{std::string(list)};
  for (std::string pair; std::getline(in, pair, ',');) {
    if (!pair.empty()) pairs.insert(pair);
  }
  return pairs;
}

}  // namespace

int main(int argc, char** argv) {
  std::set<std::string> only;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (arg == "--only" && i + 1 < argc) {
      only = split_pairs(argv[++i]);
    } else {
      std::cerr << "usage: " << argv[0] << " [--only SCHEME:OP[,SCHEME:OP...]]\n";
      return 2;
    }
  }

  std::vector<std::pair<std::string, std::string>> pairs;
  for (const std::string& scheme : kTokenSchemes) {
    for (const char* op : {"build", "parse", "verify"}) pairs.emplace_back(scheme, op);
  }
  for (const std::string& scheme : kLifecycleSchemes) pairs.emplace_back(scheme, "scenario");

  tokcheck_adapter::Adapter adapter("cpp-example-adapter", "1.0.0");
  std::set<std::string> unknown = only;  // what --only names that no pair matches
  for (const auto& [scheme, op] : pairs) {
    const std::string pair = scheme + ":" + op;
    unknown.erase(pair);
    if (only.empty() || only.contains(pair)) adapter.add(scheme, op, reference_handler(op));
  }
  if (!unknown.empty()) {
    std::cerr << "--only: no such pair: " << *unknown.begin() << "\n";
    return 2;
  }
  // serve() flushes each answer itself: cin need not flush cout before every read.
  std::ios::sync_with_stdio(false);
  std::cin.tie(nullptr);
  return adapter.serve(std::cin, std::cout);
}
