// The token lifecycle engine (docs/SEMANTICS.md): a vendor profile and a
// time-ordered list of events in, the SDK's outputs out: callbacks (will expire,
// did expire / request token), kick-outs, stopped streams, and a result for every
// call with the vendor's code for that platform and version. Deterministic: a
// simulated clock, no sleeping, no wall clock.
//
//   {"profile": {...}, "start": <unix seconds>, "tokens": {name: token}, "events": [...]}
//     → {"outputs": [...]}
#pragma once

#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reference/lifecycle/fields.h"

namespace tokcheck::lifecycle {

class Session;

// The vendors a scenario profile may name; the protocol's scenario schemes are
// "lifecycle-<vendor>".
std::span<const std::string_view> lifecycle_vendors();

// Runs a whole scenario. Throws schemes::UsageError (naming the offending path)
// for an invalid scenario or an unknown profile combination. With `rules`, also
// appends the docs/SEMANTICS.md rule id behind each output ("" where the engine
// names none), one per output, in order.
Json simulate_json(const Json& scenario, std::vector<std::string>* rules = nullptr);

// The same engine one event at a time, for stateful property tests and tools.
// `scenario` supplies profile, start and tokens; its "events" are ignored.
class Simulator {
 public:
  explicit Simulator(const Json& scenario);
  ~Simulator();
  Simulator(Simulator&&) noexcept;
  Simulator& operator=(Simulator&&) noexcept;

  // Applies one event and returns the outputs it produced (timers that came due
  // before it first). `index` is echoed as "event" in results. `rules` as in
  // simulate_json.
  Json apply(const Json& event, int index, std::vector<std::string>* rules = nullptr);
  std::int64_t now() const;

 private:
  std::unique_ptr<Session> session_;
};

}  // namespace tokcheck::lifecycle
