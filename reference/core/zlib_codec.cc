#include "reference/core/zlib_codec.h"

#include <zlib.h>

#include <algorithm>
#include <array>

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

struct Inflater::State {
  z_stream zs{};
  bool ready = false;
};

Inflater::Inflater() : state_(std::make_unique<State>()) {
  state_->ready = inflateInit(&state_->zs) == Z_OK;
}

Inflater::~Inflater() {
  if (state_ && state_->ready) inflateEnd(&state_->zs);
}

Inflater::Inflater(Inflater&&) noexcept = default;
Inflater& Inflater::operator=(Inflater&&) noexcept = default;

Malformation Inflater::inflate(Bytes in, std::vector<std::uint8_t>& out, std::size_t cap) {
  out.clear();
  if (!state_->ready || inflateReset(&state_->zs) != Z_OK) return Malformation::kBadZlib;
  z_stream& zs = state_->zs;
  zs.next_in = const_cast<Bytef*>(in.data());
  zs.avail_in = static_cast<uInt>(std::min<std::size_t>(in.size(), 0xFFFFFFFFu));
  // Grow in steps but never beyond cap + 1 bytes: one byte more than the cap is
  // enough to know the cap was exceeded.
  std::size_t produced = 0;
  for (;;) {
    if (out.size() == produced) {
      const std::size_t want = std::min(cap + 1, std::max<std::size_t>(1024, produced * 2));
      if (want <= produced) return Malformation::kZlibTooLarge;
      // reserve() first: resize() alone may double capacity past the cap.
      if (out.capacity() < want) out.reserve(want);
      out.resize(want);
    }
    zs.next_out = out.data() + produced;
    zs.avail_out = static_cast<uInt>(out.size() - produced);
    // Z_FINISH: a stream that completes within this call is inflated without
    // zlib's sliding window (it would otherwise copy every output byte into
    // it). When the output buffer fills first zlib keeps going as with
    // Z_NO_FLUSH on the next call, so the accepted streams are the same.
    const int rc = ::inflate(&zs, Z_FINISH);
    produced = out.size() - zs.avail_out;
    if (produced > cap) {
      out.clear();
      return Malformation::kZlibTooLarge;
    }
    if (rc == Z_STREAM_END) break;
    // With Z_FINISH an unfinished stream reports Z_BUF_ERROR: either the output
    // buffer is full (grow it and go on) or the input ended mid-stream.
    if (rc == Z_BUF_ERROR && zs.avail_out == 0) continue;
    out.clear();
    return Malformation::kBadZlib;
  }
  out.resize(produced);
  if (zs.avail_in != 0 || in.size() > 0xFFFFFFFFu) return Malformation::kTrailingAfterZlib;
  return Malformation::kNone;
}

}  // namespace tokcheck
