#include "reference/core/sdk_version.h"

#include <charconv>

namespace tokcheck {

std::optional<SdkVersion> SdkVersion::parse(std::string_view text) {
  std::uint32_t parts[4] = {0, 0, 0, 0};
  std::size_t count = 0;
  while (true) {
    const std::size_t dot = text.find('.');
    const std::string_view piece = text.substr(0, dot);
    // Nine digits always fit in 32 bits, so from_chars cannot overflow here.
    if (count == 4 || piece.empty() || piece.size() > 9) return std::nullopt;
    std::uint32_t v = 0;
    const auto [end, ec] = std::from_chars(piece.data(), piece.data() + piece.size(), v);
    if (ec != std::errc() || end != piece.data() + piece.size()) return std::nullopt;
    parts[count++] = v;
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
  }
  return SdkVersion{parts[0], parts[1], parts[2], parts[3]};
}

std::string SdkVersion::str() const {
  std::string out =
      std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
  if (build != 0) out += "." + std::to_string(build);
  return out;
}

}  // namespace tokcheck
