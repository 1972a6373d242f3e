// The binary64 range check of JSON numbers (json_number.h): overflow is refused
// exactly where round-to-nearest reaches infinity; underflow is accepted.
#include "reference/core/json_number.h"

#include <gtest/gtest.h>

#include <string>

namespace tokcheck {
namespace {

TEST(JsonNumber, FiniteValuesFit) {
  for (const char* ok : {"0", "-0", "1", "-1.5e-3", "9223372036854775808", "1e308", "-1e308",
                         "1.7976931348623157e308", "1.7976931348623158e308", "0e999999999999",
                         "0.0000e400", "17976931348623157e292"}) {
    EXPECT_TRUE(json_number_fits_binary64(ok)) << ok;
  }
}

TEST(JsonNumber, OverflowToInfinityDoesNotFit) {
  // DBL_MAX is 1.79769313486231570815e308; halfway to 2^1024 is ...58079e308,
  // so ...59e308 rounds to infinity.
  for (const char* bad : {"1e309", "-1e309", "1e400", "1E+400", "1.7976931348623159e308",
                          "0.01e311", "18e307", "1e99999999999999999999999"}) {
    EXPECT_FALSE(json_number_fits_binary64(bad)) << bad;
  }
  const std::string digits309 = "1" + std::string(308, '0');  // 1e308 as an integer: fits
  EXPECT_TRUE(json_number_fits_binary64(digits309));
  const std::string digits310 = "1" + std::string(309, '0');  // 1e309 as an integer
  EXPECT_FALSE(json_number_fits_binary64(digits310));
}

TEST(JsonNumber, UnderflowFits) {
  // Every parser we compare with reads these as zero or a subnormal.
  for (const char* ok :
       {"1e-400", "-1e-400", "4.9e-324", "2e-324", "0.0001e-321", "1e-99999999999999999999999"}) {
    EXPECT_TRUE(json_number_fits_binary64(ok)) << ok;
  }
}

}  // namespace
}  // namespace tokcheck
