// The JSON layer of a Tencent UserSig (suite-anchors.md §7; docs/formats/tencent.md):
// a strict reader for the claims object, and writers that reproduce the byte-exact
// JSON text of the three vendor SDKs, which differ (Python json.dumps, Go
// encoding/json, C++ rapidjson).
#pragma once

#include <array>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "reference/core/condition.h"
#include "reference/core/strict_json.h"
#include "reference/core/utf8.h"

namespace tokcheck::tencent {

using tokcheck::is_valid_utf8;  // reference/core/utf8.h

// One top-level member of the claims object. Nested values are validated but not kept.
struct JsonMember {
  enum class Kind : std::uint8_t {
    kString,   // string_value holds the unescaped UTF-8
    kInteger,  // a number without fraction or exponent; see integer / integer_overflow
    kNumber,   // a number with a fraction or an exponent
    kOther,    // true, false, null, an array or an object
  };
  // key and string_value are unescaped and valid until the next parse(): views
  // into the parsed text, or into storage when the text held escapes.
  std::string_view key;
  Kind kind = Kind::kOther;
  std::string_view string_value;
  std::int64_t integer = 0;
  bool integer_overflow = false;  // outside int64
  std::string_view lexeme;        // kInteger and kNumber: the number as written
  std::string storage;            // string_value's bytes when they had escapes
};

// Reads the claims as one JSON object with the project's one strict reader
// (reference/core/strict_json.h: RFC 8259, UTF-8 only, escapes and surrogates
// validated, nesting at most kMaxDepth, no repeated name in any object per I-JSON,
// RFC 7493 §2.3), then lists the top-level members in the shape the UserSig
// checks want. Anything the strict reader refuses, or a top-level value that is not
// an object, is kBadJson. Never throws; all storage is reused across calls.
class JsonObjectReader {
 public:
  static constexpr int kMaxDepth = StrictJsonReader::kMaxDepth;

  // The members view `text`, which must outlive them: parsing a temporary string
  // does not compile (the deleted overload), so a view cannot outlive its bytes
  // unnoticed. A string literal lives as long as the program.
  Malformation parse(std::string_view text);
  Malformation parse(const char* text) { return parse(std::string_view(text)); }
  Malformation parse(std::string&& text) = delete;
  std::span<const JsonMember> members() const { return {members_.data(), count_}; }
  // The member named `key`, or nullptr.
  const JsonMember* find(std::string_view key) const;

 private:
  StrictJsonReader reader_;
  // What scan_plain_object() writes: room for every claim an SDK writes (seven,
  // with TLS.userbuf); an object with more members takes the full reader.
  std::array<StrictJsonReader::Member, 8> plain_;
  std::vector<JsonMember> members_;
  std::size_t count_ = 0;
};

// Which SDK's serialization (suite-anchors.md §7 "SDK divergence").
enum class JsonStyle : std::uint8_t {
  kPython,  // json.dumps(dict): ", " / ": " separators, ensure_ascii, zlib level 6
  kGo,      // encoding/json Encoder: compact, HTML-escaped, omitempty, "\n"; zlib stored
  kCpp,     // rapidjson Writer: compact, other key order; zlib level 1 (Z_BEST_SPEED)
};
std::string_view to_string(JsonStyle s);
std::optional<JsonStyle> json_style_from_string(std::string_view s);
inline constexpr JsonStyle kAllJsonStyles[] = {JsonStyle::kPython, JsonStyle::kGo, JsonStyle::kCpp};

// The claims to serialize; strings must be valid UTF-8 (the builder checks).
struct ClaimsJson {
  std::string_view ver;
  std::string_view identifier;
  std::uint64_t sdkappid = 0;
  std::int64_t expire = 0;
  std::int64_t time = 0;
  std::optional<std::string_view> userbuf_base64;
  std::string_view sig_base64;
};

// The JSON text exactly as the SDK of `style` writes it (key order, separators,
// escaping, Go's omitempty and trailing newline).
std::string write_claims_json(const ClaimsJson& claims, JsonStyle style);

// zlib as the SDK of `style` compresses (Python level 6, C++ level 1, Go
// NoCompression: one stored block then an empty final stored block).
std::vector<std::uint8_t> compress_for_style(std::span<const std::uint8_t> json, JsonStyle style);

}  // namespace tokcheck::tencent
