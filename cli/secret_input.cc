#include "cli/secret_input.h"

#include <cstdlib>
#include <fstream>
#include <iostream>

#include "cli/text_escape.h"
#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

void add_secret_options(CLI::App& cmd, SecretArgs& args, bool with_value) {
  if (with_value) {
    cmd.add_option("--secret", args.value,
                   "the secret itself (visible to ps; prefer --secret-file or --secret-env)");
  }
  cmd.add_option("--secret-file", args.file,
                 "read the secret from the first line of FILE (- for standard input)");
  cmd.add_option("--secret-env", args.env, "read the secret from environment variable NAME");
}

std::optional<std::string> read_secret(const SecretArgs& args) {
  const int given =
      int{args.value.has_value()} + int{args.file.has_value()} + int{args.env.has_value()};
  if (given > 1) {
    throw schemes::UsageError("give one of --secret, --secret-file, --secret-env");
  }
  if (args.value) return args.value;
  if (args.env) {
    const char* v = std::getenv(args.env->c_str());
    if (!v) {
      throw schemes::UsageError("--secret-env: environment variable " + printable(*args.env) +
                                " is not set");
    }
    return std::string(v);
  }
  if (args.file) {
    std::string line;
    if (*args.file == "-") {
      std::getline(std::cin, line);
    } else {
      std::ifstream in(*args.file);
      if (!in) throw schemes::UsageError("--secret-file: cannot read " + printable(*args.file));
      std::getline(in, line);
    }
    if (!line.empty() && line.back() == '\r') line.pop_back();  // a file saved on Windows
    return line;
  }
  return std::nullopt;
}

}  // namespace tokcheck::cli
