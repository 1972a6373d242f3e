#include "reference/zego/strict_json.h"

#include <algorithm>
#include <limits>

#include "reference/core/json_number.h"

namespace tokcheck::zego {
namespace {

// Length of the well-formed UTF-8 sequence at s[i] (RFC 3629 §4: no overlongs, no
// surrogates, nothing above U+10FFFF), or 0 if there is none.
std::size_t utf8_sequence(std::string_view s, std::size_t i, std::uint32_t& cp) {
  auto byte = [&](std::size_t k) -> std::uint32_t {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0x100u;
  };
  const std::uint32_t b0 = byte(0);
  auto cont = [&](std::size_t k, std::uint32_t lo = 0x80, std::uint32_t hi = 0xBF) {
    const std::uint32_t b = byte(k);
    return b >= lo && b <= hi;
  };
  if (b0 < 0x80) {
    cp = b0;
    return 1;
  }
  if (b0 >= 0xC2 && b0 <= 0xDF && cont(1)) {
    cp = ((b0 & 0x1F) << 6) | (byte(1) & 0x3F);
    return 2;
  }
  if (b0 >= 0xE0 && b0 <= 0xEF) {
    const std::uint32_t lo = b0 == 0xE0 ? 0xA0 : 0x80;
    const std::uint32_t hi = b0 == 0xED ? 0x9F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2)) return 0;
    cp = ((b0 & 0x0F) << 12) | ((byte(1) & 0x3F) << 6) | (byte(2) & 0x3F);
    return 3;
  }
  if (b0 >= 0xF0 && b0 <= 0xF4) {
    const std::uint32_t lo = b0 == 0xF0 ? 0x90 : 0x80;
    const std::uint32_t hi = b0 == 0xF4 ? 0x8F : 0xBF;
    if (!cont(1, lo, hi) || !cont(2) || !cont(3)) return 0;
    cp =
        ((b0 & 0x07) << 18) | ((byte(1) & 0x3F) << 12) | ((byte(2) & 0x3F) << 6) | (byte(3) & 0x3F);
    return 4;
  }
  return 0;
}

