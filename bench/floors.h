// The floor beside every verify (docs/BENCHMARKS.md "Floors"): the least work a
// format forces on the bench token's own bytes (bench/fixtures.h), measured the
// cheapest way this machine offers. HMAC formats: exactly the SHA-256 compression
// blocks the format must hash (SHA256_Transform, OpenSSL's SHA-NI/AVX2 block
// function), pads precomputed where the key is fixed; Agora 007 derives its key
// per token, so all three of its HMACs are hashed from scratch. Zlib formats add
// libdeflate's inflate of the token's zlib stream. ZEGO: AES-256 through one
// reused EVP context with the cipher fetched once (CBC: an ECB context and the
// chaining XOR, no per-token IV re-arm).
//
// Header-only so that a floor's run() inlines into the timing loop of either
// file that uses it, as the verify's own call does.
#pragma once

#define OPENSSL_SUPPRESS_DEPRECATED 1  // SHA256_Transform: the bare block function
#include <benchmark/benchmark.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <openssl/params.h>
#include <openssl/sha.h>

#include <array>
#include <bit>
#include <cstdint>
#include <cstring>
#include <memory>
#include <vector>

#include "bench/fixtures.h"
#include "reference/core/hmac_sha256.h"

#if TOKCHECK_BENCH_HAVE_LIBDEFLATE
#include <libdeflate.h>
#endif

namespace tokcheck::bench {

inline constexpr std::size_t kBlock = SHA256_CBLOCK;  // 64

// The SHA-256 padding of `message` when `prefix` bytes (whole blocks) precede it:
// message ‖ 0x80 ‖ zeros ‖ be64 bit length, in whole blocks.
inline std::vector<std::uint8_t> padded(Bytes message, std::size_t prefix) {
  std::vector<std::uint8_t> out((message.size() + 9 + kBlock - 1) / kBlock * kBlock, 0);
  if (!message.empty()) std::memcpy(out.data(), message.data(), message.size());
  out[message.size()] = 0x80;
  const std::uint64_t bits = (prefix + message.size()) * 8;
  for (int i = 0; i < 8; ++i) out[out.size() - 1 - i] = static_cast<std::uint8_t>(bits >> (8 * i));
  return out;
}

// The chaining value as big-endian bytes: one byte swap and one 4-byte store per
// word. Written byte by byte, GCC 12 vectorised it into shuffles whose wide
// stores the next SHA256_Transform could not load from without a stall: the
// 006 floor read 170 ns instead of 145 after it moved into this header.
inline void put_digest(const SHA256_CTX& c, std::uint8_t* out) {
  static_assert(std::endian::native == std::endian::little);
  for (int i = 0; i < 8; ++i) {
    const std::uint32_t word = __builtin_bswap32(c.h[i]);
    std::memcpy(out + 4 * i, &word, 4);
  }
}

inline SHA256_CTX initial_state() {
  SHA256_CTX c;
  SHA256_Init(&c);
  return c;
}

// The key (≤ 64 bytes) XOR `pad`, as one block.
inline std::array<std::uint8_t, kBlock> key_block(Bytes key, std::uint8_t pad) {
  std::array<std::uint8_t, kBlock> b;
  b.fill(pad);
  for (std::size_t i = 0; i < key.size(); ++i) b[i] ^= key[i];
  return b;
}

// The outer hash's single block: inner digest ‖ padding for 64 + 32 bytes.
inline std::array<std::uint8_t, kBlock> outer_template() {
  std::array<std::uint8_t, kBlock> b{};
  const std::vector<std::uint8_t> p = padded(std::vector<std::uint8_t>(32, 0), kBlock);
  std::memcpy(b.data(), p.data(), kBlock);
  return b;
}

inline constexpr const char* kMacDiffers = "floor MAC differs from the token's signature";

inline bool same(const Sha256Digest& mac, const std::vector<std::uint8_t>& signature) {
  return signature.size() == mac.size() && std::memcmp(mac.data(), signature.data(), 32) == 0;
}

// HMAC-SHA256 under a fixed key: the ipad/opad states are computed once; a MAC is
// the padded message's blocks plus the one outer block, and nothing else. The
// floor of Agora 006 and Volcengine 001 as it stands (their keys are fixed per
// verifier), and the MAC part of UserSig's.
class FixedKeyHmacFloor {
 public:
  FixedKeyHmacFloor(Bytes key, const std::vector<std::uint8_t>& message,
                    const std::vector<std::uint8_t>& signature)
      : inner_(initial_state()),
        outer_(initial_state()),
        message_size_(message.size()),
        signature_(signature),
        blocks_(padded(message, kBlock)) {
    const auto ipad = key_block(key, 0x36), opad = key_block(key, 0x5c);
    SHA256_Transform(&inner_, ipad.data());
    SHA256_Transform(&outer_, opad.data());
    outer_block_ = outer_template();
  }
  const char* error() { return same(mac(), signature_) ? nullptr : kMacDiffers; }
  Sha256Digest run() { return mac(); }
  void report(benchmark::State& state) const {
    state.counters["sha256_blocks"] = static_cast<double>(blocks_.size() / kBlock + 1);
    state.counters["signed_bytes"] = static_cast<double>(message_size_);
  }

