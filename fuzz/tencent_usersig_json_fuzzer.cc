// The layer of Tencent UserSig below base64 and zlib: the claims JSON. The fuzz
// input is the JSON text; it goes to the strict reader directly
// (usersig_json.h: JsonObjectReader) and, compressed and Tencent-base64 encoded
// here, through parse_usersig. Invariants:
//  - the strict reader accepts only what a conforming JSON parser (nlohmann)
//    accepts, and only objects; repeated parses give the same members;
//  - parse_usersig on the wrapped input is malformed (kBadJson) exactly when the
//    reader rejects the text (kZlibTooLarge past the inflate cap, whatever the
//    text), and a valid parse has the object's claim values;
//  - the shortcut for the SDKs' spellings (StrictJsonReader::scan_plain_object)
//    takes only text the full reader accepts, with the same members.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "fuzz/common/fuzz_check.h"
#include "reference/core/base64.h"
#include "reference/core/strict_json.h"
#include "reference/core/zlib_codec.h"
#include "reference/vendors/tencent/usersig.h"
#include "reference/vendors/tencent/usersig_json.h"

using tokcheck::Condition;
using tokcheck::Malformation;
namespace tencent = tokcheck::tencent;

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string_view text(reinterpret_cast<const char*>(data), size);
  tencent::JsonObjectReader reader;
  const Malformation m = reader.parse(text);
  TOKCHECK_FUZZ_CHECK(m == Malformation::kNone || m == Malformation::kBadJson,
                      "the JSON reader returned an unexpected malformation");
  if (m == Malformation::kNone) {
    const auto members = reader.members().size();
    TOKCHECK_FUZZ_CHECK(nlohmann::json::accept(text.begin(), text.end()),
                        "the strict reader accepted text a conforming JSON parser rejects");
    TOKCHECK_FUZZ_CHECK(
        reader.parse(text) == Malformation::kNone && reader.members().size() == members,
        "a reused reader answered differently");
  }

  {
    tokcheck::StrictJsonReader fast, full;
    fast.reset(text);
    full.reset(text);
    std::array<tokcheck::StrictJsonReader::Member, 8> got;
    std::size_t count = 0;
    if (fast.scan_plain_object(got, count)) {
      std::span<const tokcheck::StrictJsonReader::Member> want;
      TOKCHECK_FUZZ_CHECK(full.validate() && full.root_object(want) && want.size() == count,
                          "the plain-object shortcut took text the full reader refuses");
      for (std::size_t i = 0; i < count; ++i) {
        TOKCHECK_FUZZ_CHECK(got[i].name == want[i].name && got[i].type == want[i].type &&
                                got[i].start == want[i].start && got[i].end == want[i].end &&
                                got[i].escaped == want[i].escaped,
                            "the plain-object shortcut gave other members than the full reader");
      }
    }
  }

  const std::string token = tokcheck::base64_encode(
      tokcheck::zlib_compress(tokcheck::as_bytes(text)), tokcheck::Base64Alphabet::kTencent);
  const auto parsed = tencent::parse_usersig(token);
  if (text.size() > tokcheck::kMaxInflatedSize) {
    // Longer than any claims a parser inflates: refused before the JSON is read.
    TOKCHECK_FUZZ_CHECK(parsed.error == Malformation::kZlibTooLarge,
                        "parse_usersig read claims longer than the inflate cap");
  } else if (m != Malformation::kNone) {
    TOKCHECK_FUZZ_CHECK(
        parsed.condition == Condition::kMalformed && parsed.error == Malformation::kBadJson,
        "parse_usersig accepted JSON the reader rejects");
  } else {
    TOKCHECK_FUZZ_CHECK(parsed.error != Malformation::kBadJson,
                        "parse_usersig rejected JSON the reader accepts");
  }
  if (parsed.condition == Condition::kValid) {
    const tencent::JsonMember* id = reader.find("TLS.identifier");
    const tencent::JsonMember* time = reader.find("TLS.time");
    TOKCHECK_FUZZ_CHECK(id != nullptr && id->kind == tencent::JsonMember::Kind::kString &&
                            id->string_value == parsed.token.identifier,
                        "parsed identifier differs from the JSON member");
    TOKCHECK_FUZZ_CHECK(time != nullptr && time->kind == tencent::JsonMember::Kind::kInteger &&
                            time->integer == parsed.token.time,
                        "parsed time differs from the JSON member");
  }
  return 0;
}
