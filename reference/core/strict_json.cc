#include "reference/core/strict_json.h"

#include <algorithm>
#include <cstring>
#include <limits>

#include "reference/core/ascii.h"
#include "reference/core/json_number.h"
#include "reference/core/json_scan.h"
#include "reference/core/utf8.h"

namespace tokcheck {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }

// The word-at-a-time primitives of reference/core/json_scan.h.
using json_scan::is_plain;
using json_scan::kOnes;
using json_scan::load8;

// Whether the eight bytes of w are all decimal digits.
bool all_digits(std::uint64_t w) {
  // A byte is a digit when its high nibble is 3 and adding 6 keeps it so (a carry
  // out of a byte only follows a byte that is already no digit).
  return (((w & (kOnes * 0xF0)) ^ (kOnes * 0x30)) |
          (((w + kOnes * 0x06) & (kOnes * 0xF0)) ^ (kOnes * 0x30))) == 0;
}

// Index of the first byte of [p, end) that is not plain, or end - p.
[[gnu::always_inline]] inline std::size_t plain_run(const char* p, const char* end) {
  return json_scan::plain_run_end(std::string_view(p, static_cast<std::size_t>(end - p)), 0);
}

// Index of the first byte of [p, end) that is not a decimal digit, or end - p.
[[gnu::always_inline]] inline std::size_t digit_run(const char* p, const char* end) {
  const char* q = p;
  while (end - q >= 8 && all_digits(load8(q))) q += 8;
  while (q < end && is_digit(*q)) ++q;
  return static_cast<std::size_t>(q - p);
}

// The value of eight digits (all_digits(w); the first in the lowest byte): adjacent
// digits, then pairs, then quads combined by one multiply each, every partial
// value staying within its lane.
std::uint64_t eight_digits(std::uint64_t w) {
  w -= kOnes * '0';
  w = ((w * (1 + (10 << 8))) >> 8) & 0x00FF00FF00FF00FFull;     // 2 digits per u16
  w = ((w * (1 + (100 << 16))) >> 16) & 0x0000FFFF0000FFFFull;  // 4 digits per u32
  return (w * (1 + (std::uint64_t{10000} << 32))) >> 32;        // 8 digits
}

// The int64 an integer lexeme (-?digits, no leading zeros) stands for; false when
// it is none (a byte that is no digit, or beyond int64).
bool integer_value(const char* p, std::size_t n, std::int64_t& out) {
  const bool negative = n > 0 && p[0] == '-';
  if (negative) {
    ++p;
    --n;
  }
  if (n == 0 || n > 19) return false;  // 20 digits and more are at least 10^19 > 2^63
  std::uint64_t magnitude = 0;         // < 10^19 < 2^64 throughout
  for (; n >= 8; p += 8, n -= 8) {
    const std::uint64_t w = load8(p);
    if (!all_digits(w)) return false;
    magnitude = magnitude * 100000000 + eight_digits(w);
  }
  for (; n > 0; ++p, --n) {
    if (!is_digit(*p)) return false;
    magnitude = magnitude * 10 + static_cast<std::uint64_t>(*p - '0');
  }
  // int64 holds up to 2^63 - 1, or 2^63 when negative.
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  if (magnitude > limit) return false;
  out = negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  return true;
}

// Scans the number at text[pos] (RFC 8259 grammar: -?int frac? exp?), leaving pos
// after the longest prefix that fits it, up to the first byte that does not.
// `integer`: no fraction and no exponent.
[[gnu::always_inline]] inline bool scan_number_lexeme(std::string_view text, std::size_t& pos,
                                                      bool& integer) {
  integer = true;
  const char* const end = text.data() + text.size();
  if (pos < text.size() && text[pos] == '-') ++pos;
  if (pos >= text.size() || !is_digit(text[pos])) return false;
  if (text[pos] == '0') {
    ++pos;
  } else {
    pos += digit_run(text.data() + pos, end);
  }
  if (pos < text.size() && text[pos] == '.') {
    integer = false;
    ++pos;
    if (pos >= text.size() || !is_digit(text[pos])) return false;
    pos += digit_run(text.data() + pos, end);
  }
  if (pos < text.size() && (text[pos] == 'e' || text[pos] == 'E')) {
    integer = false;
    ++pos;
    if (pos < text.size() && (text[pos] == '+' || text[pos] == '-')) ++pos;
    if (pos >= text.size() || !is_digit(text[pos])) return false;
    pos += digit_run(text.data() + pos, end);
  }
  return true;
}

