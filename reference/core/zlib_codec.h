// zlib deflate (for builds) and a capped, reusable inflater (for parsing).
//
// Builds use stock zlib at the default level (-1 → 6), windowBits 15, which is
// what makes Agora 007 tokens byte-identical to Agora's C++ and Python builders.
// Parsing accepts any valid zlib stream (Go, Node, Dart, C# and Rust compress the
// same payload differently) but never inflates past a hard cap: a compression bomb
// is a malformation, not an allocation. The common short stream, one fixed-Huffman
// block, is decoded by reference/core/fixed_block_inflate.h, everything else by zlib,
// with zlib's verdicts either way.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <vector>

#include "reference/core/byte_reader.h"
#include "reference/core/condition.h"

namespace tokcheck {

// zlib-wrapped deflate at `level` (Z_DEFAULT_COMPRESSION = -1).
std::vector<std::uint8_t> zlib_compress(Bytes data, int level = -1);

// Largest inflated token body any parser accepts. Agora's packer caps strings at
// 64 KiB; no real token comes near 256 KiB.
inline constexpr std::size_t kMaxInflatedSize = 256 * 1024;

// Keeps one z_stream for its lifetime and resets it per call, so steady-state
// inflation allocates nothing (the output vector's capacity is reused too).
class Inflater {
 public:
  Inflater();
  ~Inflater();
  Inflater(const Inflater&) = delete;
  Inflater& operator=(const Inflater&) = delete;
  Inflater(Inflater&&) noexcept;
  Inflater& operator=(Inflater&&) noexcept;

  // Inflates exactly one zlib stream. Returns kNone, kBadZlib, kZlibTooLarge
  // (output would exceed `cap`) or kTrailingAfterZlib (input continues after the
  // stream's end; `out` then still holds the inflated stream).
  Malformation inflate(Bytes in, std::vector<std::uint8_t>& out,
                       std::size_t cap = kMaxInflatedSize);

  // How many streams reference/core/fixed_block_inflate.h inflated instead of
  // zlib, so tests can show that both paths ran.
  std::size_t fixed_block_inflates() const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace tokcheck
