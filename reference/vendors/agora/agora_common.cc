#include "reference/vendors/agora/agora_common.h"

#include <map>

namespace tokcheck::agora {

std::string uid_from_number(std::uint64_t uid) { return uid == 0 ? "" : std::to_string(uid); }

Malformation PrivilegeMapView::read(ByteReader& r) {
  std::uint16_t count = 0;
  if (!r.read_u16le(count)) return Malformation::kTruncated;
  if (!r.check_records_fit(count, 6)) return Malformation::kLengthOverflow;
  Bytes records;
  if (!r.read_bytes(std::size_t{count} * 6, records)) return Malformation::kLengthOverflow;
  ByteReader walk(records);
  std::int32_t previous = -1;
  for (std::uint16_t i = 0; i < count; ++i) {
    std::uint16_t key = 0;
    std::uint32_t value = 0;
    if (!walk.read_u16le(key) || !walk.read_u32le(value)) return Malformation::kTruncated;
    if (static_cast<std::int32_t>(key) <= previous) return Malformation::kUnsortedMap;
    previous = key;
  }
  records_ = records;
  count_ = count;
  return Malformation::kNone;
}

bool PrivilegeMapView::find(std::uint16_t key, std::uint32_t& value) const {
  ByteReader walk(records_);
  for (std::uint16_t i = 0; i < count_; ++i) {
    std::uint16_t k = 0;
    std::uint32_t v = 0;
    if (!walk.read_u16le(k) || !walk.read_u32le(v)) return false;
    if (k == key) {
      value = v;
      return true;
    }
    if (k > key) return false;  // keys ascend
  }
  return false;
}

PrivilegeMap PrivilegeMapView::to_map() const {
  PrivilegeMap out;
  out.reserve(count_);
  ByteReader walk(records_);
  for (std::uint16_t i = 0; i < count_; ++i) {
    std::uint16_t k = 0;
    std::uint32_t v = 0;
    if (!walk.read_u16le(k) || !walk.read_u32le(v)) break;
    out.emplace_back(k, v);
  }
  return out;
}

void write_privilege_map(ByteWriter& w, const PrivilegeMap& map) {
  std::map<std::uint16_t, std::uint32_t> sorted;
  for (const auto& [k, v] : map) sorted[k] = v;
  w.add_u16le(static_cast<std::uint16_t>(sorted.size()));
  for (const auto& [k, v] : sorted) {
    w.add_u16le(k);
    w.add_u32le(v);
  }
}

}  // namespace tokcheck::agora