// A number as validate() takes it: the grammar, and a value binary64 can hold.
bool validate_number(std::string_view text, std::size_t& pos) {
  const std::size_t start = pos;
  bool integer = false;
  if (!scan_number_lexeme(text, pos, integer)) return false;
  // Up to 308 integer digits is below 1e308, so the common case skips the check.
  return (integer && pos - start <= 308) ||
         json_number_fits_binary64(std::string_view(text.data() + start, pos - start));
}

// A value of a plain object (match_plain_object, scan_plain_object) starting at
// p: a string of plain bytes, or an integer -?(0|[1-9][0-9]*) of at most 19
// digits. Returns the end of the value, or nullptr when it is neither; the
// caller checks the byte after it (a ',' or '}' there also refuses a fraction,
// an exponent or a leading zero).
[[gnu::always_inline]] inline const char* scan_plain_value(const char* p, const char* end,
                                                           StrictJsonReader::Type& type) {
  if (p == end) return nullptr;
  if (*p == '"') {
    // A plain run ending at the closing quote: no escape, control or non-ASCII
    // byte, each of which would need scan_string_slow's checks.
    p += 1 + plain_run(p + 1, end);
    if (p == end || *p != '"') return nullptr;
    type = StrictJsonReader::Type::kString;
    return p + 1;
  }
  if (*p == '-') ++p;
  if (p == end || !is_digit(*p)) return nullptr;
  const char* const digits = p;
  p += *p == '0' ? 1 : digit_run(p, end);  // no leading zeros
  // 19 digits at most: far inside the binary64 range validate() checks.
  if (p - digits > 19) return nullptr;
  type = StrictJsonReader::Type::kNumber;
  return p;
}

// The type of the JSON value that starts with c (peek()).
[[gnu::always_inline]] inline StrictJsonReader::Type type_of(char c) {
  switch (c) {
    case '{':
      return StrictJsonReader::Type::kObject;
    case '[':
      return StrictJsonReader::Type::kArray;
    case '"':
      return StrictJsonReader::Type::kString;
    case 't':
    case 'f':
      return StrictJsonReader::Type::kBool;
    case 'n':
      return StrictJsonReader::Type::kNull;
    default:
      return (c == '-' || is_digit(c)) ? StrictJsonReader::Type::kNumber
                                       : StrictJsonReader::Type::kBad;
  }
}

// The next slot of a vector used as a growing buffer: [0, count) is in use and the
// vector only grows, so once it has, filling it allocates nothing.
template <class T>
[[gnu::noinline]] void grow(std::vector<T>& v) {
  v.resize(std::max<std::size_t>(16, 2 * v.size()));
}
template <class T>
T& next_slot(std::vector<T>& v, std::size_t& count) {
  if (count == v.size()) grow(v);
  return v[count++];
}

}  // namespace

void StrictJsonReader::reset(std::string_view text) {
  text_ = text;
  pos_ = 0;
  names_.clear();
  name_count_ = 0;
  member_count_ = 0;
  root_object_ = false;
}

bool StrictJsonReader::scan_literal(std::string_view word) {
  if (text_.size() - pos_ < word.size() ||
      std::memcmp(text_.data() + pos_, word.data(), word.size()) != 0) {
    return false;
  }
  pos_ += word.size();
  return true;
}

