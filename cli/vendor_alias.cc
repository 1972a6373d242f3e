#include "cli/vendor_alias.h"

#include <algorithm>
#include <array>
#include <cctype>

namespace tokcheck::cli {

std::string canonical_vendor(std::string_view name) {
  std::string lower(name);
  std::transform(lower.begin(), lower.end(), lower.begin(),
                 [](unsigned char c) { return static_cast<char>(std::tolower(c)); });
  static constexpr std::array<std::string_view, 4> kVolc{"volc", "volcengine", "bytedance",
                                                         "miniprogram"};
  if (std::find(kVolc.begin(), kVolc.end(), lower) != kVolc.end()) return "volc";
  return lower;
}

}  // namespace tokcheck::cli
