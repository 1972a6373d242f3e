#include "reference/core/zlib_codec.h"

#include <zlib.h>

#include <algorithm>
#include <array>
#include <cstring>

#include "reference/core/adler32.h"
#include "reference/core/fixed_block_inflate.h"

namespace tokcheck {

namespace {

// One deflate stream per level and thread, reset for each call. deflateInit
// allocates ~256 KiB of state at level 6 (window, hash chains, pending buffer);
// above glibc's mmap threshold that was mapped, faulted in and unmapped on every
// call, so a parse_007 / parse_usersig, which recompress to tell a canonical
// stream, took ~0.6 ms in an interleaved bench run (6-9 µs now; bench _Parse
// rows). deflateReset keeps the allocation and gives the same bytes as a fresh
// stream (the byte-exact build vectors check it).
class DeflateStreams {
 public:
  DeflateStreams() = default;
  DeflateStreams(const DeflateStreams&) = delete;
  DeflateStreams& operator=(const DeflateStreams&) = delete;
  ~DeflateStreams() {
    for (Stream& s : streams_) {
      if (s.ready) deflateEnd(&s.zs);
    }
  }
  // A stream at `level` ready for a new input, or nullptr for a level zlib refuses.
  z_stream* reset(int level) {
    if (level == Z_DEFAULT_COMPRESSION) level = 6;  // what deflateInit does with it
    if (level < 0 || level >= static_cast<int>(kLevels)) return nullptr;
    Stream& s = streams_[static_cast<std::size_t>(level)];
    if (s.ready) return deflateReset(&s.zs) == Z_OK ? &s.zs : nullptr;
    s.zs = z_stream{};
    if (deflateInit(&s.zs, level) != Z_OK) return nullptr;
    s.ready = true;
    return &s.zs;
  }

 private:
  static constexpr std::size_t kLevels = 10;  // 0..9
  struct Stream {
    z_stream zs{};
    bool ready = false;
  };
  std::array<Stream, kLevels> streams_{};
};

}  // namespace

std::vector<std::uint8_t> zlib_compress(Bytes data, int level) {
  thread_local DeflateStreams streams;
  z_stream* const zs = streams.reset(level);
  if (zs == nullptr || data.size() > 0xFFFFFFFFu) return {};
  std::vector<std::uint8_t> out(deflateBound(zs, static_cast<uLong>(data.size())));
  zs->next_in = const_cast<Bytef*>(data.data());
  zs->avail_in = static_cast<uInt>(data.size());
  zs->next_out = out.data();
  zs->avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(zs, Z_FINISH);
  out.resize(zs->total_out);
  if (rc != Z_STREAM_END) return {};
  return out;
}

namespace {

// The zlib trailer's byte order (RFC 1950 §2.1: most significant byte first).
std::uint32_t big_endian32(Bytes b) {
  return (std::uint32_t{b[0]} << 24) | (std::uint32_t{b[1]} << 16) | (std::uint32_t{b[2]} << 8) |
         b[3];
}

// The Inflater's first output buffer; it doubles from there up to the cap.
constexpr std::size_t kFirstBuffer = 1024;

// The verdict on a stream that ended `consumed` bytes into `in`, having
// inflated to `inflated`: its last 4 bytes are the big-endian Adler-32 trailer
// (byte-aligned, after the last block), which zlib was told not to compare
// (inflateValidate): a wrong one is the data error zlib's check would report.
// Either inflating path ends here, so both give the same verdicts.
Malformation end_of_stream(Bytes in, std::size_t consumed, Bytes inflated,
                           std::vector<std::uint8_t>& out) {
  if (consumed < 4 || adler32(inflated) != big_endian32(in.subspan(consumed - 4, 4))) {
    return Malformation::kBadZlib;
  }
  out.assign(inflated.begin(), inflated.end());  // within its capacity: a copy, no fill
  return consumed < in.size() ? Malformation::kTrailingAfterZlib : Malformation::kNone;
}

}  // namespace

struct Inflater::State {
  z_stream zs{};
  bool ready = false;
  // Where zlib writes, kept across calls and never zero-filled: inflating into
  // `out` needed out.resize(1024) first, which zeroed a KiB per call (~170 of a
  // UserSig verify's ~15,400 instructions) to be overwritten. It only grows, up
  // to the largest cap + 1 asked for, as the output vector's capacity did.
  std::unique_ptr<std::uint8_t[]> buffer;
  std::size_t capacity = 0;
  std::size_t fixed_block_inflates = 0;  // streams the fast path inflated

