// The inputs of ZEGO's released token04 vector Z1 (token-formats.md "ZEGO" §3):
// app 1, user "demo", valid 3600 s from ctime 1700000000, nonce 123456789, empty
// payload, IV "0123456789abcdef" under CBC. Tests and benchmarks that need "a
// real token04" build it from here, so the vector's figures are written once.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>

#include "reference/vendors/zego/token04.h"

namespace tokcheck::zego {

inline constexpr std::string_view kZ1Secret = "fa94dd0f974cf2e293728a526b028271";

// Z1's inputs; under GCM (not part of the released vector) the IV is the first 12
// bytes of Z1's, "0123456789ab".
inline Build04Input z1_build_input(CipherMode mode = CipherMode::kCbc) {
  Build04Input in;
  in.app_id = 1;
  in.user_id = "demo";
  in.secret = std::string(kZ1Secret);
  in.effective_time_in_seconds = 3600;
  in.ctime = 1700000000;
  in.nonce = 123456789;
  const std::string_view iv = mode == CipherMode::kGcm ? "0123456789ab" : "0123456789abcdef";
  in.iv.assign(iv.begin(), iv.end());
  in.mode = mode;
  return in;
}

}  // namespace tokcheck::zego
