#include "reference/core/base64.h"

#include <array>

namespace tokcheck {
namespace {

constexpr std::string_view kStandardChars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kTencentChars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-";

constexpr std::int8_t kInvalid = -1;

struct Alphabet {
  std::string_view chars;
  char pad;
  std::array<std::int8_t, 256> strict{};   // only the alphabet's own 64 chars
  std::array<std::int8_t, 256> lenient{};  // plus the other common spellings of 62/63
};

Alphabet make_alphabet(std::string_view chars, char pad, std::string_view extra62,
                       std::string_view extra63) {
  Alphabet a{chars, pad, {}, {}};
  a.strict.fill(kInvalid);
  a.lenient.fill(kInvalid);
  for (std::size_t i = 0; i < chars.size(); ++i) {
    a.strict[static_cast<unsigned char>(chars[i])] = static_cast<std::int8_t>(i);
    a.lenient[static_cast<unsigned char>(chars[i])] = static_cast<std::int8_t>(i);
  }
  for (char c : extra62) a.lenient[static_cast<unsigned char>(c)] = 62;
  for (char c : extra63) a.lenient[static_cast<unsigned char>(c)] = 63;
  return a;
}

const Alphabet& alphabet_for(Base64Alphabet which) {
  static const Alphabet standard = make_alphabet(kStandardChars, '=', "-", "_");
  static const Alphabet tencent = make_alphabet(kTencentChars, '_', "+", "/");
  return which == Base64Alphabet::kTencent ? tencent : standard;
}

bool decode_strict(std::string_view in, const Alphabet& a, std::vector<std::uint8_t>& out) {
  out.clear();
  if (in.size() % 4 != 0) return false;
  std::size_t pad = 0;
  if (!in.empty() && in.back() == a.pad) ++pad;
  if (in.size() >= 2 && in[in.size() - 2] == a.pad) ++pad;
  const std::size_t data_chars = in.size() - pad;
  std::uint32_t acc = 0;
  int bits = 0;
  for (std::size_t i = 0; i < data_chars; ++i) {
    const std::int8_t v = a.strict[static_cast<unsigned char>(in[i])];
    if (v == kInvalid) return false;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
  }
  // Canonical form: the unused low bits of the last sextet are zero.
  return acc == 0;
}

void decode_lenient(std::string_view in, const Alphabet& a, std::vector<std::uint8_t>& out) {
  out.clear();
  std::uint32_t acc = 0;
  int bits = 0;
  for (char c : in) {
    if (c == a.pad || (a.pad == '_' && c == '=')) break;
    const std::int8_t v = a.lenient[static_cast<unsigned char>(c)];
    if (v == kInvalid) continue;
    acc = (acc << 6) | static_cast<std::uint32_t>(v);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push_back(static_cast<std::uint8_t>(acc >> bits));
      acc &= (1u << bits) - 1;
    }
  }
}

// A string the lenient rules would decode differs from "garbage" in that it holds
// at least one alphabet character; with none it is not base64 in any sense.
bool has_alphabet_char(std::string_view in, const Alphabet& a) {
  for (char c : in) {
    if (a.lenient[static_cast<unsigned char>(c)] != kInvalid) return true;
  }
  return false;
}

}  // namespace

std::string base64_encode(Bytes data, Base64Alphabet which) {
  const Alphabet& a = alphabet_for(which);
  std::string out;
  out.reserve((data.size() + 2) / 3 * 4);
  std::size_t i = 0;
  for (; i + 3 <= data.size(); i += 3) {
    const std::uint32_t v =
        (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8) | data[i + 2];
    out.push_back(a.chars[(v >> 18) & 63]);
    out.push_back(a.chars[(v >> 12) & 63]);
    out.push_back(a.chars[(v >> 6) & 63]);
    out.push_back(a.chars[v & 63]);
  }
  const std::size_t left = data.size() - i;
  if (left == 1) {
    const std::uint32_t v = std::uint32_t{data[i]} << 16;
    out.push_back(a.chars[(v >> 18) & 63]);
    out.push_back(a.chars[(v >> 12) & 63]);
    out.push_back(a.pad);
    out.push_back(a.pad);
  } else if (left == 2) {
    const std::uint32_t v = (std::uint32_t{data[i]} << 16) | (std::uint32_t{data[i + 1]} << 8);
    out.push_back(a.chars[(v >> 18) & 63]);
    out.push_back(a.chars[(v >> 12) & 63]);
    out.push_back(a.chars[(v >> 6) & 63]);
    out.push_back(a.pad);
  }
  return out;
}

Base64Decoded base64_decode(std::string_view in, Base64Mode mode, std::vector<std::uint8_t>& out,
                            Base64Alphabet which) {
  const Alphabet& a = alphabet_for(which);
  if (decode_strict(in, a, out)) return {};
  if (!has_alphabet_char(in, a)) {
    out.clear();
    return {Malformation::kBadBase64, false};
  }
  if (mode == Base64Mode::kStrict) {
    out.clear();
    return {Malformation::kNonCanonicalBase64, false};
  }
  decode_lenient(in, a, out);
  return {Malformation::kNone, true};
}

std::string_view to_string(Base64Mode mode) {
  return mode == Base64Mode::kStrict ? "strict" : "lenient";
}

}  // namespace tokcheck
