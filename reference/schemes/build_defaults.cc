#include "reference/schemes/build_defaults.h"

namespace tokcheck::schemes {

void DefaultFiller::fill(std::string_view key, const Json& value) {
  if (request_.contains(key)) return;
  request_[std::string(key)] = value;
  filled_.emplace_back(key);
}

std::vector<std::string> apply_build_defaults(Json& request, const Scheme& scheme,
                                              std::int64_t now) {
  DefaultFiller f(request, now);
  scheme.fill_build_defaults(f);
  return f.filled();
}

}  // namespace tokcheck::schemes
