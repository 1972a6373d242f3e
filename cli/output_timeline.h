// One lifecycle output (docs/SEMANTICS.md "Outputs") as a line for people: what
// `simulate --text` prints per output and `simulate --compare` per difference.
// The text is not escaped yet: callers pass it through printable().
#pragma once

#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

std::string describe_output(const schemes::Json& output);

}  // namespace tokcheck::cli
