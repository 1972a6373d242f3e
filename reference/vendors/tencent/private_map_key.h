// The TRTC PrivateMapKey userbuf (suite-anchors.md §7; docs/formats/tencent.md
// "userbuf"): the bytes a PrivateMapKey carries base64-encoded in TLS.userbuf.
//
//   u8  version         0 = numeric room, 1 = string room
//   u16 len ‖ account   big-endian length, UTF-8 bytes
//   u32 sdkappid
//   u32 room_id         dwAuthID (0 for a string room, as the Go SDK writes it)
//   u32 expire_abs      issue time + expire, truncated to 32 bits
//   u32 privilege_map   PrivilegeBit flags
//   u32 account_type    0
//   [version 1: u16 len ‖ room_str]
//
// All integers big-endian, unlike the rest of tokcheck's binary formats.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/byte_reader.h"
#include "reference/core/condition.h"

namespace tokcheck::tencent {

// The privilege bits (TLSSigAPIv2 genPrivateMapKey doc comment; the Python and C++
// comments print bit 8 as "200", the Go comment and the arithmetic say 128).
enum PrivilegeBit : std::uint32_t {
  kCreateRoom = 1,
  kEnterRoom = 2,
  kSendAudio = 4,
  kRecvAudio = 8,
  kSendVideo = 16,
  kRecvVideo = 32,
  kSendSubVideo = 64,
  kRecvSubVideo = 128,
  kAllPrivileges = 255,
};

struct PrivateMapKey {
  std::uint8_t version = 0;
  std::string account;
  std::uint32_t sdkappid = 0;
  std::uint32_t room_id = 0;
  std::uint32_t expire_abs = 0;
  std::uint32_t privilege_map = 0;
  std::uint32_t account_type = 0;
  std::string room_str;  // version 1 only

  bool operator==(const PrivateMapKey&) const = default;
};

// genPrivateMapKey: numeric room, expire_abs = (now + expire) mod 2^32.
PrivateMapKey private_map_key(std::string_view userid, std::uint32_t sdkappid,
                              std::uint32_t room_id, std::int64_t now, std::int64_t expire,
                              std::uint32_t privilege_map);
// genPrivateMapKeyWithStringRoomID: version 1 with room_str; an empty room string
// gives version 0 with room 0, as the Go SDK (the only one with this API) does.
PrivateMapKey private_map_key_with_string_room(std::string_view userid, std::uint32_t sdkappid,
                                               std::string_view room_str, std::int64_t now,
                                               std::int64_t expire, std::uint32_t privilege_map);

// The userbuf bytes; nullopt when version is not 0/1 or a string exceeds 65535 bytes.
std::optional<std::vector<std::uint8_t>> pack_userbuf(const PrivateMapKey& key);

// Strict: the layout consumed exactly (kTrailingBytes otherwise), version 0 or 1 and
// UTF-8 account / room (kBadField otherwise), lengths within the buffer (kTruncated /
// kLengthOverflow).
Malformation parse_userbuf(Bytes userbuf, PrivateMapKey& out);

}  // namespace tokcheck::tencent
