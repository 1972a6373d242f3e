// A deliberate layering violation, never part of a shipped library: a codec-layer
// object that calls the lifecycle engine. The ctest layering_violation_fails_to_link
// builds it into a formats-layer archive and expects the link to fail, naming the
// engine's symbol: the proof that layer_check_formats would catch a real one.
#include "reference/lifecycle/simulate.h"

namespace tokcheck::layer_demo {

std::string codec_that_reaches_up() {
  return lifecycle::simulate_json(lifecycle::Json::object()).dump();
}

}  // namespace tokcheck::layer_demo
