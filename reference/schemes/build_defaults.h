// What the vendors' own token builders fill in by themselves (random salt, nonce
// and IV, issue time = now, Agora 007 expire = 900), so that a `tokcheck build`
// request needs only the fields a person actually chooses. Each scheme states its
// defaults, with their sources, in Scheme::fill_build_defaults beside its adapter;
// the fields it fills are the ones its request table marks Need::kDefaulted.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reference/schemes/scheme.h"

namespace tokcheck::schemes {

// Fills a build request's absent fields and remembers which.
class DefaultFiller {
 public:
  DefaultFiller(Json& request, std::int64_t now) : request_(request), now_(now) {}
  // Sets `key` to `value` unless the request already has it.
  void fill(std::string_view key, const Json& value);
  bool has(std::string_view key) const { return request_.contains(key); }
  const Json& request() const { return request_; }
  std::int64_t now() const { return now_; }
  // The names filled, in the order filled ("defaulted" in build's output).
  const std::vector<std::string>& filled() const { return filled_; }

 private:
  Json& request_;
  std::int64_t now_;
  std::vector<std::string> filled_;
};

// Fills the absent defaultable fields of a build `request` for `scheme` at `now`
// and returns their names.
std::vector<std::string> apply_build_defaults(Json& request, const Scheme& scheme,
                                              std::int64_t now);

}  // namespace tokcheck::schemes