bool StrictJsonReader::scan_string_append(std::string* out, bool& escaped) {
  escaped = false;
  if (pos_ >= text_.size() || text_[pos_] != '"') return false;
  ++pos_;
  // Most strings are plain ASCII up to their closing quote.
  const std::size_t run = plain_run(text_.data() + pos_, text_.data() + text_.size());
  if (out) out->append(text_.data() + pos_, run);
  pos_ += run;
  if (pos_ < text_.size() && text_[pos_] == '"') {
    ++pos_;
    return true;
  }
  return scan_string_slow(out, escaped);
}

[[gnu::noinline]] bool StrictJsonReader::scan_string_slow(std::string* out, bool& escaped) {
  const char* const data = text_.data();
  const char* const end = data + text_.size();
  auto read_hex4 = [this](std::uint32_t& v) {
    if (text_.size() - pos_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_digit_value(text_[pos_ + static_cast<std::size_t>(k)]);
      if (h < 0) return false;
      v = (v << 4) | static_cast<std::uint32_t>(h);
    }
    pos_ += 4;
    return true;
  };
  while (pos_ < text_.size()) {
    // Plain ASCII runs, eight bytes at a time: almost every byte of a token is one.
    const std::size_t run = plain_run(data + pos_, end);
    if (out) out->append(data + pos_, run);
    pos_ += run;
    if (pos_ >= text_.size()) break;
    const char c = text_[pos_];
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (u < 0x20) return false;  // raw control characters are not allowed in strings
    if (c == '\\') {
      escaped = true;
      if (++pos_ >= text_.size()) return false;
      const char e = text_[pos_++];
      char simple = 0;
      switch (e) {
        case '"':
          simple = '"';
          break;
        case '\\':
          simple = '\\';
          break;
        case '/':
          simple = '/';
          break;
        case 'b':
          simple = '\b';
          break;
        case 'f':
          simple = '\f';
          break;
        case 'n':
          simple = '\n';
          break;
        case 'r':
          simple = '\r';
          break;
        case 't':
          simple = '\t';
          break;
        case 'u': {
          std::uint32_t cp = 0;
          if (!read_hex4(cp)) return false;
          if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // lone low surrogate
          if (cp >= 0xD800 && cp <= 0xDBFF) {
            std::uint32_t low = 0;
            if (text_.size() - pos_ < 2 || text_[pos_] != '\\' || text_[pos_ + 1] != 'u') {
              return false;  // lone high surrogate
            }
            pos_ += 2;
            if (!read_hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
          }
          if (out) append_utf8(*out, cp);
          continue;
        }
        default:
          return false;
      }
      if (out) out->push_back(simple);
      continue;
    }
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(text_, pos_, cp);
    if (n == 0) return false;
    if (out) out->append(data + pos_, n);
    pos_ += n;
  }
  return false;  // unterminated
}

bool StrictJsonReader::scan_string(std::string* out) {
  if (out) out->clear();
  bool escaped = false;
  return scan_string_append(out, escaped);
}

bool StrictJsonReader::validate_value(int depth) {
  skip_ws();
  if (pos_ >= text_.size()) return false;
  switch (text_[pos_]) {
    case '{':
      return depth < kMaxDepth && validate_object(depth + 1);
    case '[':
      return depth < kMaxDepth && validate_array(depth + 1);
    case '"':
      return scan_string_append(nullptr, last_string_escaped_);
    case 't':
      return scan_literal("true");
    case 'f':
      return scan_literal("false");
    case 'n':
      return scan_literal("null");
    default:
      return validate_number(text_, pos_);
  }
}

void StrictJsonReader::add_name(std::size_t offset, std::size_t length, bool unescaped,
                                char first) {
  NameSpan& s = next_slot(name_spans_, name_count_);
  s.offset = offset;
  s.length = length;
  s.unescaped = unescaped;
  s.first = first;
}

void StrictJsonReader::add_member(std::size_t name_offset, std::size_t name_length,
                                  bool name_escaped, std::size_t start, std::size_t end) {
  if (member_count_ == members_.size()) {
    grow(members_);
    grow(member_names_);
  }
  NameSpan& n = member_names_[member_count_];
  n.offset = name_offset;
  n.length = name_length;
  n.unescaped = name_escaped;
  Member& m = members_[member_count_];
  ++member_count_;
  m.name = {};  // set when validate() ends (root_names_ may still move)
  m.type = type_of(text_[start]);
  m.start = start;
  m.end = end;
  m.escaped = m.type == Type::kString && last_string_escaped_;
}

std::string_view StrictJsonReader::name(const NameSpan& s) const {
  return {(s.unescaped ? names_.data() : text_.data()) + s.offset, s.length};
}

bool StrictJsonReader::unique_names(std::size_t first) {
  const std::size_t count = name_count_ - first;
  if (count < 2) return true;
  const NameSpan* const spans = name_spans_.data() + first;
  // Few members (every object a token holds): compare each pair, by length and
  // first byte before the bytes.
  constexpr std::size_t kPairwiseMax = 8;
  if (count <= kPairwiseMax) {
    for (std::size_t i = 1; i < count; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (spans[i].length == spans[j].length && spans[i].first == spans[j].first &&
            name(spans[i]) == name(spans[j])) {
          return false;
        }
      }
    }
    return true;
  }
  // Many: sort the names and compare neighbours, O(n log n) however many members
  // a hostile object has (the object's spans are dropped right after).
  NameSpan* const begin = name_spans_.data() + first;
  NameSpan* const end = name_spans_.data() + name_count_;
  std::sort(begin, end, [this](const NameSpan& a, const NameSpan& b) { return name(a) < name(b); });
  return std::adjacent_find(begin, end, [this](const NameSpan& a, const NameSpan& b) {
           return a.length == b.length && a.first == b.first && name(a) == name(b);
         }) == end;
}

