#include "conformance/lib/scenario_hook.h"

#include "reference/lifecycle/simulate.h"

namespace tokcheck::conformance {

schemes::Json run_scenario(const schemes::Json& scenario) {
  return lifecycle::simulate_json(scenario);
}

}  // namespace tokcheck::conformance
