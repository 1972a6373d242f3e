// SDK and base-library versions as vendors write them ("2.12.3", "2.17", "2.68.0",
// "3.1.2.1234"), one type for every vendor: ZEGO's capability table, RongCloud's
// 1.x/2.x split and the Douyin mini-program base library all compare these.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace tokcheck {

// 1 to 4 dot-separated decimal components, missing ones 0, compared numerically
// component by component ("2.9.0" < "2.10.0", "2.17" == "2.17.0").
struct SdkVersion {
  std::uint32_t major = 0, minor = 0, patch = 0, build = 0;

  // Strict: each component 1 to 9 ASCII digits; no sign, no spaces, no "v" prefix,
  // no pre-release suffix. Inferred (no vendor states a grammar): every version the
  // seeds print has this shape, and a stricter reader turns a typo such as
  // "2.13.0-beta" into a usage error instead of a silent guess.
  static std::optional<SdkVersion> parse(std::string_view text);
  // A version literal in a table: constexpr, so a bad literal fails to compile.
  static consteval SdkVersion of(std::uint32_t major, std::uint32_t minor, std::uint32_t patch = 0,
                                 std::uint32_t build = 0) {
    return SdkVersion{major, minor, patch, build};
  }

  std::string str() const;  // "2.12.3"; the build component only when non-zero
  friend auto operator<=>(const SdkVersion&, const SdkVersion&) = default;
};

}  // namespace tokcheck
