#include "reference/core/zlib_codec.h"

#include <gtest/gtest.h>
#include <zlib.h>

namespace tokcheck {
namespace {

std::vector<std::uint8_t> bytes(std::string_view s) { return {s.begin(), s.end()}; }

TEST(Inflater, RoundTripsAndIsReusable) {
  Inflater inflater;
  std::vector<std::uint8_t> out;
  for (std::string_view s : {"", "a", "hello hello hello hello", "token"}) {
    const auto z = zlib_compress(as_bytes(s));
    ASSERT_EQ(inflater.inflate(z, out), Malformation::kNone);
    EXPECT_EQ(std::string(out.begin(), out.end()), s);
  }
}

TEST(Inflater, AcceptsEveryLevelButReportsGarbageAndTrailingBytes) {
  const auto plain = bytes(std::string(1000, 'x') + "tail");
  Inflater inflater;
  std::vector<std::uint8_t> out;
  for (int level : {0, 1, 6, 9}) {
    ASSERT_EQ(inflater.inflate(zlib_compress(plain, level), out), Malformation::kNone);
    EXPECT_EQ(out, plain);
  }
  auto z = zlib_compress(plain);
  z.push_back(0);
  EXPECT_EQ(inflater.inflate(z, out), Malformation::kTrailingAfterZlib);
  z.pop_back();
  z.pop_back();  // truncated stream (adler32 cut)
  EXPECT_EQ(inflater.inflate(z, out), Malformation::kBadZlib);
  EXPECT_EQ(inflater.inflate(as_bytes("not zlib"), out), Malformation::kBadZlib);
  EXPECT_EQ(inflater.inflate({}, out), Malformation::kBadZlib);
}

// Inflate runs with Z_FINISH, which reports Z_BUF_ERROR both when the output
// buffer fills (grow and go on) and when the input ends mid-stream (malformed).
// Outputs around the 1024-byte first buffer and its doublings, cut at every
// byte, must agree with zlib's own one-shot uncompress2.
TEST(Inflater, GrowingOutputAndEveryTruncationAgreeWithUncompress2) {
  Inflater inflater;
  std::vector<std::uint8_t> out;
  std::uint32_t state = 12345;
  for (std::size_t n : {1023u, 1024u, 1025u, 2048u, 2049u, 5000u}) {
    std::vector<std::uint8_t> plain(n);
    for (auto& b : plain) {  // compressible but not trivially so
      state = state * 1103515245u + 12345u;
      b = static_cast<std::uint8_t>('a' + (state >> 16) % 6);
    }
    for (int level : {0, 1, 6}) {
      const auto z = zlib_compress(plain, level);
      ASSERT_EQ(inflater.inflate(z, out), Malformation::kNone) << n << " level " << level;
      ASSERT_EQ(out, plain);
      for (std::size_t cut = 0; cut < z.size(); ++cut) {
        std::vector<std::uint8_t> oracle(n + 1);
        uLongf oracle_len = static_cast<uLongf>(oracle.size());
        uLong consumed = static_cast<uLong>(cut);
        const int rc = uncompress2(oracle.data(), &oracle_len, z.data(), &consumed);
        ASSERT_NE(rc, Z_OK) << "a cut stream cannot be complete";
        EXPECT_EQ(inflater.inflate(Bytes(z.data(), cut), out), Malformation::kBadZlib)
            << n << " level " << level << " cut at " << cut;
      }
    }
  }
}

// The Inflater checks the Adler-32 trailer itself (zlib's check is off): every
// bit of it flipped, with and without bytes after the stream, is a bad stream,
// as zlib's own check says; stored, fixed and dynamic blocks, and outputs that
// need the buffer to grow, end the stream at different points.
TEST(Inflater, EveryCorruptTrailerBitIsABadStreamAsZlibSays) {
  Inflater inflater;
  std::vector<std::uint8_t> out;
  std::uint32_t state = 99;
  for (std::size_t n : {0u, 1u, 15u, 16u, 17u, 182u, 1500u, 5000u}) {
    std::vector<std::uint8_t> plain(n);
    for (auto& b : plain) {
      state = state * 1103515245u + 12345u;
      b = static_cast<std::uint8_t>('a' + (state >> 16) % 9);
    }
    for (int level : {0, 1, 9}) {
      const auto z = zlib_compress(plain, level);
      for (std::size_t bit = 0; bit < 32; ++bit) {
        for (bool trailing : {false, true}) {
          auto bad = z;
          bad[z.size() - 4 + bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
          if (trailing) bad.push_back(0);
          std::vector<std::uint8_t> oracle(n + 1);
          uLongf oracle_len = static_cast<uLongf>(oracle.size());
          uLong consumed = static_cast<uLong>(bad.size());
          ASSERT_EQ(uncompress2(oracle.data(), &oracle_len, bad.data(), &consumed), Z_DATA_ERROR);
          EXPECT_EQ(inflater.inflate(bad, out), Malformation::kBadZlib)
              << n << " level " << level << " bit " << bit << " trailing " << trailing;
          EXPECT_TRUE(out.empty());
        }
      }
      ASSERT_EQ(inflater.inflate(z, out), Malformation::kNone) << n << " level " << level;
      EXPECT_EQ(out, plain);
    }
  }
}

TEST(Inflater, CompressionBombIsAnErrorNotAnAllocation) {
  const std::vector<std::uint8_t> zeros(4 * 1024 * 1024, 0);
  const auto bomb = zlib_compress(zeros, 9);  // ~4 KiB that inflates to 4 MiB
  ASSERT_LT(bomb.size(), 10000u);
  Inflater inflater;
  std::vector<std::uint8_t> out;
  EXPECT_EQ(inflater.inflate(bomb, out), Malformation::kZlibTooLarge);
  EXPECT_LE(out.capacity(), kMaxInflatedSize + 1);
  EXPECT_EQ(inflater.inflate(zlib_compress(std::vector<std::uint8_t>(kMaxInflatedSize, 0)), out),
            Malformation::kNone);  // exactly at the cap is fine
  EXPECT_EQ(
      inflater.inflate(zlib_compress(std::vector<std::uint8_t>(kMaxInflatedSize + 1, 0)), out),
      Malformation::kZlibTooLarge);
}

TEST(ZlibCompress, DefaultLevelMatchesStockZlib) {
  // The property Agora 007 byte-exactness rests on: our builder output equals
  // zlib's own compress() at Z_DEFAULT_COMPRESSION.
  const auto plain = bytes("AccessToken2 payload bytes AccessToken2 payload bytes");
  uLongf n = compressBound(static_cast<uLong>(plain.size()));
  std::vector<std::uint8_t> want(n);
  ASSERT_EQ(compress2(want.data(), &n, plain.data(), static_cast<uLong>(plain.size()),
                      Z_DEFAULT_COMPRESSION),
            Z_OK);
  want.resize(n);
  EXPECT_EQ(zlib_compress(plain), want);
}

}  // namespace
}  // namespace tokcheck
