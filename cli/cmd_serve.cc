// tokcheck serve  → the reference as a JSON-lines protocol server on
// stdin/stdout (docs/PROTOCOL.md): a working example of the protocol, and what
// `tokcheck conformance --impl "tokcheck serve"` exercises end to end.
#include <iostream>
#include <string>

#include "cli/commands.h"
#include "conformance/lib/implementation.h"
#include "reference/schemes/json_output.h"

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
        try {
          response = conformance::reference_response(request);
        } catch (const std::exception& e) {
          // One bad request must not end the server: the next one still gets its answer.
          response = {{"id", request.value("id", conformance::Json())},
                      {"usage_error", std::string("cannot answer: ") + e.what()}};
        }
      }
      // A token's decoded fields may hold bytes that are not UTF-8 (a GBK channel
      // name); safe_dump writes them as \xHH instead of throwing.
      std::cout << schemes::safe_dump(response) << "\n" << std::flush;
    }
    exit_code = kExitOk;
  });
}

}  // namespace tokcheck::cli
