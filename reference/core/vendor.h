// The vendors tokcheck knows, as a type: the list, names and titles live in
// vendors.def, once. Code that branches on a vendor switches on this enum, so a
// new vendor is a compile error (-Wswitch) wherever it is not handled yet.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string_view>

namespace tokcheck {

enum class Vendor : std::uint8_t {
#define TOKCHECK_VENDOR(id, name, title) id,
#include "reference/core/vendors.def"
};

inline constexpr Vendor kAllVendors[] = {
#define TOKCHECK_VENDOR(id, name, title) Vendor::id,
#include "reference/core/vendors.def"
};

namespace vendor_detail {
inline constexpr std::string_view kNames[] = {
#define TOKCHECK_VENDOR(id, name, title) name,
#include "reference/core/vendors.def"
};
inline constexpr std::string_view kTitles[] = {
#define TOKCHECK_VENDOR(id, name, title) title,
#include "reference/core/vendors.def"
};
}  // namespace vendor_detail

// "agora", ...; "unknown" for a value outside the enum.
constexpr std::string_view to_string(Vendor v) {
  const auto i = static_cast<std::size_t>(v);
  return i < std::size(vendor_detail::kNames) ? vendor_detail::kNames[i] : "unknown";
}

// "Agora RTC", ...; "unknown" for a value outside the enum.
constexpr std::string_view title(Vendor v) {
  const auto i = static_cast<std::size_t>(v);
  return i < std::size(vendor_detail::kTitles) ? vendor_detail::kTitles[i] : "unknown";
}

// The vendor named exactly `name` (aliases such as "volcengine" are the CLI's).
constexpr std::optional<Vendor> vendor_from_string(std::string_view name) {
  for (const Vendor v : kAllVendors) {
    if (to_string(v) == name) return v;
  }
  return std::nullopt;
}

}  // namespace tokcheck
