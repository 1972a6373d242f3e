#include "reference/core/hmac_sha256.h"

#include <gtest/gtest.h>
#include <openssl/core_names.h>
#include <openssl/evp.h>
#include <zlib.h>

#include "reference/core/crypto_util.h"

namespace tokcheck {
namespace {

std::vector<std::uint8_t> hex(std::string_view h) {
  std::vector<std::uint8_t> out;
  EXPECT_TRUE(from_hex(h, out));
  return out;
}

TEST(HmacSha256, Rfc4231TestCases) {
  struct Case {
    std::vector<std::uint8_t> key, data;
    std::string_view mac;
  };
  const Case cases[] = {
      {std::vector<std::uint8_t>(20, 0x0b), hex("4869205468657265"),
       "b0344c61d8db38535ca8afceaf0bf12b881dc200c9833da726e9376c2e32cff7"},
      {hex("4a656665"), hex("7768617420646f2079612077616e7420666f72206e6f7468696e673f"),
       "5bdcc146bf60754e6a042426089575c75a003f089d2739839dec58b964ec3843"},
      {std::vector<std::uint8_t>(20, 0xaa), std::vector<std::uint8_t>(50, 0xdd),
       "773ea91e36800e46854db8ebd09181a72959098b3ef8c122d9635514ced565fe"},
      // Key longer than the block: hashed first (test case 6).
      {std::vector<std::uint8_t>(131, 0xaa),
       hex("54657374205573696e67204c6172676572205468616e20426c6f636b2d53697a65204b6579202d2048"
           "617368204b6579204669727374"),
       "60e431591ee0b67f0d8a26aacbf5b77f8e0bc6213728c5140546040f0ee37f54"},
  };
  for (const Case& c : cases) EXPECT_EQ(to_hex(HmacSha256::compute(c.key, c.data)), c.mac);
}

// An independent implementation (OpenSSL EVP_MAC) agrees for keys and messages
// of every length around the block boundaries, and a reused key is stateless.
TEST(HmacSha256, MatchesEvpMacAcrossLengthsAndReuse) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  ASSERT_NE(mac, nullptr);
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
  for (std::size_t klen : {0, 1, 4, 32, 63, 64, 65, 200}) {
    std::vector<std::uint8_t> key(klen);
    for (std::size_t i = 0; i < klen; ++i) key[i] = static_cast<std::uint8_t>(i * 7 + 1);
    const HmacSha256 keyed(key);
    for (std::size_t mlen : {0, 1, 55, 56, 63, 64, 65, 119, 120, 300}) {
      std::vector<std::uint8_t> msg(mlen, static_cast<std::uint8_t>(mlen));
      EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
      // A null key pointer means "keep the previous key" to EVP_MAC_init.
      static const std::uint8_t kEmpty = 0;
      ASSERT_EQ(EVP_MAC_init(ctx, klen ? key.data() : &kEmpty, key.size(), params), 1);
      ASSERT_EQ(EVP_MAC_update(ctx, msg.data(), msg.size()), 1);
      Sha256Digest want{};
      std::size_t n = 0;
      ASSERT_EQ(EVP_MAC_final(ctx, want.data(), &n, want.size()), 1);
      EVP_MAC_CTX_free(ctx);
      EXPECT_EQ(keyed.mac(msg), want) << "klen " << klen << " mlen " << mlen;
      HmacSha256::Session split = keyed.begin();
      split.update(Bytes(msg).first(mlen / 2));
      split.update(Bytes(msg).subspan(mlen / 2));
      EXPECT_EQ(split.finish(), want);
    }
  }
  EVP_MAC_free(mac);
}

// The session buffers partial blocks and pads the message itself, so every
// message length 0..200 (each padding case: 0x80 and the length in the same
// block or spilling into the next) and every way of cutting it into three
// updates must give EVP_MAC's answer.
TEST(HmacSha256, EveryLengthAndEverySplitMatchesEvpMac) {
  EVP_MAC* mac = EVP_MAC_fetch(nullptr, "HMAC", nullptr);
  ASSERT_NE(mac, nullptr);
  char digest[] = "SHA256";
  const OSSL_PARAM params[] = {OSSL_PARAM_construct_utf8_string(OSSL_MAC_PARAM_DIGEST, digest, 0),
                               OSSL_PARAM_construct_end()};
  const std::vector<std::uint8_t> key = {'k', 'e', 'y'};
  const HmacSha256 keyed(key);
  for (std::size_t mlen = 0; mlen <= 200; ++mlen) {
    std::vector<std::uint8_t> msg(mlen);
    for (std::size_t i = 0; i < mlen; ++i) msg[i] = static_cast<std::uint8_t>(i * 31 + mlen);
    EVP_MAC_CTX* ctx = EVP_MAC_CTX_new(mac);
    ASSERT_EQ(EVP_MAC_init(ctx, key.data(), key.size(), params), 1);
    ASSERT_EQ(EVP_MAC_update(ctx, msg.data(), msg.size()), 1);
    Sha256Digest want{};
    std::size_t n = 0;
    ASSERT_EQ(EVP_MAC_final(ctx, want.data(), &n, want.size()), 1);
    EVP_MAC_CTX_free(ctx);
    ASSERT_EQ(keyed.mac(msg), want) << "mlen " << mlen;
    for (std::size_t a = 0; a <= mlen; a += 7) {
      for (std::size_t b = a; b <= mlen; b += 13) {
        HmacSha256::Session s = keyed.begin();
        s.update(Bytes(msg).first(a));
        s.update(Bytes(msg).subspan(a, b - a));
        s.update(Bytes(msg).subspan(b));
        ASSERT_EQ(s.finish(), want) << "mlen " << mlen << " cuts " << a << ", " << b;
      }
    }
  }
  EVP_MAC_free(mac);
}

TEST(ConstantTimeEqual, LengthsArePublicContentsAreCompared) {
  const std::uint8_t a[] = {1, 2, 3}, b[] = {1, 2, 4};
  EXPECT_TRUE(constant_time_equal(a, a));
  EXPECT_FALSE(constant_time_equal(a, b));
  EXPECT_FALSE(constant_time_equal(Bytes(a).first(2), a));
  EXPECT_TRUE(constant_time_equal({}, {}));
}

TEST(Crc32, AgreesWithZlibAtEveryLengthAndAlignment) {
  std::vector<std::uint8_t> data(300);
  for (std::size_t i = 0; i < data.size(); ++i) data[i] = static_cast<std::uint8_t>(i * 131 + 7);
  for (std::size_t off = 0; off < 8; ++off) {
    for (std::size_t len = 0; off + len <= data.size(); len += 13) {
      const Bytes b = Bytes(data).subspan(off, len);
      EXPECT_EQ(crc32_ieee(b),
                static_cast<std::uint32_t>(::crc32(0, b.data(), static_cast<uInt>(b.size()))))
          << off << "+" << len;
    }
  }
}

TEST(Crc32, ZlibIeeeValues) {
  EXPECT_EQ(crc32_ieee(""), 0u);
  EXPECT_EQ(crc32_ieee("123456789"), 0xCBF43926u);  // the CRC-32 check value
  // token-formats.md §1 worked decode of V6-1.
  EXPECT_EQ(crc32_ieee("7d72365eb983485397e3e3f9d460bdda"), 276646071u);
  EXPECT_EQ(crc32_ieee("2882341273"), 3847331927u);
}

}  // namespace
}  // namespace tokcheck
