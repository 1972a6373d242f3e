// PROVISIONAL: reads thresholds from seed 002 directly until
// reference/zego/sdk_versions.h (the one table of ZEGO versions) lands; then this
// file only adapts that table.
#include "reference/lifecycle/zego_caps.h"

#include <array>

namespace tokcheck::lifecycle {
namespace {

struct Row {
  std::string_view product, platform, token04_min;
};
constexpr auto kRows = std::to_array<Row>({
    {"express", "ios", "2.17.0"},
    {"express", "android", "2.17.0"},
    {"express", "macos", "2.17.0"},
    {"express", "windows", "2.17.0"},
    {"express", "unity3d", "2.17.0"},
    {"express", "flutter", "2.17.1"},
    {"express", "electron", "2.17.3"},
    {"express", "linux", "2.17.3"},
    {"express", "web", "0.0.0"},
    {"docsview", "ios", "2.3.0"},
    {"docsview", "android", "2.3.0"},
    {"docsview", "electron", "2.1.6"},
    {"superboard", "ios", "2.3.0"},
    {"superboard", "android", "2.3.0"},
});

}  // namespace

std::optional<ZegoCaps> zego_caps(std::string_view product, std::string_view platform,
                                  const SdkVersion& v) {
  for (const Row& r : kRows) {
    if (r.product != product || r.platform != platform) continue;
    ZegoCaps c;
    const bool web = platform == "web";
    c.code_platform = web ? "web" : "native";
    c.appsign = !web;
    if (product == "express") {
      c.token03 = web || v >= version_of("2.8.0");
      c.token04 = v >= version_of(r.token04_min);
      c.renew = web || v >= version_of("2.8.0");
      c.expiry_kick = !web && v >= version_of("2.13.0");
    } else {
      c.token_auth = v >= version_of(r.token04_min);
      c.token03 = c.token04 = c.renew = c.token_auth;
    }
    return c;
  }
  return std::nullopt;
}

std::string zego_platforms(std::string_view product) {
  std::string out;
  for (const Row& r : kRows) {
    if (r.product == product) out += (out.empty() ? "" : ", ") + std::string(r.platform);
  }
  return out;
}

}  // namespace tokcheck::lifecycle
