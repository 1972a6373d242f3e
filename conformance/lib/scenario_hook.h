// Runs a lifecycle scenario for the protocol's "scenario" operation
// (reference/lifecycle, docs/SEMANTICS.md). Returns {"outputs": [...]}; throws
// schemes::UsageError for an invalid scenario.
#pragma once

#include "reference/schemes/scheme.h"

namespace tokcheck::conformance {

schemes::Json run_scenario(const schemes::Json& scenario);

}  // namespace tokcheck::conformance
