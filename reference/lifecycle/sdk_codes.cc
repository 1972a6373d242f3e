#include "reference/lifecycle/sdk_codes.h"

#include <array>

#include "reference/lifecycle/session.h"

namespace tokcheck::lifecycle {

std::span<const VendorSdkTables* const> all_vendor_sdk_tables() {
  static const auto tables = std::to_array<const VendorSdkTables*>({
      &agora_sdk_tables(),
      &zego_sdk_tables(),
      &volc_sdk_tables(),
      &tencent_sdk_tables(),
      &rongcloud_sdk_tables(),
      &bytedance_sdk_tables(),
  });
  return tables;
}

const VendorSdkTables* find_vendor_sdk_tables(std::string_view vendor) {
  for (const VendorSdkTables* t : all_vendor_sdk_tables()) {
    if (t->vendor == vendor) return t;
  }
  return nullptr;
}

Json sdk_codes(std::string_view vendor, std::string_view key, std::string_view platform,
               std::string_view sdk) {
  Json out = Json::array();
  const VendorSdkTables* t = find_vendor_sdk_tables(vendor);
  if (t == nullptr) return out;
  for (const SdkCode& row : t->sdk_codes) {
    if (row.key == key && row.platform == platform && (row.sdk.empty() || row.sdk == sdk)) {
      out.push_back({{"code", code_value(row.code)}, {"name", row.name}});
    }
  }
  return out;
}

}  // namespace tokcheck::lifecycle
