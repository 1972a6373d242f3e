#include "reference/core/json_number.h"

#include <charconv>
#include <cstdint>
#include <system_error>

namespace tokcheck {
namespace {

// Decimal exponent of the leading significant digit plus one, saturated: the
// value lies in [10^(e-1), 10^e). Only consulted when from_chars reports the
// value out of range, where it tells overflow (e > 0) from underflow (e <= 0):
// out-of-range values are above ~1.8e308 or below ~4.9e-324, far from e == 0.
std::int64_t leading_exponent(std::string_view s) {
  std::size_t i = (!s.empty() && s[0] == '-') ? 1 : 0;
  std::int64_t integer_digits = 0;  // significant digits before the point
  std::int64_t leading_zeros = 0;   // zeros after the point before the first nonzero
  bool seen_nonzero = false;
  for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
    if (s[i] != '0') seen_nonzero = true;
    if (seen_nonzero) ++integer_digits;
  }
  if (i < s.size() && s[i] == '.') {
    for (++i; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (!seen_nonzero) {
        if (s[i] == '0') {
          ++leading_zeros;
        } else {
          seen_nonzero = true;
        }
      }
    }
  }
  std::int64_t exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    const bool negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    constexpr std::int64_t kCap = std::int64_t{1} << 40;  // far beyond any double's reach
    for (; i < s.size() && s[i] >= '0' && s[i] <= '9'; ++i) {
      if (exponent < kCap) exponent = exponent * 10 + (s[i] - '0');
    }
    if (negative) exponent = -exponent;
  }
  return (integer_digits > 0 ? integer_digits : -leading_zeros) + exponent;
}

}  // namespace

bool json_number_fits_binary64(std::string_view lexeme) {
  double value = 0;
  const auto result = std::from_chars(lexeme.data(), lexeme.data() + lexeme.size(), value,
                                      std::chars_format::general);
  if (result.ec != std::errc::result_out_of_range) return true;
  return leading_exponent(lexeme) <= 0;
}

}  // namespace tokcheck
