#include "reference/vendors/zego/sdk_versions.h"

#include <array>

namespace tokcheck::zego {
namespace {

using codes::Basis;
using P = SdkProduct;
using Pf = SdkPlatform;
using F = SdkFeature;

constexpr std::string_view kSeed002 =
    "seed 002_0acf9ebd17163d1c.txt (文档导读; token03/token04 warning under 生成 Token)";
constexpr std::string_view kSeed002Guide = "seed 002_0acf9ebd17163d1c.txt (文档导读)";
constexpr std::string_view kSeed000 =
    "seed 000_8bca4052b8130c0a.txt (注意事项); token-formats.md ZEGO §4, "
    "https://www.zegocloud.com/docs/faq/token-error-codes";

constexpr std::string_view kToken04Note =
    "seed 002 lists this as the version that supports Token authentication without AppSign; "
    "that this means token04 is stated for iOS only (2.17.0) and inferred for the others";
constexpr std::string_view kToken03Note =
    "seed 002 states token03 support from 2.8.0 with iOS as the example; the other native "
    "platforms share Express's version line (inferred)";
constexpr std::string_view kNativeNote =
    "seed 000 describes Native = Android, iOS, macOS and Windows";
constexpr std::string_view kKickNote =
    "2.8.0-2.12.0: not kicked out, current streams unaffected, the next publish/play fails; "
    ">= 2.13.0: kicked out and publishing stopped only when ZEGO support configured the "
    "expiry mechanism, otherwise as before";
constexpr std::string_view kProductNote =
    "seed 002 gives the version for Token authentication; token04 is inferred (the upgrade "
    "guide generates tokens with the token04 zego_server_assistant)";

// clang-format off
constexpr auto kTable = std::to_array<SdkRequirement>({
    // Express: token03 (seed 002 warning, iOS as the example).
    {P::kExpress, Pf::kIos,     F::kToken03, "2.8.0", "", false, Basis::kDocumented, kSeed002, "stated with iOS as the example"},
    {P::kExpress, Pf::kAndroid, F::kToken03, "2.8.0", "", false, Basis::kInferred, kSeed002, kToken03Note},
    {P::kExpress, Pf::kMacos,   F::kToken03, "2.8.0", "", false, Basis::kInferred, kSeed002, kToken03Note},
    {P::kExpress, Pf::kWindows, F::kToken03, "2.8.0", "", false, Basis::kInferred, kSeed002, kToken03Note},
    // Express: token04 / Token authentication (seed 002 文档导读 + warning).
    {P::kExpress, Pf::kIos,          F::kToken04, "2.17.0", "", false, Basis::kDocumented, kSeed002, "token04: only 2.17.0 and later (iOS example)"},
    {P::kExpress, Pf::kAndroid,      F::kToken04, "2.17.0", "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    {P::kExpress, Pf::kMacos,        F::kToken04, "2.17.0", "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    {P::kExpress, Pf::kWindows,      F::kToken04, "2.17.0", "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    {P::kExpress, Pf::kUnity3d,      F::kToken04, "2.17.0", "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    {P::kExpress, Pf::kFlutter,      F::kToken04, "2.17.1", "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    {P::kExpress, Pf::kReactNative,  F::kToken04, "0.17.0", "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    {P::kExpress, Pf::kUniapp,       F::kToken04, "1.5.0",  "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    {P::kExpress, Pf::kElectron,     F::kToken04, "2.17.3", "", false, Basis::kInferred, kSeed002Guide,
     "seed 002 also notes that from 2.17.3 Electron no longer receives an appSign"},
    {P::kExpress, Pf::kLinux,        F::kToken04, "2.17.3", "", false, Basis::kInferred, kSeed002Guide, kToken04Note},
    // Express native: renewToken / onRoomTokenWillExpire and the expiry behaviour.
    {P::kExpress, Pf::kIos,     F::kRenewToken, "2.8.0", "", false, Basis::kDocumented, kSeed000, kNativeNote},
    {P::kExpress, Pf::kAndroid, F::kRenewToken, "2.8.0", "", false, Basis::kDocumented, kSeed000, kNativeNote},
    {P::kExpress, Pf::kMacos,   F::kRenewToken, "2.8.0", "", false, Basis::kDocumented, kSeed000, kNativeNote},
    {P::kExpress, Pf::kWindows, F::kRenewToken, "2.8.0", "", false, Basis::kDocumented, kSeed000, kNativeNote},
    {P::kExpress, Pf::kIos,     F::kKickOutOnExpiry, "2.13.0", "", true, Basis::kDocumented, kSeed000, kKickNote},
    {P::kExpress, Pf::kAndroid, F::kKickOutOnExpiry, "2.13.0", "", true, Basis::kDocumented, kSeed000, kKickNote},
    {P::kExpress, Pf::kMacos,   F::kKickOutOnExpiry, "2.13.0", "", true, Basis::kDocumented, kSeed000, kKickNote},
    {P::kExpress, Pf::kWindows, F::kKickOutOnExpiry, "2.13.0", "", true, Basis::kDocumented, kSeed000, kKickNote},
    // Other products (seed 002 文档导读).
    {P::kLocalRecording, Pf::kLinux, F::kToken04, "ga01596a1c8", "2022-03-23", false, Basis::kInferred, kSeed002Guide,
     "the version is a build tag, not x.y.z: queries answer unknown; " "token04 inferred"},
    {P::kSuperBoard, Pf::kIos,      F::kToken04, "2.3.0", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
    {P::kSuperBoard, Pf::kAndroid,  F::kToken04, "2.3.0", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
    {P::kWhiteboard, Pf::kIos,      F::kToken04, "2.3.0", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
    {P::kWhiteboard, Pf::kAndroid,  F::kToken04, "2.3.0", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
    {P::kWhiteboard, Pf::kElectron, F::kToken04, "2.1.6", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
    {P::kDocsView, Pf::kIos,      F::kToken04, "2.3.0", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
    {P::kDocsView, Pf::kAndroid,  F::kToken04, "2.3.0", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
    {P::kDocsView, Pf::kElectron, F::kToken04, "2.1.6", "2022-05-26", false, Basis::kInferred, kSeed002Guide, kProductNote},
});
// clang-format on

template <typename Enum, std::size_t N>
std::optional<Enum> lookup(const std::array<std::pair<Enum, std::string_view>, N>& names,
                           std::string_view s) {
  for (const auto& [e, name] : names) {
    if (name == s) return e;
  }
  return std::nullopt;
}

template <typename Enum, std::size_t N>
std::string_view name_of(const std::array<std::pair<Enum, std::string_view>, N>& names, Enum e) {
  for (const auto& [v, name] : names) {
    if (v == e) return name;
  }
  return "unknown";
}

constexpr std::array<std::pair<SdkProduct, std::string_view>, 5> kProducts{{
    {P::kExpress, "express"},
    {P::kLocalRecording, "local_recording"},
    {P::kSuperBoard, "superboard"},
    {P::kWhiteboard, "whiteboard"},
    {P::kDocsView, "docsview"},
}};
constexpr std::array<std::pair<SdkPlatform, std::string_view>, 10> kPlatforms{{
    {Pf::kIos, "ios"},
    {Pf::kAndroid, "android"},
    {Pf::kMacos, "macos"},
    {Pf::kWindows, "windows"},
    {Pf::kUnity3d, "unity3d"},
    {Pf::kFlutter, "flutter"},
    {Pf::kReactNative, "react_native"},
    {Pf::kUniapp, "uniapp"},
    {Pf::kElectron, "electron"},
    {Pf::kLinux, "linux"},
}};
constexpr std::array<std::pair<SdkFeature, std::string_view>, 4> kFeatures{{
    {F::kToken03, "token03"},
    {F::kToken04, "token04"},
    {F::kRenewToken, "renew_token"},
    {F::kKickOutOnExpiry, "kick_out_on_expiry"},
}};

}  // namespace

std::span<const SdkRequirement> sdk_requirements() { return kTable; }

const SdkRequirement* find_requirement(SdkProduct product, SdkPlatform platform,
                                       SdkFeature feature) {
  for (const SdkRequirement& r : kTable) {
    if (r.product == product && r.platform == platform && r.feature == feature) return &r;
  }
  return nullptr;
}

Support sdk_supports(SdkProduct product, SdkPlatform platform, SdkFeature feature,
                     const SdkVersion& version) {
  const SdkRequirement* r = find_requirement(product, platform, feature);
  if (r == nullptr) return Support::kUnknown;
  const std::optional<SdkVersion> since = SdkVersion::parse(r->since);
  if (!since) return Support::kUnknown;
  return version >= *since ? Support::kYes : Support::kNo;
}

std::string_view to_string(SdkProduct p) { return name_of(kProducts, p); }
std::string_view to_string(SdkPlatform p) { return name_of(kPlatforms, p); }
std::string_view to_string(SdkFeature f) { return name_of(kFeatures, f); }
std::string_view to_string(Support s) {
  switch (s) {
    case Support::kYes:
      return "yes";
    case Support::kNo:
      return "no";
    case Support::kUnknown:
      return "unknown";
  }
  return "unknown";
}
std::optional<SdkProduct> sdk_product_from_string(std::string_view s) {
  return lookup(kProducts, s);
}
std::optional<SdkPlatform> sdk_platform_from_string(std::string_view s) {
  return lookup(kPlatforms, s);
}
std::optional<SdkFeature> sdk_feature_from_string(std::string_view s) {
  return lookup(kFeatures, s);
}

}  // namespace tokcheck::zego
