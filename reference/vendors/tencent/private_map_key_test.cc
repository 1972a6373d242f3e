// The PrivateMapKey userbuf layout (suite-anchors.md §7): big-endian, version 0 for a
// numeric room, 1 for a string room.
#include "reference/vendors/tencent/private_map_key.h"

#include <gtest/gtest.h>

#include "reference/core/crypto_util.h"

namespace tokcheck::tencent {
namespace {

TEST(PrivateMapKey, NumericRoomLayoutIsBigEndian) {
  const PrivateMapKey k = private_map_key("ab", 1400000000, 10000, 1700000000, 300, kAllPrivileges);
  EXPECT_EQ(k.expire_abs, 1700000300u);
  const auto bytes = pack_userbuf(k);
  ASSERT_TRUE(bytes);
  // ver | len "ab" | sdkappid | room | expire_abs | privileges | account type
  EXPECT_EQ(to_hex(*bytes),
            "00"
            "0002"
            "6162"
            "53724e00"
            "00002710"
            "6553f22c"
            "000000ff"
            "00000000");
}

TEST(PrivateMapKey, StringRoomAddsVersionOneAndTheRoom) {
  const PrivateMapKey k =
      private_map_key_with_string_room("ab", 1, "r1", 0, 5, kEnterRoom | kRecvAudio);
  EXPECT_EQ(k.version, 1);
  EXPECT_EQ(k.room_id, 0u);
  const auto bytes = pack_userbuf(k);
  ASSERT_TRUE(bytes);
  EXPECT_EQ(to_hex(*bytes),
            "01"
            "0002"
            "6162"
            "00000001"
            "00000000"
            "00000005"
            "0000000a"
            "00000000"
            "0002"
            "7231");
  PrivateMapKey back;
  ASSERT_EQ(parse_userbuf(*bytes, back), Malformation::kNone);
  EXPECT_EQ(back, k);
  // An empty string room is the numeric layout with room 0, as the Go SDK writes it.
  EXPECT_EQ(private_map_key_with_string_room("ab", 1, "", 0, 5, 1).version, 0);
}

TEST(PrivateMapKey, ExpireAbsIsTruncatedTo32Bits) {
  EXPECT_EQ(private_map_key("a", 1, 1, 0xFFFFFFFFll, 2, 1).expire_abs, 1u);
}

TEST(PrivateMapKey, ParseIsStrict) {
  const auto good = *pack_userbuf(private_map_key("ab", 1, 2, 3, 4, 5));
  PrivateMapKey k;
  EXPECT_EQ(parse_userbuf({}, k), Malformation::kTruncated);
  for (std::size_t n = 1; n < good.size(); ++n) {
    const Malformation m = parse_userbuf(Bytes(good).first(n), k);
    EXPECT_TRUE(m == Malformation::kTruncated || m == Malformation::kLengthOverflow) << n;
  }
  auto trailing = good;
  trailing.push_back(0);
  EXPECT_EQ(parse_userbuf(trailing, k), Malformation::kTrailingBytes);
  auto version = good;
  version[0] = 2;
  EXPECT_EQ(parse_userbuf(version, k), Malformation::kBadField);
  auto not_utf8 = good;
  not_utf8[3] = 0xFF;
  EXPECT_EQ(parse_userbuf(not_utf8, k), Malformation::kBadField);
  PrivateMapKey bad_version;
  bad_version.version = 7;
  EXPECT_FALSE(pack_userbuf(bad_version));
  PrivateMapKey long_account;
  long_account.account = std::string(65536, 'a');
  EXPECT_FALSE(pack_userbuf(long_account));
}

}  // namespace
}  // namespace tokcheck::tencent