bool StrictJsonReader::validate_object(int depth) {
  ++pos_;  // '{'
  // The top-level object's members are kept for root_object().
  const bool record = depth == 1 && record_members_;
  if (record) {
    record_members_ = false;
    root_object_ = true;  // until validate() finds something wrong
  }
  const std::size_t first = name_count_;
  const std::size_t names_start = names_.size();
  bool ok = true;
  if (!consume('}')) {
    for (;;) {
      skip_ws();
      // The name is kept as a span of the text unless it has escapes; then it is
      // read again, unescaped, into names_ (duplicates are judged after unescaping).
      const std::size_t start = pos_;
      bool escaped = false;
      if (!scan_string_append(nullptr, escaped)) {
        ok = false;
        break;
      }
      std::size_t name_offset = start + 1;
      std::size_t name_length = pos_ - start - 2;
      if (!escaped) {
        add_name(name_offset, name_length, false, name_length ? text_[name_offset] : '\0');
      } else {
        const std::size_t end = pos_;
        const std::size_t at = names_.size();
        pos_ = start;
        (void)scan_string_append(&names_, escaped);  // succeeded above
        pos_ = end;
        name_length = names_.size() - at;
        add_name(at, name_length, true, name_length ? names_[at] : '\0');
        if (record) {
          name_offset = root_names_.size();
          root_names_.append(names_, at, name_length);
        }
      }
      if (!consume(':')) {
        ok = false;
        break;
      }
      skip_ws();
      const std::size_t value_start = pos_;
      if (!validate_value(depth)) {
        ok = false;
        break;
      }
      if (record) add_member(name_offset, name_length, escaped, value_start, pos_);
      if (consume(',')) continue;
      ok = consume('}');
      break;
    }
  }
  ok = ok && unique_names(first);
  names_.resize(names_start);
  name_count_ = first;
  return ok;
}

