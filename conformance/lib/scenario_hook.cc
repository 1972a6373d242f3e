#include "conformance/lib/scenario_hook.h"

#if __has_include("reference/lifecycle/simulate.h")
#include "reference/lifecycle/simulate.h"
#define TOKCHECK_HAVE_LIFECYCLE 1
#endif

namespace tokcheck::conformance {

schemes::Json run_scenario(const schemes::Json& scenario) {
#ifdef TOKCHECK_HAVE_LIFECYCLE
  return lifecycle::simulate_json(scenario);
#else
  (void)scenario;
  throw schemes::UsageError("this build has no lifecycle engine");
#endif
}

}  // namespace tokcheck::conformance
