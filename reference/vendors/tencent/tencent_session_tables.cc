// Tencent (UserSig): the platform names people use for its verify codes. No SDK
// call codes and no vendor-specific fixes yet: diagnose gives the generic fix.
#include <array>

#include "reference/lifecycle/sdk_codes.h"

namespace tokcheck::lifecycle {
namespace {

// Platform names people use → the names the tables use.
constexpr auto kPlatforms = std::to_array<PlatformAlias>({
    {"server", "server"},
    {"client", "client"},
    {"ios", "client"},
    {"android", "client"},
    {"web", "client"},
    {"windows", "client"},
    {"macos", "client"},
    {"flutter", "client"},
    {"trtc-native", "trtc-native"},
});

}  // namespace

const VendorSdkTables& tencent_sdk_tables() {
  static constexpr VendorSdkTables kTables{
      Vendor::kTencent, Vendor::kTencent, kPlatforms, {}, {}, /*claims_zero_expire_never=*/false};
  return kTables;
}

}  // namespace tokcheck::lifecycle
