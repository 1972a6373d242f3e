// Known-answer tests for the AES helper, from published vectors:
//  - CBC: NIST SP 800-38A (2001) Appendix F.2.5 CBC-AES256.Encrypt / F.2.6 .Decrypt,
//    https://nvlpubs.nist.gov/nistpubs/Legacy/SP/nistspecialpublication800-38a.pdf
//  - GCM: McGrew & Viega, "The Galois/Counter Mode of Operation (GCM)", Appendix B,
//    Test Cases 13, 14 and 15 (AES-256, 96-bit IV, no AAD),
//    https://csrc.nist.gov/groups/ST/toolkit/BCM/documents/proposedmodes/gcm/gcm-spec.pdf
// plus the failure cases the ZEGO parsers rely on (padding, tag, lengths).
#include "reference/core/aes.h"

#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <memory>
#include <random>
#include <string>
#include <vector>

#include "reference/core/crypto_util.h"

namespace tokcheck {
namespace {

std::vector<std::uint8_t> hex(std::string_view h) {
  std::vector<std::uint8_t> out;
  EXPECT_TRUE(from_hex(h, out)) << h;
  return out;
}

constexpr std::string_view kCbcKey =
    "603deb1015ca71be2b73aef0857d77811f352c073b6108d72d9810a30914dff4";
constexpr std::string_view kCbcIv = "000102030405060708090a0b0c0d0e0f";
constexpr std::string_view kCbcPlain =
    "6bc1bee22e409f96e93d7e117393172aae2d8a571e03ac9c9eb76fac45af8e51"
    "30c81c46a35ce411e5fbc1191a0a52eff69f2445df4f9b17ad2b417be66c3710";
constexpr std::string_view kCbcCipher =
    "f58c4c04d6e5f1ba779eabfb5f7bfbd69cfc4e967edb808d679f777bc6702c7d"
    "39f23369a9d9bacfa530e26304231461b2eb05e2c39be9fcda6c19078c6a9d1b";

TEST(Aes256Cbc, Sp800_38A_F25_EncryptMatchesThenAddsOneFullPaddingBlock) {
  Aes256Cbc cbc(hex(kCbcKey));
  ASSERT_TRUE(cbc.has_key());
  std::vector<std::uint8_t> out;
  ASSERT_EQ(cbc.encrypt(hex(kCbcIv), hex(kCbcPlain), out), AesStatus::kOk);
  // 64 bytes of plaintext are whole blocks, so PKCS#7 appends a full block of 0x10:
  // the first four blocks are exactly the NIST ciphertext.
  ASSERT_EQ(out.size(), 80u);
  EXPECT_EQ(to_hex(Bytes(out).first(64)), kCbcCipher);
}

TEST(Aes256Cbc, Sp800_38A_F26_DecryptRecoversPlaintext) {
  Aes256Cbc cbc(hex(kCbcKey));
  std::vector<std::uint8_t> sealed, plain;
  ASSERT_EQ(cbc.encrypt(hex(kCbcIv), hex(kCbcPlain), sealed), AesStatus::kOk);
  // Rebuild the input from the NIST ciphertext plus our padding block, so the
  // decrypt side is checked against the published bytes too.
  std::vector<std::uint8_t> input = hex(kCbcCipher);
  input.insert(input.end(), sealed.begin() + 64, sealed.end());
  ASSERT_EQ(cbc.decrypt(hex(kCbcIv), input, plain), AesStatus::kOk);
  EXPECT_EQ(to_hex(plain), kCbcPlain);
}

TEST(Aes256Cbc, PaddingIsOneToSixteenBytes) {
  Aes256Cbc cbc(hex(kCbcKey));
  std::vector<std::uint8_t> out, back;
  for (std::size_t len = 0; len <= 48; ++len) {
    const std::vector<std::uint8_t> pt(len, 0x41);
    ASSERT_EQ(cbc.encrypt(hex(kCbcIv), pt, out), AesStatus::kOk);
    EXPECT_EQ(out.size(), (len / 16 + 1) * 16) << len;
    ASSERT_EQ(cbc.decrypt(hex(kCbcIv), out, back), AesStatus::kOk);
    EXPECT_EQ(back, pt);
  }
}

// In CBC, flipping bit b of ciphertext block i-1 flips bit b of plaintext block i,
// so the padding byte can be set to a chosen value without the key.
TEST(Aes256Cbc, PaddingChecksEveryPadByte) {
  Aes256Cbc cbc(hex(kCbcKey));
  const std::vector<std::uint8_t> pt(30, 0x41);  // last block: 14 × 'A', then 02 02
  std::vector<std::uint8_t> ct, out;
  ASSERT_EQ(cbc.encrypt(hex(kCbcIv), pt, ct), AesStatus::kOk);
  ASSERT_EQ(ct.size(), 32u);
  auto with_last_pad = [&](std::uint8_t value) {
    std::vector<std::uint8_t> m = ct;
    m[15] ^= static_cast<std::uint8_t>(0x02 ^ value);
    return m;
  };
  EXPECT_EQ(cbc.decrypt(hex(kCbcIv), with_last_pad(0x00), out), AesStatus::kBadPadding);
  EXPECT_TRUE(out.empty());
  EXPECT_EQ(cbc.decrypt(hex(kCbcIv), with_last_pad(0x03), out), AesStatus::kBadPadding);
  EXPECT_EQ(cbc.decrypt(hex(kCbcIv), with_last_pad(0x11), out), AesStatus::kBadPadding);
  EXPECT_EQ(cbc.decrypt(hex(kCbcIv), with_last_pad(0xFF), out), AesStatus::kBadPadding);
  // 0x01 is valid padding: one byte removed, the other 0x02 stays in the plaintext.
  ASSERT_EQ(cbc.decrypt(hex(kCbcIv), with_last_pad(0x01), out), AesStatus::kOk);
  ASSERT_EQ(out.size(), 31u);
  EXPECT_EQ(out.back(), 0x02);
}

TEST(Aes256Cbc, RejectsShapesWithoutTouchingTheCipher) {
  Aes256Cbc none;
  std::vector<std::uint8_t> out;
  EXPECT_FALSE(none.has_key());
  EXPECT_EQ(none.decrypt(hex(kCbcIv), hex(kCbcCipher), out), AesStatus::kNoKey);
  EXPECT_EQ(Aes256Cbc(Bytes(hex(kCbcKey)).first(31)).encrypt(hex(kCbcIv), {}, out),
            AesStatus::kNoKey);
  Aes256Cbc cbc(hex(kCbcKey));
  EXPECT_EQ(cbc.decrypt(Bytes(hex(kCbcIv)).first(12), hex(kCbcCipher), out),
            AesStatus::kBadIvLength);
  EXPECT_EQ(cbc.decrypt(hex(kCbcIv), {}, out), AesStatus::kBadLength);
  EXPECT_EQ(cbc.decrypt(hex(kCbcIv), Bytes(hex(kCbcCipher)).first(17), out), AesStatus::kBadLength);
}

TEST(Aes256Cbc, ContextReusedAcrossFailuresAndSuccesses) {
  Aes256Cbc cbc(hex(kCbcKey));
  std::vector<std::uint8_t> good, bad, out;
  ASSERT_EQ(cbc.encrypt(hex(kCbcIv), hex(kCbcPlain), good), AesStatus::kOk);
  bad = good;
  bad[good.size() - 17] ^= 0x01;  // last pad byte 0x10 → 0x11
  for (int i = 0; i < 50; ++i) {
    ASSERT_EQ(cbc.decrypt(hex(kCbcIv), bad, out), AesStatus::kBadPadding);
    ASSERT_EQ(cbc.decrypt(hex(kCbcIv), good, out), AesStatus::kOk);
    ASSERT_EQ(to_hex(out), kCbcPlain);
  }
  const std::uint8_t* buffer = out.data();
  ASSERT_EQ(cbc.decrypt(hex(kCbcIv), good, out), AesStatus::kOk);
  EXPECT_EQ(out.data(), buffer);  // the caller's buffer is reused, not reallocated
}

TEST(Aes256Cbc, MovedFromObjectHasNoKey) {
  Aes256Cbc a(hex(kCbcKey));
  Aes256Cbc b(std::move(a));
  EXPECT_TRUE(b.has_key());
  EXPECT_FALSE(a.has_key());  // NOLINT(bugprone-use-after-move): documented state
  std::vector<std::uint8_t> out;
  EXPECT_EQ(a.encrypt(hex(kCbcIv), {}, out), AesStatus::kNoKey);
}

struct GcmCase {
  const char* name;
  std::string_view key, nonce, plain, cipher, tag;
};

constexpr std::string_view kZero32 =
    "0000000000000000000000000000000000000000000000000000000000000000";
const GcmCase kGcmCases[] = {
    {"TestCase13", kZero32, "000000000000000000000000", "", "", "530f8afbc74536b9a963b4f1c4cb738b"},
    {"TestCase14", kZero32, "000000000000000000000000", "00000000000000000000000000000000",
     "cea7403d4d606b6e074ec5d3baf39d18", "d0d1c8a799996bf0265b98b5d48ab919"},
    {"TestCase15", "feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308",
     "cafebabefacedbaddecaf888",
     "d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72"
     "1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255",
     "522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa"
     "8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad",
     "b094dac5d93471bdec1a502270e3cc6c"},
};

TEST(Aes256Gcm, McGrewViegaTestCases13To15) {
  for (const GcmCase& c : kGcmCases) {
    SCOPED_TRACE(c.name);
    Aes256Gcm gcm(hex(c.key));
    std::vector<std::uint8_t> sealed, plain;
    ASSERT_EQ(gcm.seal(hex(c.nonce), hex(c.plain), sealed), AesStatus::kOk);
    EXPECT_EQ(to_hex(sealed), std::string(c.cipher) + std::string(c.tag));
    ASSERT_EQ(gcm.open(hex(c.nonce), sealed, plain), AesStatus::kOk);
    EXPECT_EQ(to_hex(plain), c.plain);
  }
}

TEST(Aes256Gcm, AnyModificationFailsAuthentication) {
  const GcmCase& c = kGcmCases[2];
  Aes256Gcm gcm(hex(c.key));
  std::vector<std::uint8_t> sealed, out;
  ASSERT_EQ(gcm.seal(hex(c.nonce), hex(c.plain), sealed), AesStatus::kOk);
  for (std::size_t byte = 0; byte < sealed.size(); byte += 7) {
    for (int bit : {0, 7}) {
      std::vector<std::uint8_t> m = sealed;
      m[byte] ^= static_cast<std::uint8_t>(1u << bit);
      ASSERT_EQ(gcm.open(hex(c.nonce), m, out), AesStatus::kAuthFailed) << byte << "/" << bit;
      ASSERT_TRUE(out.empty());
    }
  }
  std::vector<std::uint8_t> nonce = hex(c.nonce);
  nonce[11] ^= 1;
  EXPECT_EQ(gcm.open(nonce, sealed, out), AesStatus::kAuthFailed);
  // Dropping the last tag byte moves the tag window: still an authentication failure.
  EXPECT_EQ(gcm.open(hex(c.nonce), Bytes(sealed).first(sealed.size() - 1), out),
            AesStatus::kAuthFailed);
  Aes256Gcm other(hex(kZero32));
  EXPECT_EQ(other.open(hex(c.nonce), sealed, out), AesStatus::kAuthFailed);
  // The context recovers after every failure.
  ASSERT_EQ(gcm.open(hex(c.nonce), sealed, out), AesStatus::kOk);
  EXPECT_EQ(to_hex(out), c.plain);
}

TEST(Aes256Gcm, RejectsShapes) {
  Aes256Gcm gcm(hex(kZero32));
  std::vector<std::uint8_t> out;
  EXPECT_EQ(gcm.open(hex("000000000000000000000000"), hex("530f8afbc74536b9a963b4f1c4cb73"), out),
            AesStatus::kBadLength);
  EXPECT_EQ(gcm.seal(hex("00000000000000000000000000000000"), {}, out), AesStatus::kBadIvLength);
  EXPECT_EQ(gcm.open(hex("0000000000000000"), hex("530f8afbc74536b9a963b4f1c4cb738b"), out),
            AesStatus::kBadIvLength);
  Aes256Gcm none(Bytes(hex(kZero32)).first(16));
  EXPECT_EQ(none.seal(hex("000000000000000000000000"), {}, out), AesStatus::kNoKey);
}

// The classes against one-shot OpenSSL EVP on fresh contexts (CBC with OpenSSL's
// own PKCS#7 check, GCM with the tag set by ctrl), on many random keys, IVs and
// lengths, valid and corrupted: the reused keyed contexts (and the CBC decryption
// chained over an ECB context) must give the same status and bytes every time.
using CtxPtr = std::unique_ptr<EVP_CIPHER_CTX, decltype(&EVP_CIPHER_CTX_free)>;

struct EvpResult {
  bool ok = false;
  std::vector<std::uint8_t> plain;
};

EvpResult evp_cbc_decrypt(Bytes key, Bytes iv, Bytes ct) {
  CtxPtr ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  EvpResult r;
  r.plain.resize(ct.size() + kAesBlockSize);
  int n = 0, tail = 0;
  r.ok = EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_cbc(), key.data(), iv.data(), nullptr) == 1 &&
         EVP_DecryptUpdate(ctx.get(), r.plain.data(), &n, ct.data(), static_cast<int>(ct.size())) ==
             1 &&
         EVP_DecryptFinal_ex(ctx.get(), r.plain.data() + n, &tail) == 1;
  r.plain.resize(r.ok ? static_cast<std::size_t>(n + tail) : 0);
  return r;
}

EvpResult evp_gcm_open(Bytes key, Bytes nonce, Bytes sealed) {
  CtxPtr ctx(EVP_CIPHER_CTX_new(), EVP_CIPHER_CTX_free);
  EvpResult r;
  const std::size_t ct_size = sealed.size() - Aes256Gcm::kTagSize;
  std::vector<std::uint8_t> tag(sealed.begin() + static_cast<long>(ct_size), sealed.end());
  r.plain.resize(ct_size + kAesBlockSize);
  int n = 0, tail = 0;
  r.ok =
      EVP_DecryptInit_ex2(ctx.get(), EVP_aes_256_gcm(), key.data(), nonce.data(), nullptr) == 1 &&
      EVP_CIPHER_CTX_ctrl(ctx.get(), EVP_CTRL_GCM_SET_TAG, 16, tag.data()) == 1 &&
      (ct_size == 0 || EVP_DecryptUpdate(ctx.get(), r.plain.data(), &n, sealed.data(),
                                         static_cast<int>(ct_size)) == 1) &&
      EVP_DecryptFinal_ex(ctx.get(), r.plain.data() + n, &tail) == 1;
  r.plain.resize(r.ok ? static_cast<std::size_t>(n + tail) : 0);
  return r;
}

std::vector<std::uint8_t> random_bytes(std::mt19937& rng, std::size_t n) {
  std::vector<std::uint8_t> out(n);
  for (auto& b : out) b = static_cast<std::uint8_t>(rng());
  return out;
}

TEST(Aes256Cbc, DecryptMatchesOpenSslCbcOnRandomAndCorruptedInputs) {
  std::mt19937 rng(20261205);
  int ok = 0, bad = 0;
  for (int k = 0; k < 8; ++k) {
    const std::vector<std::uint8_t> key = random_bytes(rng, kAes256KeySize);
    Aes256Cbc cbc(key);
    std::vector<std::uint8_t> sealed, out;
    for (int i = 0; i < 400; ++i) {
      const std::vector<std::uint8_t> iv = random_bytes(rng, Aes256Cbc::kIvSize);
      std::vector<std::uint8_t> ct;
      switch (i % 4) {
        case 0:  // random blocks: nearly always a bad padding
          ct = random_bytes(rng, kAesBlockSize * (1 + rng() % 24));
          break;
        case 3: {  // valid, then one byte of the last two blocks flipped
          ASSERT_EQ(cbc.encrypt(iv, random_bytes(rng, rng() % 300), ct), AesStatus::kOk);
          const std::size_t at = ct.size() - 1 - rng() % std::min<std::size_t>(ct.size(), 32);
          ct[at] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
          break;
        }
        default:  // valid
          ASSERT_EQ(cbc.encrypt(iv, random_bytes(rng, rng() % 300), ct), AesStatus::kOk);
      }
      const EvpResult want = evp_cbc_decrypt(key, iv, ct);
      const AesStatus got = cbc.decrypt(iv, ct, out);
      ASSERT_EQ(got, want.ok ? AesStatus::kOk : AesStatus::kBadPadding) << k << "/" << i;
      ASSERT_EQ(out, want.plain) << k << "/" << i;
      (want.ok ? ok : bad)++;
    }
  }
  EXPECT_GT(ok, 1000);
  EXPECT_GT(bad, 800);
}

TEST(Aes256Gcm, OpenMatchesOpenSslGcmOnRandomAndCorruptedInputs) {
  std::mt19937 rng(5122026);
  int ok = 0, bad = 0;
  for (int k = 0; k < 8; ++k) {
    const std::vector<std::uint8_t> key = random_bytes(rng, kAes256KeySize);
    Aes256Gcm gcm(key);
    std::vector<std::uint8_t> sealed, out;
    for (int i = 0; i < 300; ++i) {
      const std::vector<std::uint8_t> nonce = random_bytes(rng, Aes256Gcm::kNonceSize);
      ASSERT_EQ(gcm.seal(nonce, random_bytes(rng, rng() % 300), sealed), AesStatus::kOk);
      if (i % 3 == 1) sealed[rng() % sealed.size()] ^= static_cast<std::uint8_t>(1u << (rng() % 8));
      if (i % 3 == 2) sealed = random_bytes(rng, Aes256Gcm::kTagSize + rng() % 200);
      const EvpResult want = evp_gcm_open(key, nonce, sealed);
      const AesStatus got = gcm.open(nonce, sealed, out);
      ASSERT_EQ(got, want.ok ? AesStatus::kOk : AesStatus::kAuthFailed) << k << "/" << i;
      ASSERT_EQ(out, want.plain) << k << "/" << i;
      (want.ok ? ok : bad)++;
    }
  }
  EXPECT_EQ(ok, 8 * 100);
  EXPECT_EQ(bad, 8 * 200);
}

TEST(AesStatus, NamesAreStable) {
  EXPECT_EQ(to_string(AesStatus::kBadPadding), "bad_padding");
  EXPECT_EQ(to_string(AesStatus::kAuthFailed), "auth_failed");
}

}  // namespace
}  // namespace tokcheck
