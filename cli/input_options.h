// How build, verify and simulate name their request file and output format, the
// same in every command: --input FILE|- for the request, --json for JSON output.
// The old spelling "--json FILE" (request file) still works and says so on
// stderr: it meant input in these commands but output in inspect/diagnose.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace tokcheck::cli {

struct RequestOptions {
  std::string input;            // --input FILE|-
  std::string json_value;       // the value of a legacy "--json FILE"
  CLI::Option* json = nullptr;  // --json [FILE]
  CLI::Option* input_opt = nullptr;
};

void add_request_options(CLI::App& cmd, RequestOptions& o, const std::string& what);

struct ResolvedRequest {
  std::string path;
  bool json_output = false;
  bool legacy = false;  // "--json FILE" was used
};

// The request path and output format, after printing the deprecation note for
// the old spelling; throws UsageError when no request file was named.
ResolvedRequest resolve_request_options(const RequestOptions& o, std::string_view command);

}  // namespace tokcheck::cli
