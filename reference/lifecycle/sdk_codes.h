// Codes an SDK reports for a *call* rather than for a token verify condition:
// Agora's renewToken results and connection-state reasons, ZEGO's publish/play
// auth errors, RongCloud's TOKEN_INCORRECT per SDK line and platform, the ByteDance
// mini-program's errNo / errorCode. One table per vendor, each row with its
// source; token verify conditions map to codes in reference/codes/ instead.
// The lifecycle engine and `tokcheck diagnose` both read these tables.
#pragma once

#include <span>
#include <string_view>

#include "reference/codes/codes.h"
#include "reference/lifecycle/fields.h"

namespace tokcheck::lifecycle {

struct SdkCode {
  std::string_view key;       // what happened, in the engine's words: "publish_auth", ...
  std::string_view platform;  // the code's platform ("native", "web", "android", ...)
  std::string_view sdk;       // SDK line it applies to ("1.x", "2.x"), "" for all
  std::string_view code;      // as the vendor spells it: "1003072", "TOKEN_INCORRECT"
  std::string_view name;      // symbolic name or message
  codes::Basis basis;
  std::string_view source;   // seed file name or public URL
  std::string_view meaning;  // one line for people (diagnose)
  std::string_view fix;      // what to do about it (diagnose)
};

struct SdkCodeTable {
  std::string_view vendor;  // "agora", "zego", "rongcloud", "bytedance"
  std::span<const SdkCode> rows;
};

std::span<const SdkCode> agora_sdk_codes();
std::span<const SdkCode> zego_sdk_codes();
std::span<const SdkCode> rongcloud_sdk_codes();
std::span<const SdkCode> bytedance_sdk_codes();
std::span<const SdkCodeTable> all_sdk_code_tables();

// [{"code", "name"}] for `key` on `platform` (and `sdk`, when rows name one), in
// table order; empty when the vendor documents no code for it.
Json sdk_codes(std::string_view vendor, std::string_view key, std::string_view platform,
               std::string_view sdk = "");

}  // namespace tokcheck::lifecycle
