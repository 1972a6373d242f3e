// HMAC-SHA256 with a keyed context that is built once and reused.
//
// The key's inner and outer pad blocks are hashed once, at construction; each MAC
// then copies those two precomputed SHA-256 states (plain structs, no allocation)
// and hashes only the message. This is what makes verify cheap enough for a gateway
// or a fuzzer: OpenSSL 3's one-shot HMAC() re-derives the pads and allocates on every
// call (measured 5.6x slower, suite-anchors.md §6), and EVP_MD_CTX_copy_ex allocates
// through the provider's dupctx. SHA256_CTX is deprecated API in OpenSSL 3, but it
// is the only copyable, allocation-free hash state libcrypto exposes; its use is
// confined to hmac_sha256.cc and checked against EVP_MAC in the unit tests.
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
    alignas(8) std::array<std::uint8_t, 112> inner_{};  // SHA256_CTX storage
    alignas(8) std::array<std::uint8_t, 112> outer_{};
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
