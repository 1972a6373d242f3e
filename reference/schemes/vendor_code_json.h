// The one JSON shape of a vendor code, wherever tokcheck reports one: verify's
// "vendor_codes", a lifecycle output's "codes" and diagnose's "codes" are all
// arrays of {"platform", "code", "name", "basis"}. The judge compares
// {platform, code, name}, what the end user sees; "basis" (documented /
// inferred / ...) says how sure the table is, and vectors leave it out.
#pragma once

#include <string_view>

#include "reference/codes/codes.h"
#include "reference/schemes/scheme.h"

namespace tokcheck::schemes {

// A code as JSON: a number when the vendor's code is decimal (110, 1002033),
// else the vendor's own spelling ("TOKEN_INCORRECT").
Json code_value(std::string_view code);

Json vendor_code_json(std::string_view platform, std::string_view code, std::string_view name,
                      codes::Basis basis);
inline Json vendor_code_json(const codes::VendorCode& c) {
  return vendor_code_json(c.platform, c.code, c.name, c.basis);
}

}  // namespace tokcheck::schemes
