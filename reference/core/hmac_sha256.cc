// Uses the SHA256_CTX low-level API on purpose; see hmac_sha256.h for why.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "reference/core/hmac_sha256.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <algorithm>
#include <bit>
#include <cstring>

namespace tokcheck {
namespace {

constexpr std::size_t kBlock = SHA256_CBLOCK;  // 64
static_assert(kBlock == 64);
static_assert(std::endian::native == std::endian::little, "put_be and put_bit_length byte-swap");

// Compresses `blocks` 64-byte blocks into the chaining value `h` through
// libcrypto's block function, which reads and writes only SHA256_CTX::h.
template <typename State>
void compress_blocks(State& h, const std::uint8_t* data, std::size_t blocks) {
  SHA256_CTX c;
  std::memcpy(c.h, h.data(), sizeof c.h);
  for (std::size_t i = 0; i < blocks; ++i) SHA256_Transform(&c, data + i * kBlock);
  std::memcpy(h.data(), c.h, sizeof c.h);
}

template <typename State>
void put_be(const State& h, std::uint8_t* out) {
  for (std::size_t i = 0; i < 8; ++i) {
    const std::uint32_t word =
        __builtin_bswap32(h[i]);  // x86-64 and every SHA-NI CPU: little endian
    std::memcpy(out + 4 * i, &word, 4);
  }
}

void put_bit_length(std::uint64_t bytes, std::uint8_t* last8) {
  const std::uint64_t bits = __builtin_bswap64(bytes * 8);
  std::memcpy(last8, &bits, 8);
}

}  // namespace

HmacSha256::HmacSha256() { set_key({}); }

void HmacSha256::set_key(Bytes key) {
  std::array<std::uint8_t, kBlock> block{};
  if (key.size() > block.size()) {
    SHA256(key.data(), key.size(), block.data());
  } else if (!key.empty()) {
    std::memcpy(block.data(), key.data(), key.size());
  }
  SHA256_CTX initial;
  SHA256_Init(&initial);
  std::copy(std::begin(initial.h), std::end(initial.h), keyed_.inner_.begin());
  keyed_.outer_ = keyed_.inner_;
  std::array<std::uint8_t, kBlock> pad{};
  for (std::size_t i = 0; i < block.size(); ++i) pad[i] = block[i] ^ 0x36;
  compress_blocks(keyed_.inner_, pad.data(), 1);
  for (std::size_t i = 0; i < block.size(); ++i) pad[i] = block[i] ^ 0x5c;
  compress_blocks(keyed_.outer_, pad.data(), 1);
  OPENSSL_cleanse(block.data(), block.size());
  OPENSSL_cleanse(pad.data(), pad.size());
}

HmacSha256::Session HmacSha256::begin() const {
  Session s;
  s.inner_ = keyed_.inner_;
  s.outer_ = keyed_.outer_;
  return s;
}

void HmacSha256::Session::update(Bytes data) {
  const std::uint8_t* p = data.data();
  std::size_t n = data.size();
  std::size_t used = static_cast<std::size_t>(length_ % kBlock);
  length_ += n;
  if (used != 0) {
    const std::size_t take = std::min(n, kBlock - used);
    std::memcpy(block_.data() + used, p, take);
    p += take;
    n -= take;
    used += take;
    if (used < kBlock) return;
    compress_blocks(inner_, block_.data(), 1);
  }
  if (n >= kBlock) {
    compress_blocks(inner_, p, n / kBlock);
    p += n / kBlock * kBlock;
    n %= kBlock;
  }
  if (n != 0) std::memcpy(block_.data(), p, n);
}

Sha256Digest HmacSha256::Session::finish() {
  // Inner hash: message ‖ 0x80 ‖ zeros ‖ bit length of ipad block + message.
  std::size_t used = static_cast<std::size_t>(length_ % kBlock);
  block_[used++] = 0x80;
  if (used > kBlock - 8) {
    std::memset(block_.data() + used, 0, kBlock - used);
    compress_blocks(inner_, block_.data(), 1);
    used = 0;
  }
  std::memset(block_.data() + used, 0, kBlock - 8 - used);
  put_bit_length(kBlock + length_, block_.data() + kBlock - 8);
  compress_blocks(inner_, block_.data(), 1);

  // Outer hash: one block, inner digest ‖ 0x80 ‖ zeros ‖ bit length of 64 + 32.
  put_be(inner_, block_.data());
  block_[32] = 0x80;
  std::memset(block_.data() + 33, 0, kBlock - 8 - 33);
  put_bit_length(kBlock + 32, block_.data() + kBlock - 8);
  compress_blocks(outer_, block_.data(), 1);
  Sha256Digest out;
  put_be(outer_, out.data());
  // No cleanse here: both chaining values have moved past the key's pad states
  // (each went through at least one more compression, which cannot be undone),
  // so the session now holds the MAC and the inner digest, not the key. The
  // OPENSSL_cleanse of the session this replaced cost ~98 instructions per MAC
  // (callgrind; 1.2% of a Volcengine verify). The pad states live in the
  // HmacSha256 itself.
  return out;
}

Sha256Digest HmacSha256::mac(Bytes message) const {
  Session s = begin();
  s.update(message);
  return s.finish();
}

}  // namespace tokcheck
