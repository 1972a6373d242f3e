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
#include <type_traits>

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

  [[nodiscard]] bool read_u8(std::uint8_t& out) { return read_int<std::uint8_t, false>(out); }
  [[nodiscard]] bool read_u16le(std::uint16_t& out) { return read_int<std::uint16_t, false>(out); }
  [[nodiscard]] bool read_u32le(std::uint32_t& out) { return read_int<std::uint32_t, false>(out); }
  [[nodiscard]] bool read_i16le(std::int16_t& out) { return read_int<std::int16_t, false>(out); }
  [[nodiscard]] bool read_u16be(std::uint16_t& out) { return read_int<std::uint16_t, true>(out); }
  [[nodiscard]] bool read_u32be(std::uint32_t& out) { return read_int<std::uint32_t, true>(out); }
  [[nodiscard]] bool read_u64be(std::uint64_t& out) { return read_int<std::uint64_t, true>(out); }
  [[nodiscard]] bool read_bytes(std::size_t n, Bytes& out) {
    if (data_.size() < n) return fail(Malformation::kTruncated);
    out = data_.first(n);
    data_ = data_.subspan(n);
    return true;
  }
  [[nodiscard]] bool skip(std::size_t n);
  // u16 length then that many bytes, as a child view / string view.
  [[nodiscard]] bool read_u16le_prefixed(ByteReader& child) { return read_prefixed<false>(child); }
  [[nodiscard]] bool read_u16be_prefixed(ByteReader& child) { return read_prefixed<true>(child); }
  [[nodiscard]] bool read_u16le_string(std::string_view& out) {
    ByteReader child;
    if (!read_u16le_prefixed(child)) return false;
    out = as_chars(child.rest());
    return true;
  }
  // Checks that `count` records of `record_size` bytes fit in what is left, so
  // that a hostile count (65535 map entries) fails before any work is done.
  [[nodiscard]] bool check_records_fit(std::size_t count, std::size_t record_size);

 private:
  // Inline: these run for every field of every token on the verify path.
  template <typename T, bool kBigEndian>
  bool read_int(T& out) {
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
  template <bool kBigEndian>
  bool read_prefixed(ByteReader& child) {
    if (data_.size() < 2) return fail(Malformation::kTruncated);
    const std::size_t len = kBigEndian ? (std::size_t{data_[0]} << 8 | data_[1])
                                       : (std::size_t{data_[1]} << 8 | data_[0]);
    if (data_.size() - 2 < len) return fail(Malformation::kLengthOverflow);
    child = ByteReader(data_.subspan(2, len));
    data_ = data_.subspan(2 + len);
    return true;
  }
  bool fail(Malformation why) {
    error_ = why;
    return false;
  }

  Bytes data_{};
  Malformation error_ = Malformation::kNone;
};

}  // namespace tokcheck
