// What the vendors' own token builders fill in by themselves (random salt, nonce
// and IV, issue time = now, Agora 007 expire = 900), so that a `tokcheck build`
// request needs only the fields a person actually chooses. Each default and its
// source is listed in build_defaults.cc.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

// Fills the absent defaultable fields of a build `request` for `scheme` and
// returns their names, in request order ("defaulted" in build's output).
std::vector<std::string> apply_build_defaults(schemes::Json& request, std::string_view scheme,
                                              std::int64_t now);

}  // namespace tokcheck::cli
