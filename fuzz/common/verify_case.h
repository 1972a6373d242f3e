// The input format of the verify targets: a token and the verifier's context, as
// text so a regression file reads like the request that triggered it.
//
//   line 1:   the token
//   line 2+:  key=value (now, app_id, channel_name, uid, user_id, account,
//             service_type, room_id, privileges=1,2, base64=lenient, ...)
//
// The secret is not part of a case: verify targets always use the fixed test key
// (test_keys.h), which the custom mutators re-sign with. Parsing never fails and
// never throws: a line without '=' is ignored and a bad number reads as absent.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tokcheck::fuzz {

struct VerifyCase {
  std::string token;
  std::vector<std::pair<std::string, std::string>> fields;  // in file order

  static VerifyCase parse(const std::uint8_t* data, std::size_t size);
  std::string serialize() const;

  std::optional<std::string_view> get(std::string_view key) const;
  void set(std::string_view key, std::string_view value);
  void erase(std::string_view key);
  // The value as a signed decimal integer; nullopt when absent or not a number.
  std::optional<std::int64_t> get_int(std::string_view key) const;
  // privileges=1,2,3 → {1,2,3}; entries that are not u16 numbers are skipped.
  std::vector<std::uint16_t> get_u16_list(std::string_view key) const;
};

// Writes `text` into a mutator's buffer if it fits; returns the new size, or 0
// when it does not fit (the caller then falls back to byte-level mutation).
std::size_t write_mutation(std::string_view text, std::uint8_t* data, std::size_t max_size);

}  // namespace tokcheck::fuzz
