#include "fuzz/common/volc_fields.h"

#include "fuzz/common/fuzz_check.h"

#include "reference/core/base64.h"
#include "reference/core/byte_writer.h"

namespace tokcheck::fuzz {

std::vector<std::uint8_t> encode_001_message(const volc::Token001& t) {
  ByteWriter w;
  w.add_u32le(t.nonce);
  w.add_u32le(t.issued_at);
  w.add_u32le(t.expire_at);
  w.add_u16le_prefixed(t.room_id);
  w.add_u16le_prefixed(t.user_id);
  w.add_u16le(static_cast<std::uint16_t>(t.privileges.size()));
  for (const auto& [key, value] : t.privileges) {
    w.add_u16le(key);
    w.add_u32le(value);
  }
  return w.take();
}

std::string encode_001_token(const volc::Token001& t) {
  ByteWriter content;
  content.add_u16le_prefixed(Bytes(encode_001_message(t)));
  content.add_u16le_prefixed(Bytes(t.signature));
  return std::string(volc::kVersion001) + t.app_id + base64_encode(content.bytes());
}

bool same_fields(const volc::Token001& a, const volc::Token001& b) {
  return a.app_id == b.app_id && a.nonce == b.nonce && a.issued_at == b.issued_at &&
         a.expire_at == b.expire_at && a.room_id == b.room_id && a.user_id == b.user_id &&
         a.privileges == b.privileges && a.signature == b.signature;
}

bool check_strict_and_official_agree(const volc::Parse001Result& strict,
                                     const volc::Parse001Result& official) {
  const volc::Token001& o = official.token;
  const bool tolerated =
      o.trailing_after_signature || o.trailing_in_message || o.privileges_not_canonical;
  if (strict.error != Malformation::kNone) {
    TOKCHECK_FUZZ_CHECK(official.error != Malformation::kNone || tolerated,
                        "official accepts with nothing tolerated but strict rejects");
    return false;
  }
  TOKCHECK_FUZZ_CHECK(
      official.error == Malformation::kNone && !tolerated && same_fields(strict.token, o),
      "official parse disagrees with strict on a canonical token");
  return true;
}

}  // namespace tokcheck::fuzz
