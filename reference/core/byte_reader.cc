#include "reference/core/byte_reader.h"

namespace tokcheck {

template <typename T, bool kBigEndian>
bool ByteReader::read_int(T& out) {
  using U = std::make_unsigned_t<T>;
  if (data_.size() < sizeof(T)) return fail(Malformation::kTruncated);
  U v = 0;
  for (std::size_t i = 0; i < sizeof(T); ++i) {
    const std::size_t shift = kBigEndian ? (sizeof(T) - 1 - i) * 8 : i * 8;
    v = static_cast<U>(v | (static_cast<U>(data_[i]) << shift));
  }
  out = static_cast<T>(v);
  data_ = data_.subspan(sizeof(T));
  return true;
}

bool ByteReader::read_u8(std::uint8_t& out) { return read_int<std::uint8_t, false>(out); }
bool ByteReader::read_u16le(std::uint16_t& out) { return read_int<std::uint16_t, false>(out); }
bool ByteReader::read_u32le(std::uint32_t& out) { return read_int<std::uint32_t, false>(out); }
bool ByteReader::read_i16le(std::int16_t& out) { return read_int<std::int16_t, false>(out); }
bool ByteReader::read_u16be(std::uint16_t& out) { return read_int<std::uint16_t, true>(out); }
bool ByteReader::read_u32be(std::uint32_t& out) { return read_int<std::uint32_t, true>(out); }
bool ByteReader::read_u64be(std::uint64_t& out) { return read_int<std::uint64_t, true>(out); }

bool ByteReader::read_bytes(std::size_t n, Bytes& out) {
  if (data_.size() < n) return fail(Malformation::kTruncated);
  out = data_.first(n);
  data_ = data_.subspan(n);
  return true;
}

bool ByteReader::skip(std::size_t n) {
  Bytes ignored;
  return read_bytes(n, ignored);
}

bool ByteReader::read_u16le_prefixed(ByteReader& child) {
  ByteReader copy = *this;
  std::uint16_t len = 0;
  if (!copy.read_u16le(len)) return fail(Malformation::kTruncated);
  Bytes body;
  if (!copy.read_bytes(len, body)) return fail(Malformation::kLengthOverflow);
  *this = copy;
  child = ByteReader(body);
  return true;
}

bool ByteReader::read_u16be_prefixed(ByteReader& child) {
  ByteReader copy = *this;
  std::uint16_t len = 0;
  if (!copy.read_u16be(len)) return fail(Malformation::kTruncated);
  Bytes body;
  if (!copy.read_bytes(len, body)) return fail(Malformation::kLengthOverflow);
  *this = copy;
  child = ByteReader(body);
  return true;
}

bool ByteReader::read_u16le_string(std::string_view& out) {
  ByteReader child;
  if (!read_u16le_prefixed(child)) return false;
  out = as_chars(child.rest());
  return true;
}

bool ByteReader::check_records_fit(std::size_t count, std::size_t record_size) {
  if (record_size != 0 && count > data_.size() / record_size) {
    return fail(Malformation::kLengthOverflow);
  }
  return true;
}

}  // namespace tokcheck
