// Secrets (App Certificate, ServerSecret, app key, key) without putting them on
// the command line, where `ps` and shell history show them. The spellings follow
// openssl's -pass file:/env: convention: --secret-file FILE (its first line;
// "-" is standard input) and --secret-env NAME. A secret is never printed.
#pragma once

#include <optional>
#include <string>

#include <CLI/CLI.hpp>

namespace tokcheck::cli {

struct SecretArgs {
  std::optional<std::string> value;  // --secret S (visible in ps; kept for scripts)
  std::optional<std::string> file;   // --secret-file FILE
  std::optional<std::string> env;    // --secret-env NAME
};

// Adds --secret-file and --secret-env (and --secret when `with_value`).
void add_secret_options(CLI::App& cmd, SecretArgs& args, bool with_value);

// The secret from whichever option was given (at most one), or nullopt.
// Throws schemes::UsageError when two are given or the file/variable is missing.
std::optional<std::string> read_secret(const SecretArgs& args);

}  // namespace tokcheck::cli
