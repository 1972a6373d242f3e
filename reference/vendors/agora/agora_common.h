// Pieces shared by Agora's AccessToken (006) and AccessToken2 (007) layouts
// (token-formats.md §0): little-endian integers, u16-prefixed strings, and the
// privilege map (u16 count, then (u16 key, u32 value) pairs in ascending key order).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include "reference/core/byte_reader.h"
#include "reference/core/byte_writer.h"
#include "reference/core/privilege_map.h"

namespace tokcheck::agora {

// Agora's uid rule: the number 0 becomes "", any other number its decimal digits.
// A uid given as a string is used verbatim ("0" stays "0"). token-formats.md §1.
std::string uid_from_number(std::uint64_t uid);

// The raw records of a privilege map, validated (count fits, keys strictly
// ascending) but not copied, so a verifier can look keys up without allocating.
class PrivilegeMapView {
 public:
  // Reads count + records from `r`. kLengthOverflow when the count does not fit,
  // kUnsortedMap when keys are not strictly ascending (a canonical builder always
  // sorts them; C++ std::map, Go sort.Ints, Python sorted).
  Malformation read(ByteReader& r);
  std::uint16_t size() const { return count_; }
  // False when `key` is absent.
  bool find(std::uint16_t key, std::uint32_t& value) const;
  PrivilegeMap to_map() const;

 private:
  Bytes records_{};
  std::uint16_t count_ = 0;
};

// Writes the map sorted by key; duplicate keys keep the last value (std::map).
void write_privilege_map(ByteWriter& w, const PrivilegeMap& map);

}  // namespace tokcheck::agora
