// The Inflater's fast path (reference/core/zlib_codec.h): a zlib stream whose
// deflate data is one final block with the fixed Huffman codes (RFC 1951
// §3.2.6), which is what zlib's deflate emits for a short text such as a
// UserSig's or an Agora 007's payload (261 of the 288 streams that inflate in
// their verify vectors). zlib 1.2.13's inflate() takes ~4,740 instructions for a
// UserSig's 182 bytes, this ~3,630; the Inflater on the bench tokens 399 → 363 ns
// (UserSig) and 423 → 364 ns (007), libdeflate's 360 and 378 (docs/BENCHMARKS.md).
//
// It only ever says yes: anything else — another block type, a header zlib
// refuses, an invalid code, a distance before the start of the output or beyond
// the header's window, more output than `room`, input that ends early — is
// "not handled", and the caller asks zlib, whose verdict stands. So every stream
// it accepts is one zlib accepts with the same bytes (the inflate fuzzer and
// zlib_codec_test.cc check it against zlib's uncompress2).
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>

#include "reference/core/byte_reader.h"

namespace tokcheck {

struct FixedBlockInflate {
  std::size_t produced = 0;  // bytes written to out
  std::size_t consumed = 0;  // bytes of `in` up to the end of the Adler-32 trailer
};

// Inflates `in` into out[0, room) when it is a zlib stream of one final
// fixed-Huffman block followed by at least the 4 trailer bytes; the trailer is
// located, not checked (the caller compares it with reference/core/adler32.h).
// Reads only within `in`, writes only within out[0, room).
std::optional<FixedBlockInflate> inflate_fixed_block(Bytes in, std::uint8_t* out, std::size_t room);

}  // namespace tokcheck