 private:
  Sha256Digest mac() {
    SHA256_CTX c = inner_;
    for (std::size_t at = 0; at < blocks_.size(); at += kBlock) SHA256_Transform(&c, &blocks_[at]);
    put_digest(c, outer_block_.data());
    SHA256_CTX o = outer_;
    SHA256_Transform(&o, outer_block_.data());
    Sha256Digest out;
    put_digest(o, out.data());
    return out;
  }

  SHA256_CTX inner_, outer_;
  std::size_t message_size_;
  const std::vector<std::uint8_t>& signature_;
  std::vector<std::uint8_t> blocks_;
  std::array<std::uint8_t, kBlock> outer_block_{};
};

inline FixedKeyHmacFloor agora006_floor(const Agora006Fixture& f) {
  return {as_bytes(f.input.app_certificate), f.signed_bytes, f.signature};
}
inline FixedKeyHmacFloor volc001_floor(const Volc001Fixture& f) {
  return {as_bytes(f.input.app_key), f.signed_bytes, f.signature};
}

// HMAC-SHA256 under a key seen for the first time: ipad block, the message's
// blocks (`padded_message`, from padded(m, 64)), opad block, outer block.
inline Sha256Digest fresh_hmac(const SHA256_CTX& iv, Bytes key, const std::uint8_t* padded_message,
                               std::size_t message_blocks) {
  auto pad = key_block(key, 0x36);
  SHA256_CTX c = iv;
  SHA256_Transform(&c, pad.data());
  for (std::size_t i = 0; i < message_blocks; ++i)
    SHA256_Transform(&c, padded_message + i * kBlock);
  std::array<std::uint8_t, kBlock> outer = outer_template();
  put_digest(c, outer.data());
  pad = key_block(key, 0x5c);
  SHA256_CTX o = iv;
  SHA256_Transform(&o, pad.data());
  SHA256_Transform(&o, outer.data());
  Sha256Digest out;
  put_digest(o, out.data());
  return out;
}

// The fastest inflater packaged by Debian, reused across calls like the verifier's.
class InflateFloor {
 public:
  InflateFloor(const std::vector<std::uint8_t>& in, std::size_t out_size)
      : in_(in), out_(out_size) {
#if TOKCHECK_BENCH_HAVE_LIBDEFLATE
    d_ = libdeflate_alloc_decompressor();
#endif
  }
  ~InflateFloor() {
#if TOKCHECK_BENCH_HAVE_LIBDEFLATE
    libdeflate_free_decompressor(d_);
#endif
  }
  InflateFloor(const InflateFloor&) = delete;
  InflateFloor& operator=(const InflateFloor&) = delete;
  static bool available() { return TOKCHECK_BENCH_HAVE_LIBDEFLATE != 0; }
  // Inflated size, or 0 on failure.
  std::size_t inflate() {
#if TOKCHECK_BENCH_HAVE_LIBDEFLATE
    std::size_t n = 0;
    if (libdeflate_zlib_decompress(d_, in_.data(), in_.size(), out_.data(), out_.size(), &n) !=
        LIBDEFLATE_SUCCESS) {
      return 0;
    }
    return n;
#else
    return 0;
#endif
  }
  const std::vector<std::uint8_t>& out() const { return out_; }

