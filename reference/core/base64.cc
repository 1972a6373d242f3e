#include "reference/core/base64.h"

#include <array>

namespace tokcheck {
namespace {

constexpr std::string_view kStandardChars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
constexpr std::string_view kTencentChars =
    "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789*-";

constexpr std::int8_t kInvalid = -1;

// Pre-shifted decode tables (the modp_b64 technique): quad[k][c] is the
// sextet of c already shifted into place for position k of a 4-char group,
// and kBadQuad (bit 24) for a character outside the alphabet, so one group
// decodes with four loads, three ORs and one compare.
constexpr std::uint32_t kBadQuad = 1u << 24;

struct Alphabet {
  std::string_view chars;
  char pad;
  std::array<std::int8_t, 256> strict{};   // only the alphabet's own 64 chars
  std::array<std::int8_t, 256> lenient{};  // plus the other common spellings of 62/63
  std::array<std::array<std::uint32_t, 256>, 4> quad{};
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
  for (std::size_t k = 0; k < 4; ++k) {
    for (std::size_t c = 0; c < 256; ++c) {
      a.quad[k][c] =
          a.strict[c] < 0 ? kBadQuad : static_cast<std::uint32_t>(a.strict[c]) << (18 - 6 * k);
    }
  }
  return a;
}

const Alphabet& alphabet_for(Base64Alphabet which) {
  static const Alphabet standard = make_alphabet(kStandardChars, '=', "-", "_");
  static const Alphabet tencent = make_alphabet(kTencentChars, '_', "+", "/");
  return which == Base64Alphabet::kTencent ? tencent : standard;
}

// Four characters at a time straight into a pre-sized buffer: this runs on
// every verify, so it avoids per-byte push_back and branches per character.
bool decode_strict(std::string_view in, const Alphabet& a, std::vector<std::uint8_t>& out) {
  out.clear();
  if (in.size() % 4 != 0) return false;
  if (in.empty()) return true;
  std::size_t pad = 0;
  if (in.back() == a.pad) ++pad;
  if (in[in.size() - 2] == a.pad) ++pad;
  out.resize(in.size() / 4 * 3);
  std::uint8_t* o = out.data();
  const auto* p = reinterpret_cast<const unsigned char*>(in.data());
  const std::size_t full_groups = in.size() / 4 - (pad ? 1 : 0);
  std::uint32_t bad = 0;
  for (std::size_t g = 0; g < full_groups; ++g, p += 4, o += 3) {
    const std::uint32_t v = a.quad[0][p[0]] | a.quad[1][p[1]] | a.quad[2][p[2]] | a.quad[3][p[3]];
    bad |= v;
    o[0] = static_cast<std::uint8_t>(v >> 16);
    o[1] = static_cast<std::uint8_t>(v >> 8);
    o[2] = static_cast<std::uint8_t>(v);
  }
  if (bad & kBadQuad) return false;
  if (pad) {
    // Last group: "xx==" or "xxx=". Canonical form needs the unused bits zero.
    const std::int32_t v0 = a.strict[p[0]], v1 = a.strict[p[1]];
    const std::int32_t v2 = pad == 1 ? a.strict[p[2]] : 0;
    if ((v0 | v1 | v2) < 0) return false;
    const std::uint32_t v = (static_cast<std::uint32_t>(v0) << 18) |
                            (static_cast<std::uint32_t>(v1) << 12) |
                            (static_cast<std::uint32_t>(v2) << 6);
    if (pad == 2 && (v & 0xFFFF) != 0) return false;
    if (pad == 1 && (v & 0xFF) != 0) return false;
    *o++ = static_cast<std::uint8_t>(v >> 16);
    if (pad == 1) *o++ = static_cast<std::uint8_t>(v >> 8);
  }
  out.resize(static_cast<std::size_t>(o - out.data()));
  return true;
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
