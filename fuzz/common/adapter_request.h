// The verify request a target sends a scheme's JSON adapter (invariant 6 in
// verify_target.h: the adapter gives the codec's verdict), started the same way for
// every scheme: the case's token, the test key under the scheme's own secret field
// (Scheme::secret_field()), the instant and the base64 mode. The target adds its
// bindings.
#pragma once

#include <cstdint>
#include <string_view>

#include "fuzz/common/verify_case.h"
#include "reference/core/base64.h"
#include "reference/schemes/registry.h"

namespace tokcheck::fuzz {

schemes::Json adapter_request(const schemes::Scheme& scheme, const VerifyCase& c,
                              std::string_view key, std::int64_t now, Base64Mode mode);

}  // namespace tokcheck::fuzz
