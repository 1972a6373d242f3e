// json_number_fits_binary64 without GoogleTest, for the builds that have no unit
// tests (TOKCHECK_BUILD_TESTS=OFF: fuzz, fuzz-libcxx). Under libc++ 14 it runs the
// strtod_l fallback (reference/core/json_number_internal.h), which the unit tests
// only reach through json_number_fallback_test.cc in libstdc++ builds; here it is
// the path the OSS-Fuzz binaries actually use. Cases as in json_number_test.cc.
#include <cstdio>
#include <initializer_list>
#include <string>

#include "reference/core/json_number.h"
#include "reference/core/json_number_internal.h"

int main() {
  int wrong = 0;
  auto expect = [&](const std::string& lexeme, bool fits) {
    if (tokcheck::json_number_fits_binary64(lexeme) != fits) {
      std::printf("wrong: %s should %s\n", lexeme.c_str(), fits ? "fit" : "not fit");
      ++wrong;
    }
  };
  for (const char* ok : {"0", "-0", "1", "-1.5e-3", "9223372036854775808", "1e308", "-1e308",
                         "1.7976931348623157e308", "1.7976931348623158e308", "0e999999999999",
                         "0.0000e400", "17976931348623157e292", "1e-400", "-1e-400", "4.9e-324",
                         "2e-324", "0.0001e-321", "1e-99999999999999999999999"}) {
    expect(ok, true);
  }
  for (const char* overflow : {"1e309", "-1e309", "1e400", "1E+400", "1.7976931348623159e308",
                               "0.01e311", "18e307", "1e99999999999999999999999"}) {
    expect(overflow, false);
  }
  expect("1" + std::string(308, '0'), true);
  expect("1" + std::string(309, '0'), false);
  std::printf("json_number_check (%s): %d wrong\n",
              TOKCHECK_HAVE_FLOAT_FROM_CHARS ? "from_chars" : "strtod_l fallback", wrong);
  return wrong == 0 ? 0 : 1;
}
