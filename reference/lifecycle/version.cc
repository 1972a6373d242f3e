#include "reference/lifecycle/version.h"

#include <charconv>
#include <stdexcept>

namespace tokcheck::lifecycle {

std::string SdkVersion::to_string() const {
  return std::to_string(parts[0]) + "." + std::to_string(parts[1]) + "." + std::to_string(parts[2]);
}

std::optional<SdkVersion> parse_version(std::string_view text) {
  if (text.starts_with('v')) text.remove_prefix(1);
  SdkVersion v;
  std::size_t index = 0;
  while (true) {
    if (index == v.parts.size()) return std::nullopt;
    const std::size_t dot = text.find('.');
    const std::string_view part = text.substr(0, dot);
    int n = 0;
    const auto [end, ec] = std::from_chars(part.data(), part.data() + part.size(), n);
    if (part.empty() || ec != std::errc() || end != part.data() + part.size() || n < 0 ||
        n > 99999) {
      return std::nullopt;
    }
    v.parts[index++] = n;
    if (dot == std::string_view::npos) break;
    text.remove_prefix(dot + 1);
  }
  return v;
}

SdkVersion version_of(std::string_view text) {
  const auto v = parse_version(text);
  if (!v) throw std::logic_error("bad version literal");
  return *v;
}

}  // namespace tokcheck::lifecycle
