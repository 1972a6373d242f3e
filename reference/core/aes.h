// AES-256-CBC (PKCS#7) and AES-256-GCM (12-byte nonce, 16-byte tag, no AAD) on
// OpenSSL 3 EVP, for the ZEGO token03/token04 formats (token-formats.md "ZEGO" §1.2).
//
// Each class owns its EVP_CIPHER_CTX(s) and sets the key once; every call only
// re-initialises the IV/nonce (EVP_CipherInit_ex2 with a null cipher and key keeps
// the key schedule), so a verifier built once per secret does no key expansion and,
// once its output vector has grown, no allocation per token. CBC keeps one context
// per direction because AES decryption uses a different key schedule; its
// decryption context is AES-256-ECB, chained into CBC here, so that it needs no
// per-call IV at all (aes.cc says why).
//
// Failures are values (AesStatus), never exceptions: a wrong key, bad padding or a
// forged GCM tag is an ordinary outcome when parsing hostile tokens. OpenSSL's
// thread error queue is cleared after each failure so it never accumulates.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "reference/core/byte_reader.h"

struct evp_cipher_ctx_st;  // OpenSSL's EVP_CIPHER_CTX, kept out of this header

namespace tokcheck {

enum class AesStatus : std::uint8_t {
  kOk,
  kNoKey,        // the key was not 32 bytes (or setting it failed)
  kBadIvLength,  // CBC IV not 16 bytes / GCM nonce not 12 bytes
  kBadLength,    // CBC ciphertext empty or not whole blocks; GCM input shorter than the tag
  kBadPadding,   // CBC: the last block's PKCS#7 padding is not n×n (1 <= n <= 16)
  kAuthFailed,   // GCM: the tag does not match
  kInternal,     // OpenSSL refused an operation that cannot fail on valid input
};
std::string_view to_string(AesStatus s);

inline constexpr std::size_t kAes256KeySize = 32;
inline constexpr std::size_t kAesBlockSize = 16;

class Aes256Cbc {
 public:
  static constexpr std::size_t kIvSize = 16;

  Aes256Cbc();
  explicit Aes256Cbc(Bytes key) : Aes256Cbc() { (void)set_key(key); }
  ~Aes256Cbc();
  Aes256Cbc(const Aes256Cbc&) = delete;
  Aes256Cbc& operator=(const Aes256Cbc&) = delete;
  Aes256Cbc(Aes256Cbc&& other) noexcept;
  Aes256Cbc& operator=(Aes256Cbc&& other) noexcept;

  AesStatus set_key(Bytes key);  // 32 bytes; anything else leaves no key set
  bool has_key() const { return keyed_; }

  // out = CBC(PKCS#7(plaintext)); always 1..16 bytes of padding (RFC 5652 §6.3).
  AesStatus encrypt(Bytes iv, Bytes plaintext, std::vector<std::uint8_t>& out);
  // out = the plaintext with the padding checked and removed. `ciphertext` must
  // not point into `out`.
  AesStatus decrypt(Bytes iv, Bytes ciphertext, std::vector<std::uint8_t>& out);

 private:
  evp_cipher_ctx_st* enc_ = nullptr;
  evp_cipher_ctx_st* dec_ = nullptr;
  bool keyed_ = false;
};

class Aes256Gcm {
 public:
  static constexpr std::size_t kNonceSize = 12;
  static constexpr std::size_t kTagSize = 16;

  Aes256Gcm();
  explicit Aes256Gcm(Bytes key) : Aes256Gcm() { (void)set_key(key); }
  ~Aes256Gcm();
  Aes256Gcm(const Aes256Gcm&) = delete;
  Aes256Gcm& operator=(const Aes256Gcm&) = delete;
  Aes256Gcm(Aes256Gcm&& other) noexcept;
  Aes256Gcm& operator=(Aes256Gcm&& other) noexcept;

  AesStatus set_key(Bytes key);
  bool has_key() const { return keyed_; }

  // out = ciphertext ‖ 16-byte tag.
  AesStatus seal(Bytes nonce, Bytes plaintext, std::vector<std::uint8_t>& out);
  // `sealed` = ciphertext ‖ tag; out = plaintext, only when the tag verifies
  // (out is cleared otherwise, so unauthenticated bytes never escape).
  AesStatus open(Bytes nonce, Bytes sealed, std::vector<std::uint8_t>& out);

 private:
  evp_cipher_ctx_st* enc_ = nullptr;
  evp_cipher_ctx_st* dec_ = nullptr;
  bool keyed_ = false;
};

}  // namespace tokcheck
