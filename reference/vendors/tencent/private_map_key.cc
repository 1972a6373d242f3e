#include "reference/vendors/tencent/private_map_key.h"

#include "reference/core/byte_writer.h"
#include "reference/vendors/tencent/usersig_json.h"

namespace tokcheck::tencent {

PrivateMapKey private_map_key(std::string_view userid, std::uint32_t sdkappid,
                              std::uint32_t room_id, std::int64_t now, std::int64_t expire,
                              std::uint32_t privilege_map) {
  PrivateMapKey k;
  k.version = 0;
  k.account = std::string(userid);
  k.sdkappid = sdkappid;
  k.room_id = room_id;
  // The SDKs add in 64 bits and keep the low 32 (Go: byte shifts of an int64).
  k.expire_abs = static_cast<std::uint32_t>(static_cast<std::uint64_t>(now) +
                                            static_cast<std::uint64_t>(expire));
  k.privilege_map = privilege_map;
  k.account_type = 0;
  return k;
}

PrivateMapKey private_map_key_with_string_room(std::string_view userid, std::uint32_t sdkappid,
                                               std::string_view room_str, std::int64_t now,
                                               std::int64_t expire, std::uint32_t privilege_map) {
  PrivateMapKey k = private_map_key(userid, sdkappid, 0, now, expire, privilege_map);
  if (!room_str.empty()) {
    k.version = 1;
    k.room_str = std::string(room_str);
  }
  return k;
}

std::optional<std::vector<std::uint8_t>> pack_userbuf(const PrivateMapKey& key) {
  if (key.version > 1) return std::nullopt;
  ByteWriter w;
  w.add_u8(key.version);
  w.add_u16be_prefixed(key.account);
  w.add_u32be(key.sdkappid);
  w.add_u32be(key.room_id);
  w.add_u32be(key.expire_abs);
  w.add_u32be(key.privilege_map);
  w.add_u32be(key.account_type);
  if (key.version == 1) w.add_u16be_prefixed(key.room_str);
  if (!w.ok()) return std::nullopt;
  return w.take();
}

Malformation parse_userbuf(Bytes userbuf, PrivateMapKey& out) {
  ByteReader r(userbuf);
  PrivateMapKey k;
  if (!r.read_u8(k.version)) return Malformation::kTruncated;
  if (k.version > 1) return Malformation::kBadField;
  ByteReader account;
  if (!r.read_u16be_prefixed(account)) return r.error();
  k.account = std::string(as_chars(account.rest()));
  if (!r.read_u32be(k.sdkappid) || !r.read_u32be(k.room_id) || !r.read_u32be(k.expire_abs) ||
      !r.read_u32be(k.privilege_map) || !r.read_u32be(k.account_type)) {
    return Malformation::kTruncated;
  }
  if (k.version == 1) {
    ByteReader room;
    if (!r.read_u16be_prefixed(room)) return r.error();
    k.room_str = std::string(as_chars(room.rest()));
  }
  if (!r.empty()) return Malformation::kTrailingBytes;
  if (!is_valid_utf8(k.account) || !is_valid_utf8(k.room_str)) return Malformation::kBadField;
  out = std::move(k);
  return Malformation::kNone;
}

}  // namespace tokcheck::tencent
