// Vendor error codes attached to tokcheck's conditions: one table per vendor, in
// one file each (agora_codes.cc, zego_codes.cc, ...), and this one lookup. Nothing
// else in the code base maps a condition to a vendor code.
#pragma once

#include <span>
#include <string_view>
#include <vector>

#include "reference/core/condition.h"
#include "reference/core/vendor.h"

namespace tokcheck::codes {

// How sure we are that the vendor reports `code` for this condition.
enum class Basis {
  kDocumented,  // the cited source states this code for this cause
  kInferred,    // the code is documented; attaching it to this condition is our decision
  kUnverified,  // only the seed lists the code; no other source confirms it
};
std::string_view to_string(Basis b);

struct VendorCode {
  std::string_view platform;  // "native", "objc", "web", "miniprogram", "server", ...
  std::string_view code;      // as the vendor spells it: "110", "-1000", "INVALID_TOKEN"
  std::string_view name;      // symbolic name or message
  Basis basis;
  std::string_view source;  // seed file name or public URL
};

struct CodeRow {
  Condition condition;
  VendorCode code;
};

struct VendorTable {
  Vendor vendor;
  std::string_view title;
  std::span<const CodeRow> rows;
};

// One function per vendor table, each defined in its own file.
std::span<const CodeRow> agora_rows();
std::span<const CodeRow> zego_rows();
std::span<const CodeRow> volc_rows();
std::span<const CodeRow> tencent_rows();

std::span<const VendorTable> all_tables();
const VendorTable* find_table(Vendor vendor);
// Every row of `vendor`'s table for `c`, in table order (platforms grouped).
std::vector<VendorCode> codes_for(Vendor vendor, Condition c);

}  // namespace tokcheck::codes
