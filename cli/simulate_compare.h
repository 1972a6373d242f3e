// `tokcheck simulate --compare PROFILE_A PROFILE_B [--input SCENARIO]`: what an
// SDK upgrade (or any profile change) changes in what users see. With --input,
// one scenario; without, every scenario of the vendor named in the profiles
// from the lifecycle vectors. Exit 0 when nothing differs, 1 when something
// does (as diff(1)), 2 for bad usage or when no scenario could be compared.
//
// A PROFILE is a merge patch of the scenario's profile, written as
//   key=value[,key=value...]   (true / false become booleans, the rest strings)
//   {"key": value, ...}        (JSON)
//   @FILE                      (a JSON object in a file)
#pragma once

#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

struct CompareRequest {
  std::string profile_a;
  std::string profile_b;
  std::string input;    // a scenario file, "-" for stdin, or "" for every vendor scenario
  std::string vectors;  // the vectors root ("" = the installed default)
  bool json = false;
};

// Parses one PROFILE argument; throws schemes::UsageError naming it.
schemes::Json parse_profile_patch(const std::string& argument, const char* which);

int run_simulate_compare(const CompareRequest& request);

}  // namespace tokcheck::cli
