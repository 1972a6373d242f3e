#include "reference/core/zlib_codec.h"

#include <zlib.h>

#include <algorithm>

namespace tokcheck {

std::vector<std::uint8_t> zlib_compress(Bytes data, int level) {
  z_stream zs{};
  if (deflateInit(&zs, level) != Z_OK) return {};
  std::vector<std::uint8_t> out(deflateBound(&zs, static_cast<uLong>(data.size())));
  zs.next_in = const_cast<Bytef*>(data.data());
  zs.avail_in = static_cast<uInt>(data.size());
  zs.next_out = out.data();
  zs.avail_out = static_cast<uInt>(out.size());
  const int rc = deflate(&zs, Z_FINISH);
  out.resize(zs.total_out);
  deflateEnd(&zs);
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
