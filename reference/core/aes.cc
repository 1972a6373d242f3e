#include "reference/core/aes.h"

#include <openssl/core_names.h>
#include <openssl/err.h>
#include <openssl/evp.h>

#include <array>
#include <climits>
#include <cstring>
#include <utility>

namespace tokcheck {
namespace {

// Everything here is bounded by token sizes (u16 lengths), far below INT_MAX, but
// the EVP API takes int lengths, so refuse anything larger rather than truncate.
bool fits_int(std::size_t n) { return n <= static_cast<std::size_t>(INT_MAX) - 2 * kAesBlockSize; }

AesStatus fail(AesStatus s) {
  ERR_clear_error();
  return s;
}

// Creates `ctx` for `cipher` in direction `enc` with `key`; the IV comes per call.
bool init_keyed(EVP_CIPHER_CTX*& ctx, const EVP_CIPHER* cipher, Bytes key, int enc) {
  if (ctx == nullptr) ctx = EVP_CIPHER_CTX_new();
  if (ctx == nullptr) return false;
  return EVP_CipherInit_ex2(ctx, cipher, key.data(), nullptr, enc, nullptr) == 1;
}

// Re-arms a keyed context with a new IV; keeps the key schedule and direction.
// `params` (may be null) are applied in the same call.
bool rearm(EVP_CIPHER_CTX* ctx, Bytes iv, const OSSL_PARAM* params = nullptr) {
  return EVP_CipherInit_ex2(ctx, nullptr, nullptr, iv.data(), -1, params) == 1;
}

void free_ctx(evp_cipher_ctx_st*& ctx) {
  EVP_CIPHER_CTX_free(ctx);  // null-safe; also cleanses the key schedule
  ctx = nullptr;
}

}  // namespace

std::string_view to_string(AesStatus s) {
  switch (s) {
    case AesStatus::kOk:
      return "ok";
    case AesStatus::kNoKey:
      return "no_key";
    case AesStatus::kBadIvLength:
      return "bad_iv_length";
    case AesStatus::kBadLength:
      return "bad_length";
    case AesStatus::kBadPadding:
      return "bad_padding";
    case AesStatus::kAuthFailed:
      return "auth_failed";
    case AesStatus::kInternal:
      return "internal";
  }
  return "unknown";
}

// ---- CBC ----------------------------------------------------------------------

Aes256Cbc::Aes256Cbc() = default;
Aes256Cbc::~Aes256Cbc() {
  free_ctx(enc_);
  free_ctx(dec_);
}
Aes256Cbc::Aes256Cbc(Aes256Cbc&& other) noexcept
    : enc_(std::exchange(other.enc_, nullptr)),
      dec_(std::exchange(other.dec_, nullptr)),
      keyed_(std::exchange(other.keyed_, false)) {}
Aes256Cbc& Aes256Cbc::operator=(Aes256Cbc&& other) noexcept {
  if (this != &other) {
    free_ctx(enc_);
    free_ctx(dec_);
    enc_ = std::exchange(other.enc_, nullptr);
    dec_ = std::exchange(other.dec_, nullptr);
    keyed_ = std::exchange(other.keyed_, false);
  }
  return *this;
}

AesStatus Aes256Cbc::set_key(Bytes key) {
  keyed_ = false;
  if (key.size() != kAes256KeySize) return AesStatus::kNoKey;
  // Decryption runs the block cipher through an ECB context and chains the blocks
  // itself (decrypt below): an ECB context has no IV, so a call is one
  // EVP_DecryptUpdate. Re-arming a CBC context with each token's IV cost more than
  // the AES itself (OpenSSL 3.0's EVP_CipherInit_ex2 looks up the IV length and
  // re-applies the padding flag through OSSL_PARAM string lookups every call:
  // 104 -> 49 ns for a 7-block token). It also checks the padding itself (unpad
  // below): OpenSSL's check reports a bad padding through its thread error queue,
  // which allocates (2 mallocs per rejected token, counted at malloc level), and
  // hostile tokens are the common case.
  if (!init_keyed(enc_, EVP_aes_256_cbc(), key, 1) ||
      !init_keyed(dec_, EVP_aes_256_ecb(), key, 0) || EVP_CIPHER_CTX_set_padding(dec_, 0) != 1) {
    return fail(AesStatus::kInternal);
  }
  keyed_ = true;
  return AesStatus::kOk;
}

namespace {
// CBC decryption from the block decryptions (SP 800-38A §6.2): P_i = D(C_i) xor
// C_(i-1), with C_0 = iv. `plain` holds D(C_i) for every block of `ciphertext`
// (whole blocks, at least one) and does not overlap it.
// Block by block as two 64-bit words: a byte loop here cost ~35 ns a token (the
// compiler cannot prove the buffers apart, so it does not vectorise it).
void chain_cbc(Bytes iv, Bytes ciphertext, std::vector<std::uint8_t>& plain) {
  std::uint8_t* const p = plain.data();
  for (std::size_t i = 0; i < ciphertext.size(); i += kAesBlockSize) {
    const std::uint8_t* const prev = i == 0 ? iv.data() : ciphertext.data() + i - kAesBlockSize;
    std::uint64_t d[2], c[2];
    std::memcpy(d, p + i, sizeof d);
    std::memcpy(c, prev, sizeof c);
    d[0] ^= c[0];
    d[1] ^= c[1];
    std::memcpy(p + i, d, sizeof d);
  }
}

// PKCS#7 (RFC 5652 §6.3): the last byte n is 1..16 and the last n bytes all equal n.
// `plain` is whole blocks, at least one. Branch-free over the last block, so the
// time taken does not depend on where a bad padding goes wrong.
bool unpad(std::vector<std::uint8_t>& plain) {
  const std::size_t size = plain.size();
  const unsigned n = plain[size - 1];
  unsigned bad = static_cast<unsigned>(n == 0) | static_cast<unsigned>(n > kAesBlockSize);
  for (unsigned i = 1; i <= kAesBlockSize; ++i) {
    const unsigned in_padding = static_cast<unsigned>(i <= n);
    bad |= in_padding & static_cast<unsigned>(plain[size - i] != n);
  }
  if (bad != 0) return false;
  plain.resize(size - n);
  return true;
}
}  // namespace

AesStatus Aes256Cbc::encrypt(Bytes iv, Bytes plaintext, std::vector<std::uint8_t>& out) {
  out.clear();
  if (!keyed_) return AesStatus::kNoKey;
  if (iv.size() != kIvSize) return AesStatus::kBadIvLength;
  if (!fits_int(plaintext.size())) return AesStatus::kBadLength;
  if (!rearm(enc_, iv)) return fail(AesStatus::kInternal);
  out.resize(plaintext.size() + kAesBlockSize);
  int n = 0, tail = 0;
  if (EVP_EncryptUpdate(enc_, out.data(), &n, plaintext.data(),
                        static_cast<int>(plaintext.size())) != 1 ||
      EVP_EncryptFinal_ex(enc_, out.data() + n, &tail) != 1) {
    out.clear();
    return fail(AesStatus::kInternal);
  }
  out.resize(static_cast<std::size_t>(n + tail));
  return AesStatus::kOk;
}

AesStatus Aes256Cbc::decrypt(Bytes iv, Bytes ciphertext, std::vector<std::uint8_t>& out) {
  out.clear();
  if (!keyed_) return AesStatus::kNoKey;
  if (iv.size() != kIvSize) return AesStatus::kBadIvLength;
  if (ciphertext.empty() || ciphertext.size() % kAesBlockSize != 0 ||
      !fits_int(ciphertext.size())) {
    return AesStatus::kBadLength;
  }
  out.resize(ciphertext.size());
  int n = 0;
  // dec_ is AES-256-ECB with padding off (set_key) and whole blocks go in, so
  // Update writes them all, D(C_i) for each block, and Final has nothing to do.
  if (EVP_DecryptUpdate(dec_, out.data(), &n, ciphertext.data(),
                        static_cast<int>(ciphertext.size())) != 1 ||
      static_cast<std::size_t>(n) != ciphertext.size()) {
    out.clear();
    return fail(AesStatus::kInternal);
  }
  chain_cbc(iv, ciphertext, out);
  if (!unpad(out)) {
    out.clear();
    return AesStatus::kBadPadding;
  }
  return AesStatus::kOk;
}

// ---- GCM ----------------------------------------------------------------------

Aes256Gcm::Aes256Gcm() = default;
Aes256Gcm::~Aes256Gcm() {
  free_ctx(enc_);
  free_ctx(dec_);
}
Aes256Gcm::Aes256Gcm(Aes256Gcm&& other) noexcept
    : enc_(std::exchange(other.enc_, nullptr)),
      dec_(std::exchange(other.dec_, nullptr)),
      keyed_(std::exchange(other.keyed_, false)) {}
Aes256Gcm& Aes256Gcm::operator=(Aes256Gcm&& other) noexcept {
  if (this != &other) {
    free_ctx(enc_);
    free_ctx(dec_);
    enc_ = std::exchange(other.enc_, nullptr);
    dec_ = std::exchange(other.dec_, nullptr);
    keyed_ = std::exchange(other.keyed_, false);
  }
  return *this;
}

AesStatus Aes256Gcm::set_key(Bytes key) {
  keyed_ = false;
  if (key.size() != kAes256KeySize) return AesStatus::kNoKey;
  // 12 bytes is GCM's default IV length in OpenSSL; nothing to configure.
  if (!init_keyed(enc_, EVP_aes_256_gcm(), key, 1) ||
      !init_keyed(dec_, EVP_aes_256_gcm(), key, 0)) {
    return fail(AesStatus::kInternal);
  }
  keyed_ = true;
  return AesStatus::kOk;
}

AesStatus Aes256Gcm::seal(Bytes nonce, Bytes plaintext, std::vector<std::uint8_t>& out) {
  out.clear();
  if (!keyed_) return AesStatus::kNoKey;
  if (nonce.size() != kNonceSize) return AesStatus::kBadIvLength;
  if (!fits_int(plaintext.size())) return AesStatus::kBadLength;
  if (!rearm(enc_, nonce)) return fail(AesStatus::kInternal);
  out.resize(plaintext.size() + kTagSize);
  int n = 0, tail = 0;
  if ((!plaintext.empty() && EVP_EncryptUpdate(enc_, out.data(), &n, plaintext.data(),
                                               static_cast<int>(plaintext.size())) != 1) ||
      EVP_EncryptFinal_ex(enc_, out.data() + n, &tail) != 1 ||
      EVP_CIPHER_CTX_ctrl(enc_, EVP_CTRL_GCM_GET_TAG, static_cast<int>(kTagSize),
                          out.data() + plaintext.size()) != 1) {
    out.clear();
    return fail(AesStatus::kInternal);
  }
  return AesStatus::kOk;
}

AesStatus Aes256Gcm::open(Bytes nonce, Bytes sealed, std::vector<std::uint8_t>& out) {
  out.clear();
  if (!keyed_) return AesStatus::kNoKey;
  if (nonce.size() != kNonceSize) return AesStatus::kBadIvLength;
  if (sealed.size() < kTagSize || !fits_int(sealed.size())) return AesStatus::kBadLength;
  const Bytes ct = sealed.first(sealed.size() - kTagSize);
  std::array<std::uint8_t, kTagSize> tag{};
  for (std::size_t i = 0; i < kTagSize; ++i) tag[i] = sealed[ct.size() + i];
  // The expected tag goes in with the nonce: one trip through the provider's
  // parameter setter instead of a second one behind EVP_CIPHER_CTX_ctrl(SET_TAG),
  // which OpenSSL 3.0 turns into the same OSSL_PARAM after its own dispatch
  // (GCM open of a 99-byte claims text: 215 -> 178 ns).
  const OSSL_PARAM params[] = {
      OSSL_PARAM_construct_octet_string(OSSL_CIPHER_PARAM_AEAD_TAG, tag.data(), tag.size()),
      OSSL_PARAM_construct_end()};
  if (!rearm(dec_, nonce, params)) return fail(AesStatus::kInternal);
  out.resize(ct.size() + kAesBlockSize);
  int n = 0, tail = 0;
  if (!ct.empty() &&
      EVP_DecryptUpdate(dec_, out.data(), &n, ct.data(), static_cast<int>(ct.size())) != 1) {
    out.clear();
    return fail(AesStatus::kInternal);
  }
  if (EVP_DecryptFinal_ex(dec_, out.data() + n, &tail) != 1) {
    out.clear();
    return fail(AesStatus::kAuthFailed);
  }
  out.resize(static_cast<std::size_t>(n + tail));
  return AesStatus::kOk;
}

}  // namespace tokcheck