 private:
  const std::vector<std::uint8_t>& in_;
  std::vector<std::uint8_t> out_;
#if TOKCHECK_BENCH_HAVE_LIBDEFLATE
  libdeflate_decompressor* d_ = nullptr;
#endif
};

// Null when libdeflate inflates the token's stream to its payload.
inline const char* inflate_error(InflateFloor& inflater, const std::vector<std::uint8_t>& plain) {
  if (!InflateFloor::available()) {
    return "libdeflate not found at build time (Debian libdeflate-dev)";
  }
  if (inflater.inflate() != plain.size() ||
      std::memcmp(inflater.out().data(), plain.data(), plain.size()) != 0) {
    return "libdeflate does not inflate the token's stream to its payload";
  }
  return nullptr;
}

struct CipherDeleter {
  void operator()(EVP_CIPHER* c) const { EVP_CIPHER_free(c); }
  void operator()(EVP_CIPHER_CTX* c) const { EVP_CIPHER_CTX_free(c); }
};
using CipherPtr = std::unique_ptr<EVP_CIPHER, CipherDeleter>;
using CipherCtxPtr = std::unique_ptr<EVP_CIPHER_CTX, CipherDeleter>;

// One decryption context, keyed once, with the cipher fetched once.
inline CipherCtxPtr keyed_decrypt(const EVP_CIPHER* cipher, const std::string& key,
                                  bool no_padding) {
  CipherCtxPtr ctx(EVP_CIPHER_CTX_new());
  if (EVP_DecryptInit_ex2(ctx.get(), cipher, reinterpret_cast<const unsigned char*>(key.data()),
                          nullptr, nullptr) != 1) {
    return nullptr;
  }
  if (no_padding) EVP_CIPHER_CTX_set_padding(ctx.get(), 0);
  return ctx;
}

// Each scheme's floor (docs/BENCHMARKS.md "Floors") as an object: built once from
// the scheme's fixture, error() is null when it reproduces the token (the MAC
// equals its signature, the inflate its payload, the decryption its claims),
// run() is one floor computation, report() sets its counters. floors_bench.cc
// times them alone (BM_<Scheme>_Floor), ratio_bench.cc beside the verify. 006's
// and Volcengine's is FixedKeyHmacFloor above (agora006_floor, volc001_floor).

// Agora 007: k1 = HMAC(le32(issue_ts), certificate), k2 = HMAC(le32(salt), k1),
// signature = HMAC(k2, signing_info); all three keys are new for every token.
// The token-fixed messages (certificate, signing info) are padded once; k1 is
// padded per token. Plus libdeflate's inflate of the token's stream.
class Agora007Floor {
 public:
  explicit Agora007Floor(const Agora007Fixture& f)
      : f_(f),
        iv_(initial_state()),
        cert_(padded(as_bytes(f.input.app_certificate), kBlock)),
        info_(padded(f.signing_info, kBlock)),
        ts_(le32(f.input.issue_ts)),
        salt_(le32(f.input.salt)),
        k1_block_(padded(std::vector<std::uint8_t>(32, 0), kBlock)),
        inflater_(f.compressed, f.plain.size()) {}
  const char* error() {
    if (!same(chain(), f_.signature)) return kMacDiffers;
    return inflate_error(inflater_, f_.plain);
  }
  Sha256Digest run() {
    benchmark::DoNotOptimize(inflater_.inflate());
    return chain();
  }
  void report(benchmark::State& state) const {
    state.counters["sha256_blocks"] = static_cast<double>(
        (2 + cert_.size() / kBlock + 1) + (2 + 1 + 1) + (2 + info_.size() / kBlock + 1));
    state.counters["signed_bytes"] = static_cast<double>(f_.signing_info.size());
    state.counters["inflate_in_bytes"] = static_cast<double>(f_.compressed.size());
    state.counters["inflate_out_bytes"] = static_cast<double>(f_.plain.size());
  }

 private:
  static std::array<std::uint8_t, 4> le32(std::uint32_t v) {
    return {static_cast<std::uint8_t>(v), static_cast<std::uint8_t>(v >> 8),
            static_cast<std::uint8_t>(v >> 16), static_cast<std::uint8_t>(v >> 24)};
  }
  Sha256Digest chain() {
    const Sha256Digest k1 = fresh_hmac(iv_, ts_, cert_.data(), cert_.size() / kBlock);
    std::memcpy(k1_block_.data(), k1.data(), k1.size());
    const Sha256Digest k2 = fresh_hmac(iv_, salt_, k1_block_.data(), 1);
    return fresh_hmac(iv_, k2, info_.data(), info_.size() / kBlock);
  }

  const Agora007Fixture& f_;
  const SHA256_CTX iv_;
  const std::vector<std::uint8_t> cert_, info_;
  const std::array<std::uint8_t, 4> ts_, salt_;
  std::vector<std::uint8_t> k1_block_;
  InflateFloor inflater_;
};

class UserSigFloor {
 public:
  explicit UserSigFloor(const UserSigFixture& f)
      : f_(f),
        hmac_(as_bytes(f.input.key), f.signed_bytes, f.signature),
        inflater_(f.compressed, f.plain.size()) {}
  const char* error() {
    if (const char* why = hmac_.error()) return why;
    return inflate_error(inflater_, f_.plain);
  }
  Sha256Digest run() {
    benchmark::DoNotOptimize(inflater_.inflate());
    return hmac_.run();
  }
  void report(benchmark::State& state) const {
    hmac_.report(state);
    state.counters["inflate_in_bytes"] = static_cast<double>(f_.compressed.size());
    state.counters["inflate_out_bytes"] = static_cast<double>(f_.plain.size());
  }

