#include "fuzz/common/case_mutations.h"

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <utility>

namespace tokcheck::fuzz {

Base64Mode case_base64(const VerifyCase& c) {
  return c.get("base64") == "lenient" ? Base64Mode::kLenient : Base64Mode::kStrict;
}

std::int64_t case_now(const VerifyCase& c) {
  return std::clamp<std::int64_t>(c.get_int("now").value_or(0), INT64_MIN / 2, INT64_MAX / 2);
}

void toggle_lenient_base64(VerifyCase& c) {
  if (case_base64(c) == Base64Mode::kLenient) {
    c.erase("base64");
  } else {
    c.set("base64", "lenient");
  }
}

void mutate_required_privileges(VerifyCase& c, MutationRng& rng,
                                std::initializer_list<std::uint16_t> likely) {
  c.set("privileges", join_u16_list(mutate_u16_list(c.get_u16_list("privileges"), rng, likely)));
}

void mutate_binding(VerifyCase& c, MutationRng& rng, std::initializer_list<std::string_view> keys,
                    const std::vector<std::string>& pool) {
  const std::string_view key = std::data(keys)[rng.below(keys.size())];
  if (rng.one_in(3)) {
    c.erase(key);
  } else {
    c.set(key, mutate_string(std::string(c.get(key).value_or("")), rng, pool));
  }
}

bool resigned(VerifyCase& c, std::string token, std::int64_t now) {
  c.token = std::move(token);
  c.set("now", std::to_string(now));
  return true;
}

}  // namespace tokcheck::fuzz
