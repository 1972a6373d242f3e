// tokcheck simulate --json FILE|-  → runs a token lifecycle scenario
// (docs/SEMANTICS.md) and prints {"outputs": [...]}; --text prints the same
// outputs as a timeline for people. Exit 0, or 2 for an invalid scenario.
#include <iostream>
#include <memory>
#include <string>

#include "cli/commands.h"
#include "cli/io.h"
#include "reference/lifecycle/simulate.h"

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
        line += " [" + c["code"].dump() + " " + c.value("name", "") + "]";
    }
    if (o.contains("via")) line += " via " + o.value("via", "");
  } else if (kind == "callback") {
    line = "callback " + o.value("name", "");
    if (o.contains("remaining")) line += " (" + o["remaining"].dump() + " s left)";
    if (o.contains("errMsg")) line += " {errMsg: " + o["errMsg"].dump();
    if (o.contains("errNo")) line += ", errNo: " + o["errNo"].dump();
    if (o.contains("errorCode")) line += ", errorCode: " + o["errorCode"].dump();
    if (o.contains("errMsg")) line += "}";
  } else if (kind == "kicked_out") {
    line = "kicked out (" + o.value("reason", "") + ")";
    for (const Json& c : o["codes"])
      line += " [" + c["code"].dump() + " " + c.value("name", "") + "]";
  } else if (kind == "stream_stopped") {
    line = "stream " + o.value("stream", "") + " stopped (" + o.value("reason", "") + ")";
  } else if (kind == "clock_ignored") {
    line = "clock would go back to " + o["requested"].dump() + ": ignored";
  } else {
    line = o.dump();
  }
  return line;
}

}  // namespace

void register_simulate(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "simulate", "Run a token lifecycle scenario (profile + events) and print the SDK's outputs");
  auto path = std::make_shared<std::string>();
  auto text = std::make_shared<bool>(false);
  cmd->add_option("--json", *path, "scenario JSON file, or - for standard input")->required();
  cmd->add_flag("--text", *text, "print a readable timeline instead of JSON");
  cmd->callback([path, text, &exit_code] {
    try {
      const Json scenario = read_json_arg(*path);
      const Json result = lifecycle::simulate_json(scenario);
      if (*text) {
        const std::int64_t start = scenario.value("start", std::int64_t{0});
        for (const Json& o : result["outputs"]) {
          const std::int64_t at = o["at"].get<std::int64_t>();
          std::cout << format_utc(at) << "  (+" << (at - start) << " s)  " << describe_output(o)
                    << "\n";
        }
      } else {
        std::cout << result.dump(2) << "\n";
      }
      exit_code = kExitOk;
    } catch (const schemes::UsageError& e) {
      std::cerr << "tokcheck simulate: " << e.what() << "\n";
      exit_code = kExitUsage;
    }
  });
}

}  // namespace tokcheck::cli
