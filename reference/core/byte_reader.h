// A bounds-checked, non-owning view that parsers consume field by field, after
// BoringSSL's CBS. Every read either succeeds and advances, or fails and leaves the
// view untouched; nothing reads past the end and nothing throws or allocates.
// A length prefix yields a child view, so nested structures are parsed by handing
// the child to the next function and checking that it was consumed exactly.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "reference/core/condition.h"

namespace tokcheck {

using Bytes = std::span<const std::uint8_t>;

inline Bytes as_bytes(std::string_view s) {
  return {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()};
}
inline std::string_view as_chars(Bytes b) {
  return {reinterpret_cast<const char*>(b.data()), b.size()};
}

class ByteReader {
 public:
  constexpr ByteReader() = default;
  constexpr explicit ByteReader(Bytes data) : data_(data) {}
  explicit ByteReader(std::string_view s) : data_(as_bytes(s)) {}

  std::size_t remaining() const { return data_.size(); }
  bool empty() const { return data_.empty(); }
  Bytes rest() const { return data_; }
  // Why the most recent failed read failed: kTruncated (a fixed-size field ran
  // out) or kLengthOverflow (a prefix/count pointed past the end).
  Malformation error() const { return error_; }

  [[nodiscard]] bool read_u8(std::uint8_t& out);
  [[nodiscard]] bool read_u16le(std::uint16_t& out);
  [[nodiscard]] bool read_u32le(std::uint32_t& out);
  [[nodiscard]] bool read_i16le(std::int16_t& out);
  [[nodiscard]] bool read_u16be(std::uint16_t& out);
  [[nodiscard]] bool read_u32be(std::uint32_t& out);
  [[nodiscard]] bool read_u64be(std::uint64_t& out);
  [[nodiscard]] bool read_bytes(std::size_t n, Bytes& out);
  [[nodiscard]] bool skip(std::size_t n);
  // u16 length then that many bytes, as a child view / string view.
  [[nodiscard]] bool read_u16le_prefixed(ByteReader& child);
  [[nodiscard]] bool read_u16be_prefixed(ByteReader& child);
  [[nodiscard]] bool read_u16le_string(std::string_view& out);
  // Checks that `count` records of `record_size` bytes fit in what is left, so
  // that a hostile count (65535 map entries) fails before any work is done.
  [[nodiscard]] bool check_records_fit(std::size_t count, std::size_t record_size);

 private:
  template <typename T, bool kBigEndian>
  bool read_int(T& out);
  bool fail(Malformation why) {
    error_ = why;
    return false;
  }

  Bytes data_{};
  Malformation error_ = Malformation::kNone;
};

}  // namespace tokcheck
