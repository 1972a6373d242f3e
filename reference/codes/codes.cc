#include "reference/codes/codes.h"

#include <array>

namespace tokcheck::codes {

std::string_view to_string(Basis b) {
  switch (b) {
    case Basis::kDocumented:
      return "documented";
    case Basis::kInferred:
      return "inferred";
    case Basis::kUnverified:
      return "unverified";
  }
  return "unknown";
}

std::span<const VendorTable> all_tables() {
  static const auto tables = std::to_array<VendorTable>({
      {Vendor::kAgora, "Agora RTC (seed 001_d4a146d8499d6d2a.txt)", agora_rows()},
      {Vendor::kZego, "ZEGO Express (seed 000_8bca4052b8130c0a.txt; token-formats.md ZEGO §4)",
       zego_rows()},
      {Vendor::kVolc,
       "Volcengine / ByteDance RTC (docs 6348/136652; seed 004_feb3ed951cfe7da6.txt)", volc_rows()},
      {Vendor::kTencent, "Tencent TLSSigAPI CHECK_ERR (tls_sig_api_v2.h)", tencent_rows()},
  });
  return tables;
}

const VendorTable* find_table(Vendor vendor) {
  for (const VendorTable& t : all_tables()) {
    if (t.vendor == vendor) return &t;
  }
  return nullptr;
}

std::vector<VendorCode> codes_for(Vendor vendor, Condition c) {
  std::vector<VendorCode> out;
  if (const VendorTable* t = find_table(vendor)) {
    for (const CodeRow& row : t->rows) {
      if (row.condition == c) out.push_back(row.code);
    }
  }
  return out;
}

}  // namespace tokcheck::codes
