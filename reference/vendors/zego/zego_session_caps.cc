#include "reference/vendors/zego/zego_session_caps.h"

#include <array>

#include "reference/vendors/zego/sdk_versions.h"

namespace tokcheck::lifecycle {
namespace {

using zego::SdkFeature;
using zego::Support;

// The Express platforms the lifecycle models: those for which the table answers
// every feature the engine needs (token03, token04, renewToken, kick-out). The
// table has only a token04 row for Unity3D, Flutter, React Native, uni-app,
// Electron and Linux, so their renew / expiry behaviour is undocumented.
constexpr auto kExpressFeatures =
    std::to_array<SdkFeature>({SdkFeature::kToken03, SdkFeature::kToken04, SdkFeature::kRenewToken,
                               SdkFeature::kKickOutOnExpiry});

}  // namespace

ZegoCapsResult zego_caps(std::string_view product_name, std::string_view platform_name,
                         std::string_view version_text) {
  const auto version = SdkVersion::parse(version_text);
  if (!version) return {std::nullopt, "\"" + std::string(version_text) + "\" is not a version"};
  const auto product = zego::sdk_product_from_string(product_name);
  if (!product) return {std::nullopt, "unknown ZEGO product " + std::string(product_name)};

  ZegoCaps c;
  if (platform_name == "web") {
    if (*product != zego::SdkProduct::kExpress) {
      return {std::nullopt, "the seeds document ZEGO " + std::string(product_name) +
                                " token authentication for native platforms only"};
    }
    c.code_platform = "web";
    c.token03 = c.token04 = c.renew = c.token_auth_mode = true;  // Web has no AppSign at all
    return {c, ""};
  }
  const auto platform = zego::sdk_platform_from_string(platform_name);
  if (!platform) {
    return {std::nullopt, "unknown platform \"" + std::string(platform_name) +
                              "\" (ios, android, macos, windows, unity3d, flutter, react_native, "
                              "uniapp, electron, linux, web)"};
  }
  auto yes = [&](SdkFeature f) {
    return zego::sdk_supports(*product, *platform, f, *version) == Support::kYes;
  };
  c.code_platform = "native";
  c.appsign = true;
  if (*product == zego::SdkProduct::kExpress) {
    for (SdkFeature f : kExpressFeatures) {
      if (zego::sdk_supports(*product, *platform, f, *version) == Support::kUnknown) {
        return {std::nullopt,
                "reference/vendors/zego/sdk_versions.h does not say from which version "
                "ZEGO Express " +
                    std::string(platform_name) + " has " + std::string(zego::to_string(f))};
      }
    }
    c.token03 = yes(SdkFeature::kToken03);
    c.token04 = yes(SdkFeature::kToken04);
    // Seed 002 lists the versions from which "AppSign 传空或不传" (the Token auth
    // mode) works, product by platform; they are the token04 rows of the table, so
    // one row answers both (docs/SEMANTICS.md ZEGO-AUTH-TOKEN-2.17).
    c.token_auth_mode = c.token04;
    c.renew = yes(SdkFeature::kRenewToken);
    c.expiry_kick = yes(SdkFeature::kKickOutOnExpiry);
    return {c, ""};
  }
  if (*product != zego::SdkProduct::kDocsView && *product != zego::SdkProduct::kSuperBoard) {
    return {std::nullopt, "the lifecycle models ZEGO express, docsview and superboard"};
  }
  if (zego::sdk_supports(*product, *platform, SdkFeature::kToken04, *version) ==
      Support::kUnknown) {
    return {std::nullopt, "reference/vendors/zego/sdk_versions.h has no ZEGO " +
                              std::string(product_name) + " row for " + std::string(platform_name)};
  }
  c.token_auth = yes(SdkFeature::kToken04);
  return {c, ""};
}

}  // namespace tokcheck::lifecycle
