// SDK and base-library versions as the seeds write them ("2.13.0", "2.17.1",
// "2.68.0"): up to three dot-separated decimal numbers, compared numerically.
#pragma once

#include <array>
#include <compare>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace tokcheck::lifecycle {

struct SdkVersion {
  std::array<int, 3> parts{};  // major, minor, patch; missing parts are 0

  // Written out, not defaulted: libc++ 14 (OSS-Fuzz's standard library, the
  // fuzz-libcxx preset) has no operator<=> for std::array.
  std::strong_ordering operator<=>(const SdkVersion& other) const {
    for (std::size_t i = 0; i < parts.size(); ++i) {
      if (const auto c = parts[i] <=> other.parts[i]; c != 0) return c;
    }
    return std::strong_ordering::equal;
  }
  bool operator==(const SdkVersion&) const = default;
  int major() const { return parts[0]; }
  std::string to_string() const;
};

// "2.13", "2.13.0" and "v2.13.0" parse; anything else (empty parts, letters,
// more than three parts, a part over 99999) is nullopt.
std::optional<SdkVersion> parse_version(std::string_view text);

// A version literal for tables: parse_version() that must succeed.
SdkVersion version_of(std::string_view text);

}  // namespace tokcheck::lifecycle
