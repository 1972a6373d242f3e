// A small strict JSON reader for the claims inside ZEGO tokens (and the privilege
// payload nested in them). Two passes over one buffer:
//
//  1. validate(): the text is exactly one RFC 8259 JSON value (whitespace around it
//     allowed), strings are valid UTF-8 with no lone surrogate escapes, no object
//     has two members with the same name after unescaping (RFC 7493 I-JSON §2.3),
//     and nesting is at most kMaxDepth deep. Failing this is "not strict JSON"
//     (Malformation::kBadJson).
//  2. The pull methods (peek, begin_object, next_key, read_string, read_int, ...)
//     walk the validated text so a codec can check the claims' *shape* (member
//     names and types) and report anything unexpected as Condition::kPayloadInvalid.
//
// Why not a general JSON library: ZEGO verification is a hot path (one verifier,
// many tokens) and libraries either accept duplicates silently (last one wins) or
// allocate a DOM per token. This reader keeps its scratch buffers across calls, so
// once they have grown it allocates nothing. It never throws and never reads out of
// bounds, whatever the input; the pull methods return false on anything they did
// not expect, even on text that skipped validate().
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace tokcheck::zego {

class JsonReader {
 public:
  static constexpr int kMaxDepth = 32;

  enum class Type : std::uint8_t { kEnd, kObject, kArray, kString, kNumber, kBool, kNull, kBad };

  // Starts over on `text` (buffers keep their capacity).
  void reset(std::string_view text);

  // Pass 1. Leaves the cursor at the start again, ready for pass 2.
  bool validate();

  // Pass 2: the type of the next value (whitespace skipped).
  Type peek();
  bool begin_object();  // consumes '{'
  // Inside an object: true with `key` = the next member's name and the ':' consumed;
  // false when the closing '}' is reached (it is consumed).
  bool next_key(std::string& key);
  bool begin_array();  // consumes '['
  // Inside an array: true when another element follows; false at ']' (consumed).
  bool next_element();
  bool read_string(std::string& out);  // unescaped UTF-8
  // An integer (no fraction, no exponent) within int64; false for any other number.
  bool read_int(std::int64_t& out);
  bool read_bool(bool& out);
  bool read_null();
  bool skip_value();
  bool at_end();  // only whitespace remains

 private:
  bool validate_value(int depth);
  bool validate_object(int depth);
  bool validate_array(int depth);
  // Reads a string at the cursor; when `out` is null only validates it.
  bool scan_string(std::string* out);
  bool scan_number(bool& integer, std::int64_t& value);
  bool scan_literal(std::string_view word);
  void skip_ws();
  bool consume(char c);

  std::string_view text_;
  std::size_t pos_ = 0;
  // Member names of the objects currently open during validate(), as spans into
  // names_; each open object owns the tail that starts at its recorded index.
  std::string names_;
  std::vector<std::pair<std::uint32_t, std::uint32_t>> name_spans_;
  std::string scratch_;
};

// The JSON.stringify spelling of `s` as a JSON string literal (with quotes):
// `"` and `\` escaped, \b \f \n \r \t short forms, other controls as \u00xx
// (lower-case hex), everything else (including non-ASCII, '/', U+2028/9) verbatim.
// This is what ZEGO's Node, C++ (rapidjson) and Python (ensure_ascii=False)
// generators emit for ordinary strings (token-formats.md ZEGO §1.3).
void append_json_string(std::string& out, std::string_view s);

// Length of `s` in UTF-16 code units (what JavaScript's and Java's `length`
// count), or -1 when `s` is not valid UTF-8.
long utf16_length(std::string_view s);

}  // namespace tokcheck::zego
