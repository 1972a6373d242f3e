// Base64 with a strict canonical decoder and an explicitly lenient one.
//
// Strict (the reference's default): the exact alphabet, '=' padding present,
// length a multiple of 4, zero padding bits, no other characters. Exactly one
// string encodes each byte sequence, so a strict verifier cannot be fed two
// spellings of one token (replay caches key on the string).
//
// Lenient models what Agora's C++ and Node parsers accept (token-formats.md §5):
// characters outside the alphabet are skipped, the URL alphabet ('-', '_') is
// accepted beside the standard one, decoding stops at the first padding char,
// padding may be missing and padding bits are ignored. Callers record which mode
// decoded a token so a verdict can say "accepted only leniently".
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/byte_reader.h"
#include "reference/core/condition.h"

namespace tokcheck {

enum class Base64Alphabet : std::uint8_t {
  kStandard,  // A-Z a-z 0-9 + /, pad '='
  kTencent,   // A-Z a-z 0-9 * -, pad '_' (TLSSigAPIv2's "base64url")
};

enum class Base64Mode : std::uint8_t { kStrict, kLenient };

std::string base64_encode(Bytes data, Base64Alphabet alphabet = Base64Alphabet::kStandard);

struct Base64Decoded {
  Malformation error = Malformation::kNone;  // kNone, kBadBase64 or kNonCanonicalBase64
  bool lenient_used = false;                 // strict failed, lenient mode accepted it
};

// Decodes `in` into `out` (resized; its capacity is reused, so a caller that keeps
// the vector across calls does not allocate in the steady state).
// In strict mode a string that only the lenient rules accept yields
// kNonCanonicalBase64; one that neither accepts yields kBadBase64.
Base64Decoded base64_decode(std::string_view in, Base64Mode mode, std::vector<std::uint8_t>& out,
                            Base64Alphabet alphabet = Base64Alphabet::kStandard);

std::string_view to_string(Base64Mode mode);

}  // namespace tokcheck
