// tokcheck serve  → the reference as a JSON-lines protocol server on
// stdin/stdout (docs/PROTOCOL.md): a working example of the protocol, and what
// `tokcheck conformance --impl "tokcheck serve"` exercises end to end.
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "conformance/lib/implementation.h"

namespace tokcheck::cli {

void register_serve(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("serve", "Answer protocol requests on stdin, one JSON per line");
  cmd->callback([&exit_code] {
    std::string line;
    while (std::getline(std::cin, line)) {
      if (line.empty()) continue;
      const conformance::Json request = conformance::Json::parse(line, nullptr, false);
      conformance::Json response;
      if (request.is_discarded() || !request.is_object()) {
        response = {{"id", nullptr}, {"usage_error", "each line must be one JSON object"}};
      } else {
        response = conformance::reference_response(request);
      }
      std::cout << response.dump() << "\n" << std::flush;
    }
    exit_code = kExitOk;
  });
}

}  // namespace tokcheck::cli
