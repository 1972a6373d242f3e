// Helpers shared by the structure-aware (re-signing) custom mutators: a seeded
// generator and field mutators that favour the values checks compare against
// (boundaries around `now` and expiries, 0, all-ones), because a verifier's
// interesting branches sit at those boundaries, not at random points.
#pragma once

#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <random>
#include <string>
#include <string_view>
#include <vector>

// The engine's byte-level mutator: libFuzzer's, or the standalone driver's stand-in.
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace tokcheck::fuzz {

// Saturating int64 arithmetic for the anchors the mutators derive from a case.
// `now` and the claims come from the input (any int64), so `now - issue_ts` and
// `time + expire` can overflow; a mutator must not hit undefined behaviour on an
// input the target itself handles (a CI smoke once did: UBSan stopped the
// mutator, and libFuzzer wrote an empty crash file because no unit was running).
std::int64_t sat_add(std::int64_t a, std::int64_t b);
std::int64_t sat_sub(std::int64_t a, std::int64_t b);

class MutationRng {
 public:
  explicit MutationRng(unsigned seed) : engine_(seed) {}
  std::size_t below(std::size_t n) { return n == 0 ? 0 : engine_() % n; }
  bool one_in(std::size_t n) { return below(n) == 0; }
  std::uint32_t bits() { return static_cast<std::uint32_t>(engine_()); }

 private:
  std::mt19937 engine_;
};

// A new value for an integer field: near one of `anchors` (−2…+2), a small step
// from the current value, an edge value of the type, or random bits.
std::int64_t mutate_int(std::int64_t value, MutationRng& rng,
                        std::initializer_list<std::int64_t> anchors, std::int64_t min,
                        std::int64_t max);
std::uint32_t mutate_u32(std::uint32_t value, MutationRng& rng,
                         std::initializer_list<std::int64_t> anchors);

// A new string: the engine's byte mutation of `value` (bounded by `max_len`), or
// one of `pool` (other values in the same case, so bindings can be made to match).
std::string mutate_string(const std::string& value, MutationRng& rng,
                          const std::vector<std::string>& pool, std::size_t max_len = 64);

// A u16 list "1,2,3" with an entry added, removed or changed.
std::vector<std::uint16_t> mutate_u16_list(std::vector<std::uint16_t> list, MutationRng& rng,
                                           std::initializer_list<std::uint16_t> likely);
std::string join_u16_list(const std::vector<std::uint16_t>& list);

}  // namespace tokcheck::fuzz
