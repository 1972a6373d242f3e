#include "cli/input_options.h"

#include <iostream>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

void add_request_options(CLI::App& cmd, RequestOptions& o, const std::string& what) {
  o.input_opt = cmd.add_option("--input", o.input, what + " JSON file, or - for standard input");
  o.json = cmd.add_option("--json", o.json_value,
                          "JSON output (old spelling \"--json FILE\": read the " + what +
                              " from FILE; use --input)")
               ->expected(0, 1);
}

ResolvedRequest resolve_request_options(const RequestOptions& o, std::string_view command) {
  ResolvedRequest r;
  r.json_output = o.json->count() > 0;
  if (r.json_output && !o.json_value.empty()) {
    if (o.input_opt->count() > 0) {
      throw schemes::UsageError(
          "give the request once: --input FILE (--json FILE is the old name)");
    }
    std::cerr << "tokcheck " << command << ": note: \"--json FILE\" is deprecated; use \"--input "
              << "FILE\" (and --json alone for JSON output)\n";
    r.path = o.json_value;
    r.legacy = true;
    return r;
  }
  if (o.input_opt->count() == 0) {
    throw schemes::UsageError(
        "give the request with --input FILE, or --input - for standard input");
  }
  r.path = o.input;
  return r;
}

}  // namespace tokcheck::cli
