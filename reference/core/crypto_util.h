// Small primitives every format needs: constant-time comparison, CRC32, hex.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/byte_reader.h"

namespace tokcheck {

// Constant-time in the contents; the lengths are public (a tag of the wrong length
// is rejected without looking at it).
bool constant_time_equal(Bytes a, Bytes b);

// zlib/IEEE CRC-32 (poly 0xEDB88320); crc32_ieee("") == 0.
std::uint32_t crc32_ieee(Bytes data);
inline std::uint32_t crc32_ieee(std::string_view s) { return crc32_ieee(as_bytes(s)); }

std::string to_hex(Bytes data);
// Lower- or upper-case hex; false on odd length or a non-hex character.
bool from_hex(std::string_view hex, std::vector<std::uint8_t>& out);

// Exactly 32 characters of [0-9a-fA-F]: Agora's App ID / App Certificate shape.
bool is_hex32(std::string_view s);

}  // namespace tokcheck
