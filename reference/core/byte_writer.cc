#include "reference/core/byte_writer.h"

namespace tokcheck {

void ByteWriter::add_int(std::uint64_t v, int width, bool big_endian) {
  for (int i = 0; i < width; ++i) {
    const int shift = big_endian ? (width - 1 - i) * 8 : i * 8;
    buf_.push_back(static_cast<std::uint8_t>(v >> shift));
  }
}

void ByteWriter::add_u16le_prefixed(Bytes b) {
  if (b.size() > 0xFFFF) {
    ok_ = false;
    return;
  }
  add_u16le(static_cast<std::uint16_t>(b.size()));
  add_bytes(b);
}

void ByteWriter::add_u16be_prefixed(Bytes b) {
  if (b.size() > 0xFFFF) {
    ok_ = false;
    return;
  }
  add_u16be(static_cast<std::uint16_t>(b.size()));
  add_bytes(b);
}

}  // namespace tokcheck
