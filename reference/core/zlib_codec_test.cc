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

// What zlib's one-shot uncompress2 says of `z` with room for `cap` bytes: the
// oracle for the Inflater's two paths (its own fixed-block decoder and zlib).
struct Oracle {
  bool ok = false;  // one complete stream whose output fits the cap
  std::vector<std::uint8_t> bytes;
  bool trailing = false;  // input follows the stream
};
Oracle uncompress_oracle(const std::vector<std::uint8_t>& z, std::size_t cap) {
  Oracle o;
  o.bytes.resize(cap + 1);
  uLongf len = static_cast<uLongf>(o.bytes.size());
  uLong consumed = static_cast<uLong>(z.size());
  const int rc =
      uncompress2(o.bytes.data(), &len, z.empty() ? o.bytes.data() : z.data(), &consumed);
  o.ok = rc == Z_OK && len <= cap;
  o.bytes.resize(o.ok ? len : 0);
  o.trailing = o.ok && consumed < z.size();
  return o;
}

// A single final block with the fixed Huffman codes is what zlib's deflate makes
// of a short token payload (261 of the 288 streams in the 007 and UserSig verify
// vectors), and
// the Inflater decodes those itself (reference/core/fixed_block_inflate.h). Every
// bit of such streams flipped — header, block, trailer — and the streams cut or
// followed by a byte must get zlib's verdict and bytes. The counter shows both
// paths ran: the decoder on the intact streams and on flips it still accepts,
// zlib on the rest.
TEST(Inflater, FixedBlockPathAgreesWithUncompress2OnEveryBitFlip) {
  constexpr std::size_t kCap = 4096;
  const std::string usersig_like =
      R"({"TLS.ver":"2.0","TLS.identifier":"user_1","TLS.sdkappid":1400000000,)"
      R"("TLS.expire":86400,"TLS.time":1700000000,"TLS.sig":"MEUCIQDp1kCA7n4E4Xv0"})";
  std::vector<std::vector<std::uint8_t>> payloads = {
      bytes("a"), bytes(usersig_like), bytes(std::string(300, 'z')),  // overlapping matches
      bytes("abcabcabcabcabcabcabc-0123456789-abcabcabc")};
  // UTF-8 beyond ASCII: literals above 143, the 9-bit codes.
  payloads.push_back(
      bytes("{\"TLS.identifier\":\"\xe7\x94\xa8\xe6\x88\xb7_\xc3\xa9\",\"x\":\"\xc3\xbc\"}"));

  Inflater inflater;
  std::vector<std::uint8_t> out;
  std::size_t flips = 0, fast_after_flip = 0;
  for (const auto& plain : payloads) {
    for (int level : {1, 6, 9}) {
      const auto z = zlib_compress(plain, level);
      ASSERT_GE(z.size(), 3u);
      ASSERT_EQ(z[2] & 0x07, 0b011)
          << "not one final fixed block; level " << level << " size " << plain.size();
      const std::size_t before = inflater.fixed_block_inflates();
      ASSERT_EQ(inflater.inflate(z, out, kCap), Malformation::kNone);
      EXPECT_EQ(out, plain);
      EXPECT_EQ(inflater.fixed_block_inflates(), before + 1) << "the fast path did not run";

      std::vector<std::vector<std::uint8_t>> variants;
      for (std::size_t bit = 0; bit < z.size() * 8; ++bit) {
        auto bad = z;
        bad[bit / 8] ^= static_cast<std::uint8_t>(1u << (bit % 8));
        variants.push_back(bad);
      }
      for (std::size_t cut = 0; cut < z.size(); ++cut)
        variants.emplace_back(z.begin(), z.begin() + cut);
      variants.push_back(z);
      variants.back().push_back(0x5A);
      for (const auto& v : variants) {
        const Oracle o = uncompress_oracle(v, kCap);
        const std::size_t fast_before = inflater.fixed_block_inflates();
        const Malformation m = inflater.inflate(v, out, kCap);
        fast_after_flip += inflater.fixed_block_inflates() - fast_before;
        ++flips;
        if (o.ok) {
          ASSERT_EQ(m, o.trailing ? Malformation::kTrailingAfterZlib : Malformation::kNone)
              << "level " << level << " size " << plain.size();
          ASSERT_EQ(out, o.bytes);
        } else {
          ASSERT_TRUE(m == Malformation::kBadZlib || m == Malformation::kZlibTooLarge)
              << "accepted what uncompress2 rejects; level " << level << " size " << plain.size();
        }
      }
    }
  }
  EXPECT_GT(fast_after_flip, 0u);
  EXPECT_LT(fast_after_flip, flips);
}

