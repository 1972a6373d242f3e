// tokcheck simulate --input FILE|-  → runs a token lifecycle scenario
// (docs/SEMANTICS.md) and prints {"outputs": [...]} (also with --json); --text
// prints the same outputs as a timeline for people. Exit 0, or 2 for an invalid
// scenario. --compare PROFILE_A PROFILE_B shows what changes between two
// profiles (cli/simulate_compare.h). --html FILE also writes the scenario drawn on
// a time axis as a self-contained page (cli/simulate_html.h).
#include <fstream>
#include <iostream>
#include <memory>
#include <string>
#include <vector>

#include "cli/commands.h"
#include "cli/guard.h"
#include "cli/input_options.h"
#include "cli/io.h"
#include "cli/output_timeline.h"
#include "cli/request_input.h"
#include "cli/simulate_compare.h"
#include "cli/simulate_html.h"
#include "cli/text_escape.h"
#include "reference/lifecycle/simulate.h"
#include "reference/schemes/json_output.h"

namespace tokcheck::cli {

void register_simulate(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand(
      "simulate", "Run a token lifecycle scenario (profile + events) and print the SDK's outputs");
  auto request = std::make_shared<RequestOptions>();
  auto text = std::make_shared<bool>(false);
  auto compare = std::make_shared<std::vector<std::string>>();
  auto vectors = std::make_shared<std::string>();
  auto html = std::make_shared<std::string>();
  add_request_options(*cmd, *request, "scenario");
  cmd->add_flag("--text", *text, "print a readable timeline instead of JSON");
  cmd->add_option("--compare", *compare,
                  "PROFILE_A PROFILE_B: run the scenario (or, without --input, every vector "
                  "scenario of the vendor they name) under both and print what changes; each "
                  "is key=value[,key=value], a JSON object or @FILE merged into the scenario's "
                  "profile. Exit 1 when something differs")
      ->expected(2)
      ->allow_extra_args(false);
  cmd->add_option("--vectors", *vectors,
                  "vectors root for --compare without --input (default: the installed vectors)");
  cmd->add_option("--html", *html,
                  "FILE: also write the scenario as a timeline page (token spans, calls, "
                  "callbacks, kick-outs) that opens in any browser");
  cmd->callback([request, text, compare, vectors, html, &exit_code] {
    exit_code = guarded("simulate", [&] {
      if (!compare->empty()) {
        if (*text) throw schemes::UsageError("--compare prints text already; drop --text");
        if (!html->empty()) throw schemes::UsageError("--html draws one scenario; drop --compare");
        CompareRequest r{(*compare)[0], (*compare)[1], request->input, *vectors,
                         request->json->count() > 0};
        if (!request->json_value.empty()) {
          throw schemes::UsageError("--compare reads the scenario from --input FILE");
        }
        return run_simulate_compare(r);
      }
      if (!vectors->empty()) throw schemes::UsageError("--vectors goes with --compare");
      const ResolvedRequest src = resolve_request_options(*request, "simulate");
      if (*text && src.json_output && !src.legacy) {
        throw schemes::UsageError("give --text or --json, not both");
      }
      const Json scenario = read_request(src.path);
      const Json result = lifecycle::simulate_json(scenario);
      if (!html->empty()) {
        std::ofstream page(*html, std::ios::binary | std::ios::trunc);
        page << render_simulate_html(scenario, result);
        page.close();
        if (!page) throw schemes::UsageError("--html: cannot write \"" + *html + "\"");
      }
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
