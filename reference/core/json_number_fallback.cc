// to_double_c_locale (json_number_internal.h): the JSON number reader for
// standard libraries without floating-point std::from_chars (libc++ < 20).
//
// strtod is correctly rounded in glibc but reads the decimal point of the
// current LC_NUMERIC locale, accepts more than JSON ("inf", "0x1p3", ".5", "+1",
// leading spaces) and needs a NUL-terminated string. So the grammar is checked
// here first, and the number is rewritten into a bounded stack buffer as
// [-]0.<digits>e<exp> for strtod_l under a "C" locale object.
#include <cstdio>
#include <exception>

#include <locale.h>
#include <stdlib.h>

#include "reference/core/json_number_internal.h"

namespace tokcheck::json_number_detail {
namespace {

// Significant digits kept. A halfway point between two adjacent doubles has at
// most 767 significant decimal digits, so truncating after 800 digits and
// appending one nonzero "sticky" digit when anything nonzero was cut keeps the
// number on the same side of every halfway point: the rounding is unchanged
// (the same bound fast_float and Clinger's algorithm rely on).
constexpr std::size_t kMaxDigits = 800;
// |exponent| beyond this is ±infinity or 0 for any 801-digit significand.
constexpr long long kExponentClamp = 100000;
constexpr long long kExponentCap = 1LL << 40;  // saturation while reading digits

bool is_digit(char c) { return c >= '0' && c <= '9'; }

locale_t c_locale() {
  // Created once and never freed (a function-local static is thread-safe);
  // newlocale can only fail for lack of memory, and then no answer is right.
  static const locale_t loc = newlocale(LC_ALL_MASK, "C", static_cast<locale_t>(nullptr));
  if (loc == static_cast<locale_t>(nullptr)) std::terminate();
  return loc;
}

}  // namespace

std::optional<double> to_double_c_locale(std::string_view s) {
  std::size_t i = 0;
  const bool negative = i < s.size() && s[i] == '-';
  if (negative) ++i;

  char buf[2 + 2 + kMaxDigits + 1 + 2 + 20 + 1];  // "-0." digits sticky "e-" exponent NUL
  std::size_t n = 0;
  if (negative) buf[n++] = '-';
  buf[n++] = '0';
  buf[n++] = '.';
  std::size_t kept = 0;
  bool sticky = false;
  bool seen_nonzero = false;
  long long point = 0;  // decimal exponent of 0.<significant digits>
  auto take = [&](char c) {
    if (!seen_nonzero && c == '0') return;
    seen_nonzero = true;
    if (kept < kMaxDigits) {
      buf[n++] = c;
      ++kept;
    } else if (c != '0') {
      sticky = true;
    }
  };

  // int: 0 | [1-9][0-9]*
  if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
  if (s[i] == '0') {
    ++i;
  } else {
    for (; i < s.size() && is_digit(s[i]); ++i) {
      take(s[i]);
      if (point < kExponentCap) ++point;
    }
  }
  // frac: . [0-9]+
  if (i < s.size() && s[i] == '.') {
    ++i;
    if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (!seen_nonzero && s[i] == '0' && point > -kExponentCap) --point;
      take(s[i]);
    }
  }
  // exp: [eE] [+-]? [0-9]+
  long long exponent = 0;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    const bool exp_negative = i < s.size() && s[i] == '-';
    if (i < s.size() && (s[i] == '-' || s[i] == '+')) ++i;
    if (i >= s.size() || !is_digit(s[i])) return std::nullopt;
    for (; i < s.size() && is_digit(s[i]); ++i) {
      if (exponent < kExponentCap) exponent = exponent * 10 + (s[i] - '0');
    }
    if (exp_negative) exponent = -exponent;
  }
  if (i != s.size()) return std::nullopt;

  if (!seen_nonzero) return negative ? -0.0 : 0.0;
  if (sticky) buf[n++] = '1';
  long long e = point + exponent;
  if (e > kExponentClamp) e = kExponentClamp;
  if (e < -kExponentClamp) e = -kExponentClamp;
  const int written = std::snprintf(buf + n, sizeof buf - n, "e%lld", e);
  if (written <= 0 || static_cast<std::size_t>(written) >= sizeof buf - n) std::terminate();

  char* end = nullptr;
  const double value = strtod_l(buf, &end, c_locale());
  // The buffer is strtod's own grammar by construction: all of it is read.
  if (end != buf + n + static_cast<std::size_t>(written)) std::terminate();
  return value;
}

}  // namespace tokcheck::json_number_detail
