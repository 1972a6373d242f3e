// HMAC-SHA256 with a keyed context that is built once and reused.
//
// The key's inner and outer pad blocks are hashed once, at construction; each MAC
// then starts from those two precomputed chaining values (32 bytes each, no
// allocation) and hashes only the message. This is what makes verify cheap enough
// for a gateway or a fuzzer: OpenSSL 3's one-shot HMAC() re-derives the pads and
// allocates on every call (measured 5.6x slower, suite-anchors.md §6), and
// EVP_MD_CTX_copy_ex allocates through the provider's dupctx.
//
// The message is fed to libcrypto's SHA-256 block function (SHA256_Transform,
// SHA-NI/AVX2) a block at a time; the Merkle–Damgård padding (FIPS 180-4 §5.1.1)
// is done here. Against SHA256_Update/SHA256_Final this saves copying two 112-byte
// contexts per MAC, Final's bookkeeping and its cleanse: ~20 ns of a ~250 ns
// Agora 006 verify (docs/BENCHMARKS.md). SHA256_CTX/SHA256_Transform are
// deprecated API in OpenSSL 3, but they are the only copyable, allocation-free hash
// state libcrypto exposes; their use is confined to hmac_sha256.cc and checked
// against EVP_MAC in the unit tests.
#pragma once

#include <array>
#include <cstdint>

#include "reference/core/byte_reader.h"

namespace tokcheck {

using Sha256Digest = std::array<std::uint8_t, 32>;

class HmacSha256 {
 public:
  // An in-progress MAC over a message given in pieces (Agora 006 signs
  // appId ‖ channel ‖ uid ‖ message without copying them together).
  class Session {
   public:
    void update(Bytes data);
    Sha256Digest finish();

   private:
    friend class HmacSha256;
    using State = std::array<std::uint32_t, 8>;  // SHA-256 chaining value
    State inner_{};
    State outer_{};
    std::array<std::uint8_t, 64> block_{};  // the inner hash's partial block
    std::uint64_t length_ = 0;              // message bytes so far (ipad block excluded)
  };

  HmacSha256();
  explicit HmacSha256(Bytes key) { set_key(key); }
  void set_key(Bytes key);

  Session begin() const;
  Sha256Digest mac(Bytes message) const;

  // One MAC under a key used once (Agora 007 derives a key per token).
  static Sha256Digest compute(Bytes key, Bytes message) { return HmacSha256(key).mac(message); }

 private:
  Session keyed_;
};

}  // namespace tokcheck
