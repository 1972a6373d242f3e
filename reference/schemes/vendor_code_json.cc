#include "reference/schemes/vendor_code_json.h"

#include <charconv>
#include <string>

namespace tokcheck::schemes {

Json code_value(std::string_view code) {
  long long n = 0;
  const auto [end, ec] = std::from_chars(code.data(), code.data() + code.size(), n);
  if (ec == std::errc() && end == code.data() + code.size()) return n;
  return std::string(code);
}

Json vendor_code_json(std::string_view platform, std::string_view code, std::string_view name,
                      codes::Basis basis) {
  return {{"platform", platform},
          {"code", code_value(code)},
          {"name", name},
          {"basis", codes::to_string(basis)}};
}

}  // namespace tokcheck::schemes
