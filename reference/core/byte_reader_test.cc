#include "reference/core/byte_reader.h"

#include <gtest/gtest.h>

#include "reference/core/byte_writer.h"

namespace tokcheck {
namespace {

TEST(ByteReader, ReadsBothEndiannesses) {
  const std::uint8_t b[] = {0x01, 0x02, 0x03, 0x04, 0x05, 0x06, 0x07, 0x08};
  ByteReader r{Bytes(b)};
  std::uint16_t u16 = 0;
  std::uint32_t u32 = 0;
  ASSERT_TRUE(r.read_u16le(u16));
  EXPECT_EQ(u16, 0x0201);
  ASSERT_TRUE(r.read_u32be(u32));
  EXPECT_EQ(u32, 0x03040506u);
  std::int16_t i16 = 0;
  ASSERT_TRUE(r.read_i16le(i16));
  EXPECT_EQ(i16, 0x0807);
  EXPECT_TRUE(r.empty());
  ByteReader r2{Bytes(b)};
  std::uint64_t u64 = 0;
  ASSERT_TRUE(r2.read_u64be(u64));
  EXPECT_EQ(u64, 0x0102030405060708ull);
}

TEST(ByteReader, FailedReadsLeaveTheViewUntouchedAndSayWhy) {
  const std::uint8_t b[] = {0x05, 0x00, 'a', 'b'};  // prefix says 5, only 2 follow
  ByteReader r{Bytes(b)};
  ByteReader child;
  EXPECT_FALSE(r.read_u16le_prefixed(child));
  EXPECT_EQ(r.error(), Malformation::kLengthOverflow);
  EXPECT_EQ(r.remaining(), 4u);
  std::uint32_t u32 = 0;
  ASSERT_TRUE(r.read_u32le(u32));
  EXPECT_FALSE(r.read_u32le(u32));
  EXPECT_EQ(r.error(), Malformation::kTruncated);
  const std::uint8_t one[] = {0x01};
  ByteReader r3{Bytes(one)};
  EXPECT_FALSE(r3.read_u16be_prefixed(child));
  EXPECT_EQ(r3.error(), Malformation::kTruncated);
}

TEST(ByteReader, HostileCountsFailBeforeAnyWork) {
  const std::uint8_t b[12] = {};
  ByteReader r{Bytes(b)};
  EXPECT_TRUE(r.check_records_fit(2, 6));
  EXPECT_FALSE(r.check_records_fit(3, 6));
  EXPECT_FALSE(r.check_records_fit(65535, 6));
  EXPECT_EQ(r.error(), Malformation::kLengthOverflow);
}

TEST(ByteWriter, PrefixesAndStickyOverflow) {
  ByteWriter w;
  w.add_u16le_prefixed(std::string_view("hi"));
  w.add_u16be_prefixed(std::string_view("yo"));
  w.add_u64be(1);
  EXPECT_TRUE(w.ok());
  const std::vector<std::uint8_t> want = {2, 0, 'h', 'i', 0, 2, 'y', 'o', 0, 0, 0, 0, 0, 0, 0, 1};
  EXPECT_EQ(w.bytes(), want);
  w.add_u16le_prefixed(std::string(70000, 'x'));
  EXPECT_FALSE(w.ok());
}

}  // namespace
}  // namespace tokcheck
