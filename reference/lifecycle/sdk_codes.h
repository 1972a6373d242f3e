// What the lifecycle engine and `tokcheck diagnose` know per vendor beyond its
// verify codes (those are the codes layer's, reference/vendors/<vendor>/<vendor>_codes.cc):
// the platform names people use, the codes its SDK reports for a *call* (Agora's
// renewToken results and connection-state reasons, ZEGO's publish/play auth
// errors, RongCloud's TOKEN_INCORRECT per SDK line and platform, the ByteDance
// mini-program's errNo / errorCode), and one fix per verify condition. Each
// vendor's tables are defined in its folder, reference/vendors/<vendor>/
// <vendor>_session_tables.cc, each row with its source; this header is the registry.
#pragma once

#include <optional>
#include <span>
#include <string_view>

#include "reference/codes/codes.h"
#include "reference/core/vendor.h"
#include "reference/lifecycle/fields.h"

namespace tokcheck::lifecycle {

struct SdkCode {
  std::string_view key;  // what happened, in the engine's words: "publish_auth", ...
  // The platforms that report it, space-separated ("native objc", "web"): one row
  // per code, however many platforms share its meaning and fix (covers()).
  std::string_view platforms;
  std::string_view sdk;   // SDK line it applies to ("1.x", "2.x"), "" for all
  std::string_view code;  // as the vendor spells it: "1003072", "TOKEN_INCORRECT"
  std::string_view name;  // symbolic name or message
  codes::Basis basis;
  std::string_view source;   // seed file name or public URL
  std::string_view meaning;  // one line for people (diagnose)
  std::string_view fix;      // what to do about it (diagnose)
};

// Whether the space-separated platform set `platforms` names `platform`.
constexpr bool covers(std::string_view platforms, std::string_view platform) {
  while (!platforms.empty()) {
    const std::size_t end = platforms.find(' ');
    if (platforms.substr(0, end) == platform) return true;
    if (end == std::string_view::npos) break;
    platforms.remove_prefix(end + 1);
  }
  return false;
}

// What to do about a condition, and the source that says so.
struct Fix {
  std::string_view text;
  std::string_view source;
};

struct ConditionFix {
  Condition condition;
  Fix fix;
};

struct PlatformAlias {
  std::string_view alias;     // as people say it: "android", "ios", "js"
  std::string_view platform;  // as the tables name it: "native", "objc", "web"
};

struct VendorSdkTables {
  Vendor vendor;
  std::optional<Vendor> codes_vendor;  // whose codes-layer table has its verify codes
  std::span<const PlatformAlias> platforms;
  std::span<const SdkCode> sdk_codes;
  std::span<const ConditionFix> fixes;
  // A claims token's "expire": 0 means it never expires, as the vendor's codec
  // reads an encoded token's 0 (Volcengine 001's expire_at, BD-NO-EXPIRY). The
  // session and `simulate --html` both read it here.
  bool claims_zero_expire_never;
};

// One accessor per vendor, each defined in reference/vendors/<vendor>/.
const VendorSdkTables& agora_sdk_tables();
const VendorSdkTables& zego_sdk_tables();
const VendorSdkTables& volc_sdk_tables();
const VendorSdkTables& bytedance_sdk_tables();
const VendorSdkTables& tencent_sdk_tables();
const VendorSdkTables& rongcloud_sdk_tables();
// agora, zego, volc, tencent, rongcloud, bytedance.
std::span<const VendorSdkTables* const> all_vendor_sdk_tables();
const VendorSdkTables& vendor_sdk_tables(Vendor vendor);

// Vendor codes (reference/schemes/vendor_code_json.h) for `key` on `platform` (and `sdk`, when rows
// name one), in table order; empty when the vendor documents no code for it.
Json sdk_codes(Vendor vendor, std::string_view key, std::string_view platform,
               std::string_view sdk = "");

}  // namespace tokcheck::lifecycle
