// tokcheck simulate --input FILE|-  → runs a token lifecycle scenario
// (docs/SEMANTICS.md) and prints {"outputs": [...]} (also with --json); --text
// prints the same outputs as a timeline for people. Exit 0, or 2 for an invalid
// scenario.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/guard.h"
#include "cli/input_options.h"
#include "cli/io.h"
#include "cli/request_input.h"
#include "cli/text_escape.h"
#include "reference/lifecycle/simulate.h"
#include "reference/schemes/json_output.h"

namespace tokcheck::cli {
namespace {

std::string describe_output(const Json& o) {
  const std::string kind = o.value("kind", "");
  std::string line;
  if (kind == "result") {
    line = o.value("call", "") + " → " +
           (o.value("ok", false) ? "ok" : "failed: " + o.value("reason", ""));
    if (o.contains("codes")) {
      for (const Json& c : o["codes"])
        line += " [" + schemes::safe_dump(c["code"]) + " " + c.value("name", "") + "]";
    }
    if (o.contains("via")) line += " via " + o.value("via", "");
  } else if (kind == "callback") {
    line = "callback " + o.value("name", "");
    if (o.contains("remaining")) line += " (" + schemes::safe_dump(o["remaining"]) + " s left)";
    if (o.contains("errMsg")) line += " {errMsg: " + schemes::safe_dump(o["errMsg"]);
    if (o.contains("errNo")) line += ", errNo: " + schemes::safe_dump(o["errNo"]);
    if (o.contains("errorCode")) line += ", errorCode: " + schemes::safe_dump(o["errorCode"]);
    if (o.contains("errMsg")) line += "}";
  } else if (kind == "kicked_out") {
    line = "kicked out (" + o.value("reason", "") + ")";
    for (const Json& c : o["codes"])
      line += " [" + schemes::safe_dump(c["code"]) + " " + c.value("name", "") + "]";
  } else if (kind == "stream_stopped") {
    line = "stream " + o.value("stream", "") + " stopped (" + o.value("reason", "") + ")";
  } else if (kind == "clock_ignored") {
    line = "clock would go back to " + schemes::safe_dump(o["requested"]) + ": ignored";
  } else {
    line = schemes::safe_dump(o);
  }
  return line;
}

}  // namespace

void register_simulate(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "simulate", "Run a token lifecycle scenario (profile + events) and print the SDK's outputs");
  auto request = std::make_shared<RequestOptions>();
  auto text = std::make_shared<bool>(false);
  add_request_options(*cmd, *request, "scenario");
  cmd->add_flag("--text", *text, "print a readable timeline instead of JSON");
  cmd->callback([request, text, &exit_code] {
    exit_code = guarded("simulate", [&] {
      const ResolvedRequest src = resolve_request_options(*request, "simulate");
      if (*text && src.json_output && !src.legacy) {
        throw schemes::UsageError("give --text or --json, not both");
      }
      const Json scenario = read_request(src.path);
      const Json result = lifecycle::simulate_json(scenario);
      if (*text) {
        const std::int64_t start = scenario.value("start", std::int64_t{0});
        for (const Json& o : result["outputs"]) {
          const std::int64_t at = o["at"].get<std::int64_t>();
          std::cout << format_utc(at) << "  (" << format_offset(at, start) << " s)  "
                    << printable(describe_output(o)) << "\n";
        }
      } else {
        std::cout << schemes::safe_dump(result, 2) << "\n";
      }
      return kExitOk;
    });
  });
}

}  // namespace tokcheck::cli