 private:
  const UserSigFixture& f_;
  FixedKeyHmacFloor hmac_;
  InflateFloor inflater_;
};

// CBC decryption is D(C_i) xor C_(i-1) (SP 800-38A §6.2). The cheapest per-token
// way through EVP is an ECB context keyed once (no IV to re-arm: one
// EVP_DecryptUpdate) and the XOR done here, 64 bits at a time. Re-arming a CBC
// context with each token's IV costs more than the AES itself on OpenSSL 3.0
// (BM_Zego04Cbc_EvpCbcReinit shows it), so that is no longer the floor: the
// reference's own Aes256Cbc decrypts the ECB way, and a floor slower than the
// verify would flatter it.
class Zego04CbcFloor {
 public:
  explicit Zego04CbcFloor(const Zego04Fixture& f)
      : f_(f),
        cipher_(EVP_CIPHER_fetch(nullptr, "AES-256-ECB", nullptr)),
        ctx_(keyed_decrypt(cipher_.get(), f.input.secret, true)),
        out_(f.ciphertext.size()) {}
  const char* error() {
    if (ctx_ == nullptr || !run() ||
        std::memcmp(out_.data(), f_.plaintext.data(), f_.plaintext.size()) != 0) {
      return "floor does not decrypt the token's claims";
    }
    return nullptr;
  }
  bool run() {
    const int len = static_cast<int>(f_.ciphertext.size());
    int n = 0;
    if (EVP_DecryptUpdate(ctx_.get(), out_.data(), &n, f_.ciphertext.data(), len) != 1 ||
        n != len) {
      return false;
    }
    const std::uint8_t* prev = f_.iv.data();
    for (std::size_t at = 0; at < out_.size(); at += 16) {
      std::uint64_t p[2], c[2];
      std::memcpy(p, out_.data() + at, 16);
      std::memcpy(c, prev, 16);
      p[0] ^= c[0];
      p[1] ^= c[1];
      std::memcpy(out_.data() + at, p, 16);
      prev = f_.ciphertext.data() + at;
    }
    benchmark::ClobberMemory();
    return true;
  }
  void report(benchmark::State& state) const {
    state.counters["aes_blocks"] = static_cast<double>(f_.ciphertext.size() / 16);
  }

 private:
  const Zego04Fixture& f_;
  CipherPtr cipher_;
  CipherCtxPtr ctx_;
  std::vector<std::uint8_t> out_;
};

// The expected tag goes in with the nonce, as one OSSL_PARAM of the re-arm: the
// cheapest public path (a separate EVP_CTRL_GCM_SET_TAG is a second trip through
// the provider's parameter setter, ~10 ns more; with it this floor read above
// the reference's own Aes256Gcm::open, 195 vs 185 ns, until 2026-12-07).
class Zego04GcmFloor {
 public:
  explicit Zego04GcmFloor(const Zego04Fixture& f)
      : f_(f),
        cipher_(EVP_CIPHER_fetch(nullptr, "AES-256-GCM", nullptr)),
        ctx_(keyed_decrypt(cipher_.get(), f.input.secret, false)),
        ct_len_(f.ciphertext.size() - 16),
        out_(ct_len_) {
    std::memcpy(tag_.data(), f.ciphertext.data() + ct_len_, tag_.size());
    params_[0] =
        OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag_.data(), tag_.size());
    params_[1] = OSSL_PARAM_construct_end();
  }
  Zego04GcmFloor(const Zego04GcmFloor&) = delete;  // params_ points into tag_
  Zego04GcmFloor& operator=(const Zego04GcmFloor&) = delete;
  const char* error() {
    if (ctx_ == nullptr || !run() || out_ != f_.plaintext) {
      return "floor does not open the token's claims";
    }
    return nullptr;
  }
  bool run() {
    int n = 0, tail = 0;
    return EVP_CipherInit_ex2(ctx_.get(), nullptr, nullptr, f_.iv.data(), -1, params_) == 1 &&
           EVP_DecryptUpdate(ctx_.get(), out_.data(), &n, f_.ciphertext.data(),
                             static_cast<int>(ct_len_)) == 1 &&
           EVP_DecryptFinal_ex(ctx_.get(), out_.data() + n, &tail) == 1;
  }
  void report(benchmark::State& state) const {
    state.counters["aes_blocks"] = static_cast<double>((ct_len_ + 15) / 16);
  }

 private:
  const Zego04Fixture& f_;
  CipherPtr cipher_;
  CipherCtxPtr ctx_;
  std::size_t ct_len_;
  std::vector<std::uint8_t> out_;
  std::array<std::uint8_t, 16> tag_{};
  OSSL_PARAM params_[2];
};

}  // namespace tokcheck::bench
