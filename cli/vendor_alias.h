// The names people give a vendor → the one name tokcheck's tables use. Volcengine
// RTC, ByteDance's RTC and the Douyin mini-program RTC are one product with one
// token format: seed 004_feb3ed951cfe7da6.txt's mini-program sample joins with a
// Volcengine "001" token, and reference/lifecycle keeps the mini-program's codes
// beside Volcengine's. So volc, volcengine, bytedance and miniprogram are "volc".
#pragma once

#include <string>
#include <string_view>

namespace tokcheck::cli {

// Lower-cased and resolved; names it does not know are returned lower-cased, for
// the tables to refuse with their list of vendors.
std::string canonical_vendor(std::string_view name);

}  // namespace tokcheck::cli
