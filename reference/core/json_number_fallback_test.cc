// The from_chars-free JSON number reader (json_number_internal.h) against the
// from_chars path it replaces under libc++ < 20: exact binary64 equality (bit
// patterns, so the sign of zero counts) over boundary cases and a large
// pseudo-random sample, plus the grammar the fallback enforces on its own.
#include "reference/core/json_number_internal.h"

#include <gtest/gtest.h>

#include <cfloat>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

namespace tokcheck::json_number_detail {
namespace {

std::uint64_t bits(double d) {
  std::uint64_t u = 0;
  std::memcpy(&u, &d, sizeof u);
  return u;
}

std::string printf_g(const char* format, double d) {
  char buf[64];
  std::snprintf(buf, sizeof buf, format, d);
  return buf;
}

// The exact decimal expansion of 2^-1075, the halfway point between 0 and the
// smallest subnormal (752 significant digits): it rounds to 0 (ties to even),
// and anything above it, however far down, rounds up.
const char kHalfMinSubnormal[] =
    "2."
    "4703282292062327208828439643411068618252990130716238221279284125033775363510437593264991818081"
    "7996189898282347722858865463328355177969898199387398005390939063150356595155702263922908583924"
    "4910518443593180284993653615250031937045767824921936562366986365848075700158576926990370631192"
    "8279558551332927834338409351978015531246597263579574622766465272827220056374006485499977096599"
    "4704540208281662262378573934507363390079677619305775067401763246736009689513405355374585166611"
    "3422376667860416215968046191446729184030053005753084904876539171138659164623952491262365388187"
    "9636239373280423891018672348497668235089863388587925628302755995657524455507255189313690836254"
    "779186948667994968324049705821028513185451396213837722826145437693412532098591327667236328125"
    "e-324";

// Hand-picked inputs: range limits, halfway points, subnormals, huge exponents,
// long significands (the fallback truncates after 800 digits with a sticky digit).
std::vector<std::string> boundary_inputs() {
  std::vector<std::string> v = {"0",
                                "-0",
                                "0.0",
                                "-0.0e-5",
                                "0e999999999999",
                                "0.000e-99999999999999999999",
                                "1",
                                "-1",
                                "0.1",
                                "0.2",
                                "0.3",
                                "1.5",
                                "123456789012345678901234567890",
                                "9007199254740993",
                                "9007199254740992.5",
                                "9007199254740993.0000000000000000000001",
                                "4.9406564584124654e-324",
                                "4.9e-324",
                                "5e-324",
                                "2.4703282292062328e-324",
                                "2.4703282292062327e-324",
                                "3e-324",
                                "2.2250738585072011e-308",
                                "2.2250738585072014e-308",
                                "2.2250738585072009e-308",
                                "2.225073858507201136057409796709131975934819546351645648e-308",
                                "1.7976931348623157e308",
                                "1.7976931348623158e308",
                                "1.7976931348623159e308",
                                "1.797693134862315807e308",
                                "1.797693134862315808e308",
                                "-1.7976931348623159e308",
                                "1e308",
                                "1e309",
                                "-1e309",
                                "1E+400",
                                "1e-400",
                                "-1e-400",
                                "1e99999999999999999999999",
                                "1e-99999999999999999999999",
                                "0.01e311",
                                "18e307",
                                "17976931348623157e292",
                                "0.0000000000000000000000000000000000000000000000000001e360",
                                "7.2057594037927933e16",
                                "8.98846567431158e307",
                                "1.00000000000000011102230246251565404236316680908203125",
                                "1.00000000000000011102230246251565404236316680908203124",
                                "1.00000000000000011102230246251565404236316680908203126",
                                kHalfMinSubnormal};
  std::string half = kHalfMinSubnormal;
  const std::string mantissa = half.substr(0, half.size() - 5);  // without "e-324"
  v.push_back("-" + half);
  v.push_back(mantissa + "0000000000000000000000000000000000000000000000001e-324");
  v.push_back(mantissa + std::string(200, '0') + "1e-324");  // beyond the 800 digits kept
  v.push_back(mantissa + std::string(200, '0') + "e-324");
  v.push_back("1" + std::string(308, '0'));
  v.push_back("1" + std::string(309, '0'));
  v.push_back("0." + std::string(400, '0') + "1e400");
  v.push_back("0." + std::string(1000, '0') + "17976931348623159e1309");
  v.push_back(std::string(1000, '9') + "e-700");
  v.push_back("1." + std::string(2000, '0') + "1");
  return v;
}

// Every input where from_chars succeeds or reports out of range: the fallback
// must give the same bits. Returns the number compared.
std::size_t compare_all(const std::vector<std::string>& inputs) {
  std::size_t compared = 0;
  for (const auto& s : inputs) {
    const auto fallback = to_double_c_locale(s);
    if (!fallback) {
      ADD_FAILURE() << "fallback refused a JSON number: " << s.substr(0, 80);
      continue;
    }
#if TOKCHECK_HAVE_FLOAT_FROM_CHARS
    const double expected = to_double_from_chars(s);
    EXPECT_EQ(bits(*fallback), bits(expected))
        << s.substr(0, 120) << (s.size() > 120 ? "..." : "") << ": fallback "
        << printf_g("%.17g", *fallback) << ", from_chars " << printf_g("%.17g", expected);
#endif
    ++compared;
  }
  return compared;
}

TEST(JsonNumberFallback, BoundaryCasesMatchFromChars) {
#if !TOKCHECK_HAVE_FLOAT_FROM_CHARS
  GTEST_SKIP() << "no floating-point from_chars in this standard library to compare with";
#endif
  const auto inputs = boundary_inputs();
  EXPECT_EQ(compare_all(inputs), inputs.size());
  // And the values the boundary cases are there for, in case both paths drifted.
  EXPECT_EQ(*to_double_c_locale(kHalfMinSubnormal), 0.0);
  EXPECT_EQ(*to_double_c_locale("2.4703282292062328e-324"), std::nextafter(0.0, 1.0));
  EXPECT_EQ(*to_double_c_locale("1.7976931348623158e308"), DBL_MAX);
  EXPECT_TRUE(std::isinf(*to_double_c_locale("1.7976931348623159e308")));
  EXPECT_TRUE(std::signbit(*to_double_c_locale("-0")));
}

TEST(JsonNumberFallback, RandomNumbersMatchFromChars) {
#if !TOKCHECK_HAVE_FLOAT_FROM_CHARS
  GTEST_SKIP() << "no floating-point from_chars in this standard library to compare with";
#endif
  std::mt19937_64 rng(20261204);
  std::vector<std::string> inputs;
  // 1. Every finite binary64 class: random bit patterns (normal, subnormal, both
  // signs) printed shortest (to_chars), with 17 digits, and with 25 digits
  // (which lands between doubles, exercising rounding).
  for (int k = 0; k < 100000; ++k) {
    const std::uint64_t u = rng();
    double d = 0;
    std::memcpy(&d, &u, sizeof d);
    if (!std::isfinite(d)) continue;
    char buf[64];
    const auto r = std::to_chars(buf, buf + sizeof buf, d);
    inputs.emplace_back(buf, r.ptr);
    inputs.push_back(printf_g("%.16e", d));
    inputs.push_back(printf_g("%.24e", d));
  }
  // 2. Random decimal strings: 1-40 significant digits with exponents spanning
  // overflow and underflow, in the JSON forms int, int.frac and int.fracE±x.
  std::uniform_int_distribution<int> digit(0, 9), len(1, 40), exp10(-360, 330), shape(0, 3);
  for (int k = 0; k < 100000; ++k) {
    std::string s = (rng() & 1) ? "-" : "";
    const int n = len(rng);
    std::string digits;
    for (int j = 0; j < n; ++j) digits.push_back(static_cast<char>('0' + digit(rng)));
    digits[0] = static_cast<char>('1' + digit(rng) % 9);
    switch (shape(rng)) {
      case 0:
        s += digits + "e" + std::to_string(exp10(rng));
        break;
      case 1:
        s += digits.substr(0, 1) + (n > 1 ? "." + digits.substr(1) : "") + "E+" +
             std::to_string(std::abs(exp10(rng)));
        break;
      case 2:
        s += "0." + std::string(static_cast<std::size_t>(digit(rng)), '0') + digits + "e-" +
             std::to_string(std::abs(exp10(rng)));
        break;
      default:
        s += digits;
        break;
    }
    inputs.push_back(s);
  }
  const std::size_t compared = compare_all(inputs);
  EXPECT_EQ(compared, inputs.size());
  EXPECT_GT(compared, 390000U);  // the sample is as large as announced
  std::printf("[ figures  ] %zu random inputs compared bit for bit\n", compared);
}

TEST(JsonNumberFallback, RefusesWhatIsNotAJsonNumber) {
  for (const char* bad :
       {"",     "-",     "+1",    "01",    "-01", "00",  ".5",    "1.",   "1.e5", "1e",
        "1e+",  "1E-",   "--1",   " 1",    "1 ",  "1,5", "inf",   "-inf", "nan",  "infinity",
        "0x10", "0x1p3", "1e5.0", "1.5.5", "1_0", "١",   "1e+-5", "e5"}) {
    EXPECT_FALSE(to_double_c_locale(bad).has_value()) << '"' << bad << '"';
  }
  EXPECT_FALSE(to_double_c_locale(std::string_view("1\0", 2)).has_value());
  for (const char* good : {"0", "-0", "0.5", "-0.5e-3", "10", "1E5", "1e+5", "1e-05"}) {
    EXPECT_TRUE(to_double_c_locale(good).has_value()) << good;
  }
}

TEST(JsonNumberFallback, ValuesWithoutFromChars) {
  // Checked in every build, so a libc++ build that only has the fallback still
  // tests its values (not just equality with a path it lacks).
  EXPECT_EQ(*to_double_c_locale("0.1"), 0.1);
  EXPECT_EQ(*to_double_c_locale("-1.5e-3"), -1.5e-3);
  EXPECT_EQ(*to_double_c_locale("123456789012345678901234567890"), 1.2345678901234568e29);
  EXPECT_EQ(*to_double_c_locale("4.9406564584124654e-324"), std::nextafter(0.0, 1.0));
  EXPECT_EQ(*to_double_c_locale("2.2250738585072014e-308"), DBL_MIN);
  EXPECT_EQ(*to_double_c_locale("1e-99999999999999999999999"), 0.0);
  EXPECT_EQ(*to_double_c_locale("-1e99999999999999999999999"), -HUGE_VAL);
  EXPECT_EQ(*to_double_c_locale("9007199254740993"), 9007199254740992.0);  // ties to even
  EXPECT_EQ(*to_double_c_locale("9007199254740993.0000000000000000000001"), 9007199254740994.0);
  EXPECT_EQ(*to_double_c_locale(kHalfMinSubnormal), 0.0);
  const std::string above = std::string(kHalfMinSubnormal, sizeof kHalfMinSubnormal - 6) +
                            std::string(300, '0') + "1e-324";  // past the 800 digits kept
  EXPECT_EQ(*to_double_c_locale(above), std::nextafter(0.0, 1.0));
}

}  // namespace
}  // namespace tokcheck::json_number_detail