void append_utf8(std::string& out, std::uint32_t cp) {
  auto put = [&out](std::uint32_t b) { out.push_back(static_cast<char>(b)); };
  if (cp < 0x80) {
    put(cp);
  } else if (cp < 0x800) {
    put(0xC0 | (cp >> 6));
    put(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    put(0xE0 | (cp >> 12));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  } else {
    put(0xF0 | (cp >> 18));
    put(0x80 | ((cp >> 12) & 0x3F));
    put(0x80 | ((cp >> 6) & 0x3F));
    put(0x80 | (cp & 0x3F));
  }
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool is_digit(char c) { return c >= '0' && c <= '9'; }

}  // namespace

void JsonReader::reset(std::string_view text) {
  text_ = text;
  pos_ = 0;
  names_.clear();
  name_spans_.clear();
}

void JsonReader::skip_ws() {
  while (pos_ < text_.size()) {
    const char c = text_[pos_];
    if (c != ' ' && c != '\t' && c != '\n' && c != '\r') break;
    ++pos_;
  }
}

bool JsonReader::consume(char c) {
  skip_ws();
  if (pos_ < text_.size() && text_[pos_] == c) {
    ++pos_;
    return true;
  }
  return false;
}

bool JsonReader::scan_literal(std::string_view word) {
  if (text_.substr(pos_, word.size()) != word) return false;
  pos_ += word.size();
  return true;
}

bool JsonReader::scan_string(std::string* out) {
  if (out) out->clear();
  if (pos_ >= text_.size() || text_[pos_] != '"') return false;
  ++pos_;
  auto read_hex4 = [this](std::uint32_t& v) {
    if (text_.size() - pos_ < 4) return false;
    v = 0;
    for (int k = 0; k < 4; ++k) {
      const int h = hex_value(text_[pos_ + static_cast<std::size_t>(k)]);
      if (h < 0) return false;
      v = (v << 4) | static_cast<std::uint32_t>(h);
    }
    pos_ += 4;
    return true;
  };
  while (pos_ < text_.size()) {
    // Plain ASCII runs are copied in one go: almost every byte of a token is one.
    std::size_t run = pos_;
    while (run < text_.size()) {
      const auto b = static_cast<unsigned char>(text_[run]);
      if (b < 0x20 || b >= 0x80 || b == '"' || b == '\\') break;
      ++run;
    }
    if (out) out->append(text_.data() + pos_, run - pos_);
    pos_ = run;
    if (pos_ >= text_.size()) break;
    const char c = text_[pos_];
    const auto u = static_cast<unsigned char>(c);
    if (c == '"') {
      ++pos_;
      return true;
    }
    if (u < 0x20) return false;  // raw control characters are not allowed in strings
    if (c == '\\') {
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
            if (text_.substr(pos_, 2) != "\\u") return false;  // lone high surrogate
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
    if (out) out->append(text_.substr(pos_, n));
    pos_ += n;
  }
  return false;  // unterminated
}

bool JsonReader::scan_number(bool& integer, std::int64_t& value) {
  integer = true;
  value = 0;
  const std::size_t start = pos_;
  const bool negative = pos_ < text_.size() && text_[pos_] == '-';
  if (negative) ++pos_;
  if (pos_ >= text_.size() || !is_digit(text_[pos_])) return false;
  // Magnitude accumulated unsigned; int64 holds up to 2^63 - 1, or 2^63 when negative.
  const std::uint64_t limit =
      static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max()) + (negative ? 1 : 0);
  std::uint64_t magnitude = 0;
  bool overflow = false;
  if (text_[pos_] == '0') {
    ++pos_;
  } else {
    while (pos_ < text_.size() && is_digit(text_[pos_])) {
      const auto d = static_cast<std::uint64_t>(text_[pos_] - '0');
      if (magnitude > (limit - d) / 10) overflow = true;
      if (!overflow) magnitude = magnitude * 10 + d;
      ++pos_;
    }
  }
  if (pos_ < text_.size() && text_[pos_] == '.') {
    integer = false;
    ++pos_;
    if (pos_ >= text_.size() || !is_digit(text_[pos_])) return false;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  }
  if (pos_ < text_.size() && (text_[pos_] == 'e' || text_[pos_] == 'E')) {
    integer = false;
    ++pos_;
    if (pos_ < text_.size() && (text_[pos_] == '+' || text_[pos_] == '-')) ++pos_;
    if (pos_ >= text_.size() || !is_digit(text_[pos_])) return false;
    while (pos_ < text_.size() && is_digit(text_[pos_])) ++pos_;
  }
  // Up to 308 integer digits is below 1e308, so the common case skips the check.
  if ((!integer || pos_ - start > 308) &&
      !json_number_fits_binary64(text_.substr(start, pos_ - start))) {
    return false;
  }
  if (overflow) integer = false;
  if (integer) {
    value =
        negative ? static_cast<std::int64_t>(0 - magnitude) : static_cast<std::int64_t>(magnitude);
  }
  return pos_ > start;
}

bool JsonReader::validate_value(int depth) {
  skip_ws();
  if (pos_ >= text_.size()) return false;
  switch (text_[pos_]) {
    case '{':
      return depth < kMaxDepth && validate_object(depth + 1);
    case '[':
      return depth < kMaxDepth && validate_array(depth + 1);
    case '"':
      return scan_string(nullptr);
    case 't':
      return scan_literal("true");
    case 'f':
      return scan_literal("false");
    case 'n':
      return scan_literal("null");
    default: {
      bool integer = false;
      std::int64_t value = 0;
      return scan_number(integer, value);
    }
  }
}

bool JsonReader::validate_object(int depth) {
  ++pos_;  // '{'
  const std::size_t first = name_spans_.size();
  bool ok = true;
  if (!consume('}')) {
    for (;;) {
      skip_ws();
      if (!scan_string(&scratch_)) {
        ok = false;
        break;
      }
      name_spans_.emplace_back(static_cast<std::uint32_t>(names_.size()),
                               static_cast<std::uint32_t>(scratch_.size()));
      names_ += scratch_;
      if (!consume(':') || !validate_value(depth)) {
        ok = false;
        break;
      }
      if (consume(',')) continue;
      ok = consume('}');
      break;
    }
  }
  // Duplicate names: sort this object's names and compare neighbours, O(n log n)
  // however many members a hostile object has.
  if (ok && name_spans_.size() - first > 1) {
    auto view = [this](const std::pair<std::uint32_t, std::uint32_t>& s) {
      return std::string_view(names_).substr(s.first, s.second);
    };
    auto begin = name_spans_.begin() + static_cast<std::ptrdiff_t>(first);
    std::sort(begin, name_spans_.end(),
              [&view](const auto& a, const auto& b) { return view(a) < view(b); });
    ok = std::adjacent_find(begin, name_spans_.end(), [&view](const auto& a, const auto& b) {
           return view(a) == view(b);
         }) == name_spans_.end();
  }
  if (name_spans_.size() > first) {
    std::uint32_t start = name_spans_[first].first;
    for (std::size_t i = first; i < name_spans_.size(); ++i) {
      start = std::min(start, name_spans_[i].first);
    }
    names_.resize(start);
    name_spans_.resize(first);
  }
  return ok;
}

bool JsonReader::validate_array(int depth) {
  ++pos_;  // '['
  if (consume(']')) return true;
  for (;;) {
    if (!validate_value(depth)) return false;
    if (consume(',')) continue;
    return consume(']');
  }
}

bool JsonReader::validate() {
  pos_ = 0;
  names_.clear();
  name_spans_.clear();
  bool ok = validate_value(0);
  skip_ws();
  ok = ok && pos_ == text_.size();
  pos_ = 0;
  return ok;
}

JsonReader::Type JsonReader::peek() {
  skip_ws();
  if (pos_ >= text_.size()) return Type::kEnd;
  switch (text_[pos_]) {
    case '{':
      return Type::kObject;
    case '[':
      return Type::kArray;
    case '"':
      return Type::kString;
    case 't':
    case 'f':
      return Type::kBool;
    case 'n':
      return Type::kNull;
    default:
      return (text_[pos_] == '-' || is_digit(text_[pos_])) ? Type::kNumber : Type::kBad;
  }
}

bool JsonReader::begin_object() { return consume('{'); }
bool JsonReader::begin_array() { return consume('['); }

bool JsonReader::next_key(std::string& key) {
  skip_ws();
  if (consume('}')) return false;
  consume(',');
  skip_ws();
  return scan_string(&key) && consume(':');
}

bool JsonReader::next_element() {
  skip_ws();
  if (consume(']')) return false;
  consume(',');
  skip_ws();
  return pos_ < text_.size();
}

bool JsonReader::read_string(std::string& out) {
  skip_ws();
  return scan_string(&out);
}

bool JsonReader::read_int(std::int64_t& out) {
  skip_ws();
  bool integer = false;
  return scan_number(integer, out) && integer;
}

bool JsonReader::read_bool(bool& out) {
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

bool JsonReader::read_null() {
  skip_ws();
  return scan_literal("null");
}

bool JsonReader::skip_value() { return validate_value(0); }

bool JsonReader::at_end() {
  skip_ws();
  return pos_ == text_.size();
}

void append_json_string(std::string& out, std::string_view s) {
  static constexpr char kHex[] = "0123456789abcdef";
  out.push_back('"');
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    switch (c) {
      case '"':
        out += "\\\"";
        break;
      case '\\':
        out += "\\\\";
        break;
      case '\b':
        out += "\\b";
        break;
      case '\f':
        out += "\\f";
        break;
      case '\n':
        out += "\\n";
        break;
      case '\r':
        out += "\\r";
        break;
      case '\t':
        out += "\\t";
        break;
      default:
        if (u < 0x20) {
          out += "\\u00";
          out.push_back(kHex[u >> 4]);
          out.push_back(kHex[u & 0x0F]);
        } else {
          out.push_back(c);
        }
    }
  }
  out.push_back('"');
}

long utf16_length(std::string_view s) {
  long units = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(s, i, cp);
    if (n == 0) return -1;
    units += cp >= 0x10000 ? 2 : 1;
    i += n;
  }
  return units;
}

}  // namespace tokcheck::zego
