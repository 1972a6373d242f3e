#include "reference/core/json_number.h"

#include <cmath>
#include <cstdint>
#include <system_error>

#include "reference/core/json_number_internal.h"

namespace tokcheck {
namespace json_number_detail {

long long leading_exponent(std::string_view s) {
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
  if (!seen_nonzero) return 0;
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

#if TOKCHECK_HAVE_FLOAT_FROM_CHARS
double to_double_from_chars(std::string_view lexeme) {
  double value = 0;
  const auto result = std::from_chars(lexeme.data(), lexeme.data() + lexeme.size(), value,
                                      std::chars_format::general);
  if (result.ec != std::errc::result_out_of_range) return value;
  // Out of range leaves `value` untouched. Out-of-range values are above ~1.8e308
  // or below ~4.9e-324, far from 10^0, so the leading exponent tells which.
  const double magnitude = leading_exponent(lexeme) > 0 ? HUGE_VAL : 0.0;
  return (!lexeme.empty() && lexeme[0] == '-') ? -magnitude : magnitude;
}
#endif

}  // namespace json_number_detail

bool json_number_fits_binary64(std::string_view lexeme) {
#if TOKCHECK_HAVE_FLOAT_FROM_CHARS
  return !std::isinf(json_number_detail::to_double_from_chars(lexeme));
#else
  // A lexeme outside the grammar breaks the precondition; like from_chars
  // (which reports no overflow for it) it is not refused here.
  const auto value = json_number_detail::to_double_c_locale(lexeme);
  return !value || !std::isinf(*value);
#endif
}

}  // namespace tokcheck