// Everything else is zlib's: a stored block, a dynamic one, a fixed block with
// more output than the cap (zlib says too large). A fixed block that is not the
// final one is among the bit flips above.
TEST(Inflater, OtherStreamsAndOverlongFixedBlocksAreLeftToZlib) {
  Inflater inflater;
  std::vector<std::uint8_t> out;
  std::uint32_t state = 3;
  std::vector<std::uint8_t> text(5000);
  for (auto& b : text) {
    state = state * 1103515245u + 12345u;
    b = static_cast<std::uint8_t>('a' + (state >> 16) % 9);
  }
  for (const auto& z : {zlib_compress(bytes("stored"), 0), zlib_compress(text, 6)}) {
    ASSERT_NE(z[2] & 0x07, 0b011);
    const std::size_t before = inflater.fixed_block_inflates();
    ASSERT_EQ(inflater.inflate(z, out), Malformation::kNone);
    EXPECT_EQ(inflater.fixed_block_inflates(), before);
  }
  const auto long_run = zlib_compress(std::vector<std::uint8_t>(600, 'q'));
  ASSERT_EQ(long_run[2] & 0x07, 0b011);
  EXPECT_EQ(inflater.inflate(long_run, out, 599), Malformation::kZlibTooLarge);
  EXPECT_EQ(inflater.inflate(long_run, out, 600), Malformation::kNone);
  EXPECT_EQ(out, std::vector<std::uint8_t>(600, 'q'));
}

// Two header fields the decoder must not get past: a preset dictionary (FDICT:
// zlib asks for the dictionary, a bad stream here) and a window smaller than a
// distance the block uses (CINFO 0: 256 bytes). Each header below keeps FCHECK
// valid, so only that field differs; a distance beyond the window is left to
// zlib (which, in one call, still accepts it).
TEST(Inflater, PresetDictionariesAndShortWindowsAreLeftToZlib) {
  std::vector<std::uint8_t> plain(256);
  for (std::size_t i = 0; i < plain.size(); ++i) plain[i] = static_cast<std::uint8_t>(i);
  plain.push_back('#');
  for (std::uint8_t i = 0; i < 40; ++i) plain.push_back(i);  // a match 257 bytes back
  auto z = zlib_compress(plain, 6);
  ASSERT_EQ(z[2] & 0x07, 0b011);
  Inflater inflater;
  std::vector<std::uint8_t> out;
  ASSERT_EQ(inflater.inflate(z, out), Malformation::kNone);
  ASSERT_EQ(inflater.fixed_block_inflates(), 1u);

  auto with_dictionary = z;
  with_dictionary[0] = 0x78;  // CM 8, CINFO 7
  with_dictionary[1] = 0x20;  // FDICT; (0x78 << 8 | 0x20) % 31 == 0
  EXPECT_FALSE(uncompress_oracle(with_dictionary, kMaxInflatedSize).ok);
  EXPECT_EQ(inflater.inflate(with_dictionary, out), Malformation::kBadZlib);

  auto short_window = z;
  short_window[0] = 0x08;  // CM 8, CINFO 0: a 256-byte window
  short_window[1] = 0x1D;  // (0x08 << 8 | 0x1D) % 31 == 0
  const Oracle o = uncompress_oracle(short_window, kMaxInflatedSize);
  const Malformation m = inflater.inflate(short_window, out);
  EXPECT_EQ(m, o.ok ? Malformation::kNone : Malformation::kBadZlib);
  if (o.ok) {
    EXPECT_EQ(out, o.bytes);
  }
  EXPECT_EQ(inflater.fixed_block_inflates(), 1u) << "the decoder took a distance past the window";
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
