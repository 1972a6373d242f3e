#include "reference/lifecycle/sdk_codes.h"

#include "reference/schemes/vendor_code_json.h"

#include <array>

#include "reference/lifecycle/session.h"

namespace tokcheck::lifecycle {

std::span<const VendorSdkTables* const> all_vendor_sdk_tables() {
  // In vendors.def order.
  static const auto tables = [] {
    std::array<const VendorSdkTables*, std::size(kAllVendors)> out{};
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = &vendor_sdk_tables(kAllVendors[i]);
    return out;
  }();
  return tables;
}

const VendorSdkTables& vendor_sdk_tables(Vendor vendor) {
  switch (vendor) {
    case Vendor::kAgora:
      return agora_sdk_tables();
    case Vendor::kZego:
      return zego_sdk_tables();
    case Vendor::kVolc:
      return volc_sdk_tables();
    case Vendor::kTencent:
      return tencent_sdk_tables();
    case Vendor::kRongCloud:
      return rongcloud_sdk_tables();
    case Vendor::kByteDance:
      return bytedance_sdk_tables();
  }
  return agora_sdk_tables();  // not reached: every Vendor is handled above
}

Json sdk_codes(Vendor vendor, std::string_view key, std::string_view platform,
               std::string_view sdk) {
  Json out = Json::array();
  for (const SdkCode& row : vendor_sdk_tables(vendor).sdk_codes) {
    if (row.key == key && covers(row.platforms, platform) && (row.sdk.empty() || row.sdk == sdk)) {
      out.push_back(schemes::vendor_code_json(platform, row.code, row.name, row.basis));
    }
  }
  return out;
}

}  // namespace tokcheck::lifecycle
