// Appends little-/big-endian integers and u16-length-prefixed fields to a growing
// buffer, after BoringSSL's CBB. Errors are sticky: a field that cannot be encoded
// (a string over 65535 bytes) marks the writer failed, and ok() reports it once at
// the end instead of every call site checking.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/byte_reader.h"

namespace tokcheck {

class ByteWriter {
 public:
  void add_u8(std::uint8_t v) { buf_.push_back(v); }
  void add_u16le(std::uint16_t v) { add_int(v, 2, false); }
  void add_u32le(std::uint32_t v) { add_int(v, 4, false); }
  void add_i16le(std::int16_t v) { add_int(static_cast<std::uint16_t>(v), 2, false); }
  void add_u16be(std::uint16_t v) { add_int(v, 2, true); }
  void add_u32be(std::uint32_t v) { add_int(v, 4, true); }
  void add_u64be(std::uint64_t v) { add_int(v, 8, true); }
  void add_bytes(Bytes b) { buf_.insert(buf_.end(), b.begin(), b.end()); }
  void add_bytes(std::string_view s) { add_bytes(as_bytes(s)); }
  // u16 length (LE or BE) followed by the bytes; fails if longer than 65535.
  void add_u16le_prefixed(Bytes b);
  void add_u16le_prefixed(std::string_view s) { add_u16le_prefixed(as_bytes(s)); }
  void add_u16be_prefixed(Bytes b);
  void add_u16be_prefixed(std::string_view s) { add_u16be_prefixed(as_bytes(s)); }

  bool ok() const { return ok_; }
  const std::vector<std::uint8_t>& bytes() const { return buf_; }
  std::vector<std::uint8_t> take() { return std::move(buf_); }

 private:
  void add_int(std::uint64_t v, int width, bool big_endian);

  std::vector<std::uint8_t> buf_;
  bool ok_ = true;
};

}  // namespace tokcheck
