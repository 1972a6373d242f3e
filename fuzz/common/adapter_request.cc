#include "fuzz/common/adapter_request.h"

#include <string>

namespace tokcheck::fuzz {

schemes::Json adapter_request(const schemes::Scheme& scheme, const VerifyCase& c,
                              std::string_view key, std::int64_t now, Base64Mode mode) {
  schemes::Json in = {{"token", c.token}, {std::string(scheme.secret_field()), key}, {"now", now}};
  if (mode == Base64Mode::kLenient) in["base64"] = "lenient";
  return in;
}

}  // namespace tokcheck::fuzz