bool StrictJsonReader::validate_array(int depth) {
  ++pos_;  // '['
  if (consume(']')) return true;
  for (;;) {
    if (!validate_value(depth)) return false;
    if (consume(',')) continue;
    return consume(']');
  }
}

bool StrictJsonReader::validate() {
  pos_ = 0;
  names_.clear();
  name_count_ = 0;
  member_count_ = 0;
  root_names_.clear();
  root_object_ = false;
  record_members_ = true;
  bool ok = validate_value(0);
  record_members_ = false;
  skip_ws();
  ok = ok && pos_ == text_.size();
  root_object_ = root_object_ && ok;
  if (root_object_) {
    for (std::size_t i = 0; i < member_count_; ++i) {
      const NameSpan& n = member_names_[i];
      members_[i].name = {(n.unescaped ? root_names_.data() : text_.data()) + n.offset, n.length};
    }
  }
  pos_ = 0;
  return ok;
}

bool StrictJsonReader::root_object(std::span<const Member>& members) const {
  members = {};
  if (!root_object_) return false;
  members = {members_.data(), member_count_};
  return true;
}

bool StrictJsonReader::read_int(const Member& m, std::int64_t& out) const {
  out = 0;
  if (m.type != Type::kNumber || m.start > m.end || m.end > text_.size()) return false;
  // A validated number: an integer when it is only digits after the sign.
  return integer_value(text_.data() + m.start, m.end - m.start, out);
}

bool StrictJsonReader::read_string(const Member& m, std::string& out) {
  out.clear();
  if (m.type != Type::kString || m.end > text_.size() || m.start > m.end || m.end - m.start < 2) {
    return false;  // (only a Member of another text could be any of these)
  }
  if (!m.escaped) {
    out.append(text_.data() + m.start + 1, m.end - m.start - 2);  // validated: taken as it is
    return true;
  }
  const std::size_t cursor = pos_;
  pos_ = m.start;
  const bool ok = scan_string(&out);
  pos_ = cursor;
  return ok;
}

bool StrictJsonReader::match_plain_object(std::span<const std::string_view> names,
                                          std::span<Member> members) const {
  if (names.empty() || members.size() < names.size()) return false;
  const char* const begin = text_.data();
  const char* const end = begin + text_.size();
  const char* p = begin;
  if (p == end || *p != '{') return false;
  ++p;
  for (std::size_t i = 0; i < names.size(); ++i) {
    // "name": exactly, byte for byte.
    const std::string_view name = names[i];
    if (static_cast<std::size_t>(end - p) < name.size() + 3 || p[0] != '"' ||
        p[name.size() + 1] != '"' || p[name.size() + 2] != ':') {
      return false;
    }
    // Names are a few bytes: a byte loop beats a call to memcmp (9% of a verify).
    for (std::size_t k = 0; k < name.size(); ++k) {
      if (p[1 + k] != name[k]) return false;
    }
    Member& m = members[i];
    m.name = std::string_view(p + 1, name.size());
    p += name.size() + 3;
    const char* const value = p;
    p = scan_plain_value(p, end, m.type);
    if (p == nullptr) return false;
    m.start = static_cast<std::size_t>(value - begin);
    m.end = static_cast<std::size_t>(p - begin);
    m.escaped = false;
    // ',' before the next member, '}' after the last and then the end of the text:
    // this also refuses a fraction, an exponent or a leading zero after a number.
    if (p == end || *p != (i + 1 < names.size() ? ',' : '}')) return false;
    ++p;
  }
  return p == end;
}