  // Grows the buffer to `want` bytes, keeping its first `kept`.
  void grow(std::size_t want, std::size_t kept) {
    std::unique_ptr<std::uint8_t[]> bigger(new std::uint8_t[want]);  // not value-initialised
    if (kept != 0) std::memcpy(bigger.get(), buffer.get(), kept);
    buffer = std::move(bigger);
    capacity = want;
  }
};

Inflater::Inflater() : state_(std::make_unique<State>()) {
  // zlib's own Adler-32 (byte at a time) is off: inflate() below checks the
  // trailer with reference/core/adler32.h, to the same verdict.
  state_->ready = inflateInit(&state_->zs) == Z_OK && inflateValidate(&state_->zs, 0) == Z_OK;
}

Inflater::~Inflater() {
  if (state_ && state_->ready) inflateEnd(&state_->zs);
}

Inflater::Inflater(Inflater&&) noexcept = default;
Inflater& Inflater::operator=(Inflater&&) noexcept = default;

std::size_t Inflater::fixed_block_inflates() const { return state_->fixed_block_inflates; }

Malformation Inflater::inflate(Bytes in, std::vector<std::uint8_t>& out, std::size_t cap) {
  out.clear();
  State& st = *state_;
  if (!st.ready) return Malformation::kBadZlib;
  // The buffer's first size, as the loop below would give it.
  if (const std::size_t first = std::min(cap + 1, kFirstBuffer); st.capacity < first) {
    st.grow(first, 0);
  }
  // One final fixed-Huffman block, the common short token: decoded here to the
  // bytes and the end zlib would reach, or left to zlib on anything unusual.
  if (const auto fast = inflate_fixed_block(in, st.buffer.get(), std::min(st.capacity, cap))) {
    ++st.fixed_block_inflates;
    return end_of_stream(in, fast->consumed, Bytes(st.buffer.get(), fast->produced), out);
  }
  if (inflateReset(&st.zs) != Z_OK) return Malformation::kBadZlib;
  z_stream& zs = st.zs;
  zs.next_in = const_cast<Bytef*>(in.data());
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 0xFFFFFFFFu));
  // Grow in steps but never beyond cap + 1 bytes: one byte more than the cap is
  // enough to know the cap was exceeded.
  std::size_t produced = 0;
  for (;;) {
    std::size_t room = std::min(st.capacity, cap + 1);
    if (room == produced) {
      const std::size_t want = std::min(cap + 1, std::max(kFirstBuffer, produced * 2));
      if (want <= produced) return Malformation::kZlibTooLarge;
      st.grow(want, produced);
      room = want;
    }
    zs.next_out = st.buffer.get() + produced;
    zs.avail_out = static_cast<uInt>(std::min<std::size_t>(room - produced, 0xFFFFFFFFu));
    // Z_FINISH: a stream that completes within this call is inflated without
    // zlib's sliding window (it would otherwise copy every output byte into
    // it). When the output buffer fills first zlib keeps going as with
    // Z_NO_FLUSH on the next call, so the accepted streams are the same.
    const int rc = ::inflate(&zs, Z_FINISH);
    produced = static_cast<std::size_t>(zs.next_out - st.buffer.get());
    if (produced > cap) return Malformation::kZlibTooLarge;
    if (rc == Z_STREAM_END) break;
    // With Z_FINISH an unfinished stream reports Z_BUF_ERROR: either the output
    // buffer is full (grow it and go on) or the input ended mid-stream.
    if (rc == Z_BUF_ERROR && zs.avail_out == 0) continue;
    return Malformation::kBadZlib;
  }
  // The stream ended, so zlib consumed the trailer: next_in is just past it
  // (input beyond 4 GiB was never handed to zlib, so it counts as trailing).
  return end_of_stream(in, static_cast<std::size_t>(zs.next_in - in.data()),
                       Bytes(st.buffer.get(), produced), out);
}

}  // namespace tokcheck
