// What one ZEGO SDK build can do with tokens, as the lifecycle engine needs it.
// The version thresholds themselves are data in ONE place,
// reference/zego/sdk_versions.h; zego_caps.cc only reads them.
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "reference/lifecycle/version.h"

namespace tokcheck::lifecycle {

struct ZegoCaps {
  std::string code_platform;  // "native" | "web": which rows of the code tables apply
  bool token03 = false;       // accepts a token03 at login / renew
  bool token04 = false;       // accepts a token04
  bool renew = false;         // renewToken + the will-expire notice exist
  bool expiry_kick = false;   // privilege-expiry management can kick out (Express ≥ 2.13.0)
  bool token_auth = false;    // DocsView / SuperBoard: token authentication exists
  bool appsign = false;       // the platform has AppSign authentication at all
};

// nullopt: the product / platform combination is not one the seeds document.
std::optional<ZegoCaps> zego_caps(std::string_view product, std::string_view platform,
                                  const SdkVersion& version);

// The platforms zego_caps knows for `product`, for error messages.
std::string zego_platforms(std::string_view product);

}  // namespace tokcheck::lifecycle
