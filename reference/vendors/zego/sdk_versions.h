// Which ZEGO SDK versions accept which token version and token features, as ONE
// table of data (sdk_versions.cc), each row citing its source. The lifecycle
// engine (reference/lifecycle/) asks it questions such as "does Express iOS 2.12.3
// accept token04?" or "does an expired token kick the user out on Android 2.13.0?".
//
// Sources: seed 002_0acf9ebd17163d1c.txt ("Express 如何从 AppSign 鉴权升级为 Token
// 鉴权？": versions per product/platform, token03 ≥ 2.8.0 and token04 ≥ 2.17.0 on
// iOS), seed 000_8bca4052b8130c0a.txt ("Express 如何处理 Token 相关错误码？":
// onRoomTokenWillExpire 30 s before expiry, renewToken, the 2.8.0–2.12.0 and
// ≥ 2.13.0 expiry behaviour) and token-formats.md ZEGO §4.
#pragma once

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "reference/codes/codes.h"
#include "reference/core/sdk_version.h"

namespace tokcheck::zego {

enum class SdkProduct : std::uint8_t {
  kExpress,         // 实时音视频 / 实时语音 (Express SDK)
  kLocalRecording,  // 本地服务端录制
  kSuperBoard,      // 超级白板
  kWhiteboard,      // 互动白板
  kDocsView,        // 文件共享 (ZegoDocsView)
};

enum class SdkPlatform : std::uint8_t {
  kIos,
  kAndroid,
  kMacos,
  kWindows,
  kUnity3d,
  kFlutter,
  kReactNative,
  kUniapp,
  kElectron,
  kLinux,
};

enum class SdkFeature : std::uint8_t {
  kToken03,          // accepts token03
  kToken04,          // accepts token04 (token authentication without AppSign)
  kRenewToken,       // renewToken + onRoomTokenWillExpire (fires 30 s before expiry)
  kKickOutOnExpiry,  // an unrenewed, expired token removes the user from the room and
                     // stops publishing — only where ZEGO support enabled it server-side
};

struct SdkRequirement {
  SdkProduct product;
  SdkPlatform platform;
  SdkFeature feature;
  std::string_view since;     // the first version with the feature, as the source spells it
  std::string_view released;  // release date when the source gives one, else ""
  bool needs_server_switch;   // ZEGO support must enable the behaviour for the app
  codes::Basis basis;         // documented / inferred (see note)
  std::string_view source;
  std::string_view note;
};

// The whole table, in a stable order (product, then platform, then feature).
std::span<const SdkRequirement> sdk_requirements();

// The row for (product, platform, feature), or nullptr when no source covers it.
const SdkRequirement* find_requirement(SdkProduct product, SdkPlatform platform,
                                       SdkFeature feature);

enum class Support : std::uint8_t {
  kYes,
  kNo,
  kUnknown,  // no row, or the row's version is not numeric (local recording's git tag)
};

// Whether `version` has `feature`: kYes when version >= since. For
// kKickOutOnExpiry a kYes still needs the server switch (needs_server_switch).
Support sdk_supports(SdkProduct product, SdkPlatform platform, SdkFeature feature,
                     const SdkVersion& version);

std::string_view to_string(SdkProduct p);
std::string_view to_string(SdkPlatform p);
std::string_view to_string(SdkFeature f);
std::string_view to_string(Support s);
std::optional<SdkProduct> sdk_product_from_string(std::string_view s);
std::optional<SdkPlatform> sdk_platform_from_string(std::string_view s);
std::optional<SdkFeature> sdk_feature_from_string(std::string_view s);

}  // namespace tokcheck::zego