bool StrictJsonReader::scan_plain_object(std::span<Member> members, std::size_t& count) const {
  count = 0;
  const char* const begin = text_.data();
  const char* end = begin + text_.size();
  if (end != begin && end[-1] == '\n') --end;  // json.Encoder's newline
  const char* p = begin;
  if (p == end || *p != '{') return false;
  ++p;
  if (p != end && *p == '}') return p + 1 == end;
  for (;;) {
    if (count == members.size() || p == end || *p != '"') return false;
    const char* const name = p + 1;
    p = name + plain_run(name, end);
    if (p == end || *p != '"') return false;
    const std::string_view name_view(name, static_cast<std::size_t>(p - name));
    ++p;
    if (p == end || *p != ':') return false;
    ++p;
    if (p != end && *p == ' ') ++p;
    const char* const value = p;
    Type type = Type::kBad;
    p = scan_plain_value(p, end, type);
    if (p == nullptr) return false;
    // I-JSON: no name twice (a claims object has a handful of members).
    for (std::size_t j = 0; j < count; ++j) {
      if (members[j].name == name_view) return false;
    }
    Member& m = members[count++];
    m.name = name_view;
    m.type = type;
    m.start = static_cast<std::size_t>(value - begin);
    m.end = static_cast<std::size_t>(p - begin);
    m.escaped = false;
    if (p == end) return false;
    if (*p == '}') return p + 1 == end;
    if (*p != ',') return false;
    ++p;
    if (p != end && *p == ' ') ++p;
  }
}

StrictJsonReader::Type StrictJsonReader::peek() {
  skip_ws();
  if (pos_ >= text_.size()) return Type::kEnd;
  return type_of(text_[pos_]);
}

bool StrictJsonReader::begin_object() { return consume('{'); }
bool StrictJsonReader::begin_array() { return consume('['); }

// consume('}') and consume(',') skip whitespace first; after skip_ws() there is
// none, so the next_* methods test the byte directly.
bool StrictJsonReader::to_next_member() {
  skip_ws();
  if (pos_ < text_.size() && text_[pos_] == '}') {
    ++pos_;
    return false;
  }
  if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
  skip_ws();
  return true;
}

bool StrictJsonReader::next_key(std::string& key) {
  return to_next_member() && scan_string(&key) && consume(':');
}

bool StrictJsonReader::next_key(std::string_view& key) {
  key = {};
  if (!to_next_member()) return false;
  const std::size_t start = pos_;
  bool escaped = false;
  if (!scan_string_append(nullptr, escaped)) return false;
  if (!escaped) {
    key = std::string_view(text_.data() + start + 1, pos_ - start - 2);
  } else {
    const std::size_t end = pos_;
    pos_ = start;
    scratch_.clear();
    (void)scan_string_append(&scratch_, escaped);  // succeeded above
    pos_ = end;
    key = scratch_;
  }
  return consume(':');
}

bool StrictJsonReader::next_element() {
  skip_ws();
  if (pos_ < text_.size() && text_[pos_] == ']') {
    ++pos_;
    return false;
  }
  if (pos_ < text_.size() && text_[pos_] == ',') ++pos_;
  skip_ws();
  return pos_ < text_.size();
}

bool StrictJsonReader::read_string(std::string& out) {
  skip_ws();
  return scan_string(&out);
}

bool StrictJsonReader::read_int(std::int64_t& out) {
  out = 0;
  skip_ws();
  const std::size_t start = pos_;
  bool integer = false;
  // Only an integer lexeme can be an int64, so the binary64 range check validate()
  // makes could not change the answer here: it is not made.
  return scan_number_lexeme(text_, pos_, integer) && integer &&
         integer_value(text_.data() + start, pos_ - start, out);
}

bool StrictJsonReader::read_bool(bool& out) {
  skip_ws();
  if (scan_literal("true")) {
    out = true;
    return true;
  }
  if (scan_literal("false")) {
    out = false;
    return true;
  }
  return false;
}

bool StrictJsonReader::read_null() {
  skip_ws();
  return scan_literal("null");
}

bool StrictJsonReader::skip_value() { return validate_value(0); }

bool StrictJsonReader::at_end() {
  skip_ws();
  return pos_ == text_.size();
}

}  // namespace tokcheck
