// Uses the SHA256_CTX low-level API on purpose; see hmac_sha256.h for why.
#define OPENSSL_SUPPRESS_DEPRECATED 1
#include "reference/core/hmac_sha256.h"

#include <openssl/crypto.h>
#include <openssl/sha.h>

#include <cstring>

namespace tokcheck {
namespace {

static_assert(sizeof(SHA256_CTX) <= 112, "SHA256_CTX no longer fits the reserved storage");

SHA256_CTX* ctx(std::array<std::uint8_t, 112>& storage) {
  return reinterpret_cast<SHA256_CTX*>(storage.data());
}

}  // namespace

HmacSha256::HmacSha256() { set_key({}); }

void HmacSha256::set_key(Bytes key) {
  std::array<std::uint8_t, SHA256_CBLOCK> block{};
  if (key.size() > block.size()) {
    SHA256(key.data(), key.size(), block.data());
  } else if (!key.empty()) {
    std::memcpy(block.data(), key.data(), key.size());
  }
  std::array<std::uint8_t, SHA256_CBLOCK> pad{};
  for (std::size_t i = 0; i < block.size(); ++i) pad[i] = block[i] ^ 0x36;
  SHA256_Init(ctx(keyed_.inner_));
  SHA256_Update(ctx(keyed_.inner_), pad.data(), pad.size());
  for (std::size_t i = 0; i < block.size(); ++i) pad[i] = block[i] ^ 0x5c;
  SHA256_Init(ctx(keyed_.outer_));
  SHA256_Update(ctx(keyed_.outer_), pad.data(), pad.size());
  OPENSSL_cleanse(block.data(), block.size());
  OPENSSL_cleanse(pad.data(), pad.size());
}

HmacSha256::Session HmacSha256::begin() const { return keyed_; }

void HmacSha256::Session::update(Bytes data) {
  if (!data.empty()) SHA256_Update(ctx(inner_), data.data(), data.size());
}

Sha256Digest HmacSha256::Session::finish() {
  Sha256Digest inner_digest{};
  SHA256_Final(inner_digest.data(), ctx(inner_));
  SHA256_Update(ctx(outer_), inner_digest.data(), inner_digest.size());
  Sha256Digest out{};
  SHA256_Final(out.data(), ctx(outer_));
  return out;
}

Sha256Digest HmacSha256::mac(Bytes message) const {
  Session s = begin();
  s.update(message);
  return s.finish();
}

}  // namespace tokcheck
