// The fixed secrets the verify targets check against and the custom mutators
// re-sign / re-encrypt with. Test values only: they appear in no vector and
// belong to no real project, so printing them in a crash report is harmless.
#pragma once

#include <string_view>

namespace tokcheck::fuzz {

// Agora App Certificate: 32 hex characters, as Agora requires.
inline constexpr std::string_view kAgoraCertificate = "5ca1ab1e0ddba11f00dfacec0ffee123";
// ZEGO ServerSecret: 32 ASCII characters used as an AES-256 key.
inline constexpr std::string_view kZegoSecret = "fuzzfuzzfuzzfuzzfuzzfuzzfuzzfuzz";
// ZEGO's published sample ServerSecret (token-formats.md "ZEGO" §2: Go token04_test.go,
// Node README), which most ZEGO vectors use: the parse targets also try it so the
// generated seeds decrypt and their claims are reached.
inline constexpr std::string_view kZegoSampleSecret = "fa94dd0f974cf2e293728a526b028271";
// Volcengine AppKey: any string.
inline constexpr std::string_view kVolcAppKey = "tokcheck fuzz app key";
// Tencent TLSSigAPIv2 key: 64 hex characters used as string bytes.
inline constexpr std::string_view kTencentKey =
    "0f0f0f0f1e1e1e1e2d2d2d2d3c3c3c3c4b4b4b4b5a5a5a5a6969696978787878";

}  // namespace tokcheck::fuzz
