// One registration function per `tokcheck` subcommand, each in its own file
// (cmd_<name>.cc). main.cc only wires them up. Exit codes for every command:
// 0 success / valid, 1 invalid verdict or failed check, 2 bad usage or unreadable input;
// `conformance` also 130 when SIGINT/SIGTERM stopped the run.
#pragma once

#include <CLI/CLI.hpp>

namespace tokcheck::cli {

inline constexpr int kExitOk = 0;
inline constexpr int kExitInvalid = 1;
inline constexpr int kExitUsage = 2;
inline constexpr int kExitInterrupted = 130;

// Each returns nothing; the subcommand's callback sets `exit_code`.
void register_inspect(CLI::App& app, int& exit_code);
void register_build(CLI::App& app, int& exit_code);
void register_verify(CLI::App& app, int& exit_code);
void register_conformance(CLI::App& app, int& exit_code);
void register_serve(CLI::App& app, int& exit_code);
void register_simulate(CLI::App& app, int& exit_code);
void register_diagnose(CLI::App& app, int& exit_code);

}  // namespace tokcheck::cli
