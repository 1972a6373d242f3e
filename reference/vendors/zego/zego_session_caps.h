// What one ZEGO SDK build can do with tokens, as the lifecycle engine needs it.
// The version thresholds are data in ONE place, reference/vendors/zego/sdk_versions.h;
// zego_caps.cc only asks that table. Web is the exception: the seeds give no Web
// version thresholds at all, so a Web profile has every token feature and no
// kick-out (docs/SEMANTICS.md ZEGO-WEB).
#pragma once

#include <optional>
#include <string>
#include <string_view>

namespace tokcheck::lifecycle {

struct ZegoCaps {
  std::string code_platform;     // "native" | "web": which rows of the code tables apply
  bool token03 = false;          // accepts a token03 at login / renew
  bool token04 = false;          // accepts a token04
  bool renew = false;            // renewToken + the will-expire notice exist
  bool expiry_kick = false;      // privilege-expiry management can kick out (Express ≥ 2.13.0)
  bool token_auth = false;       // DocsView / SuperBoard: token authentication exists
  bool token_auth_mode = false;  // Express: createEngine without AppSign (the Token auth
                                 // mode); below it every session has an AppSign
  bool appsign = false;          // the platform has AppSign authentication at all
};

struct ZegoCapsResult {
  std::optional<ZegoCaps> caps;
  std::string error;  // why the combination is unknown, when caps is empty
};

// Caps for `product` on `platform` at `version` (text as in the profile).
ZegoCapsResult zego_caps(std::string_view product, std::string_view platform,
                         std::string_view version);

}  // namespace tokcheck::lifecycle
