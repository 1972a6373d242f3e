#include "reference/tencent/usersig_json.h"

#include <zlib.h>

#include <algorithm>
#include <limits>

#include "reference/core/ascii.h"
#include "reference/core/json_number.h"
#include "reference/core/json_scan.h"
#include "reference/core/zlib_codec.h"

namespace tokcheck::tencent {

// A recursive-descent walk over the text. Every method returns false on the first
// violation; nothing is read past the end (all access goes through peek/take).
class JsonObjectReader::Cursor {
 public:
  Cursor(std::string_view text, JsonObjectReader& owner) : s_(text), owner_(owner) {}

  bool document() {
    skip_ws();
    if (peek() != '{') return false;
    if (!object(1, true)) return false;
    skip_ws();
    return pos_ == s_.size();
  }

 private:
  int peek() const { return pos_ < s_.size() ? static_cast<unsigned char>(s_[pos_]) : -1; }
  void skip_ws() {
    while (pos_ < s_.size() &&
           (s_[pos_] == ' ' || s_[pos_] == '\t' || s_[pos_] == '\n' || s_[pos_] == '\r')) {
      ++pos_;
    }
  }
  bool literal(std::string_view word) {
    if (s_.substr(pos_, word.size()) != word) return false;
    pos_ += word.size();
    return true;
  }

  bool hex4(std::uint32_t& out) {
    if (s_.size() - pos_ < 4) return false;
    out = 0;
    for (int i = 0; i < 4; ++i) {
      const int d = hex_digit_value(s_[pos_++]);
      if (d < 0) return false;
      out = (out << 4) | static_cast<std::uint32_t>(d);
    }
    return true;
  }

  // One raw (unescaped) UTF-8 sequence starting at pos_, RFC 3629 well-formed.
  bool raw_utf8(std::string& out) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(s_, pos_, cp);
    if (n == 0) return false;
    out.append(s_.substr(pos_, n));
    pos_ += n;
    return true;
  }

  bool string(std::string& out) {
    out.clear();
    if (peek() != '"') return false;
    ++pos_;
    for (;;) {
      const int c = peek();
      if (c < 0) return false;
      if (c == '"') {
        ++pos_;
        return true;
      }
      if (c < 0x20) return false;
      if (c == '\\') {
        ++pos_;
        const int e = peek();
        ++pos_;
        switch (e) {
          case '"':
            out.push_back('"');
            break;
          case '\\':
            out.push_back('\\');
            break;
          case '/':
            out.push_back('/');
            break;
          case 'b':
            out.push_back('\b');
            break;
          case 'f':
            out.push_back('\f');
            break;
          case 'n':
            out.push_back('\n');
            break;
          case 'r':
            out.push_back('\r');
            break;
          case 't':
            out.push_back('\t');
            break;
          case 'u': {
            std::uint32_t cp = 0;
            if (!hex4(cp)) return false;
            if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // lone low surrogate
            if (cp >= 0xD800 && cp <= 0xDBFF) {
              std::uint32_t low = 0;
              if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
              cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
            }
            append_utf8(out, cp);
            break;
          }
          default:
            return false;
        }
        continue;
      }
      if (c < 0x80) {
        // Copy the whole run of plain ASCII at once (base64 values are all of
        // it), found eight bytes at a time.
        const std::size_t end = json_scan::plain_run_end(s_, pos_ + 1);
        out.append(s_.substr(pos_, end - pos_));
        pos_ = end;
      } else if (!raw_utf8(out)) {
        return false;
      }
    }
  }

  bool number(JsonMember* member) {
    const std::size_t start = pos_;
    bool negative = false;
    if (peek() == '-') {
      negative = true;
      ++pos_;
    }
    const std::size_t digits_at = pos_;
    if (peek() == '0') {
      ++pos_;
    } else if (peek() >= '1' && peek() <= '9') {
      while (peek() >= '0' && peek() <= '9') ++pos_;
    } else {
      return false;
    }
    const std::string_view int_digits = s_.substr(digits_at, pos_ - digits_at);
    bool integral = true;
    if (peek() == '.') {
      integral = false;
      ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++pos_;
    }
    if (peek() == 'e' || peek() == 'E') {
      integral = false;
      ++pos_;
      if (peek() == '+' || peek() == '-') ++pos_;
      if (!(peek() >= '0' && peek() <= '9')) return false;
      while (peek() >= '0' && peek() <= '9') ++pos_;
    }
    // Up to 308 integer digits is below 1e308, so the common case skips the check.
    if ((!integral || int_digits.size() > 308) &&
        !json_number_fits_binary64(s_.substr(start, pos_ - start))) {
      return false;
    }
    if (member == nullptr) return true;
    if (!integral) {
      member->kind = JsonMember::Kind::kNumber;
      return true;
    }
    member->kind = JsonMember::Kind::kInteger;
    // Magnitude up to 2^63 (the most negative int64); more is overflow.
    constexpr std::uint64_t kLimit = std::uint64_t{1} << 63;
    std::uint64_t magnitude = 0;
    bool overflow = false;
    for (char d : int_digits) {
      const auto digit = static_cast<std::uint64_t>(d - '0');
      if (magnitude > (kLimit - digit) / 10) {
        overflow = true;
        break;
      }
      magnitude = magnitude * 10 + digit;
    }
    if (!overflow && !negative && magnitude == kLimit) overflow = true;
    member->integer_overflow = overflow;
    if (!overflow) {
      member->integer = negative ? (magnitude == kLimit ? std::numeric_limits<std::int64_t>::min()
                                                        : -static_cast<std::int64_t>(magnitude))
                                 : static_cast<std::int64_t>(magnitude);
    }
    return true;
  }

  // `member` is where a top-level value is recorded; nullptr inside nested values.
  bool value(int depth, JsonMember* member) {
    if (member) {
      member->kind = JsonMember::Kind::kOther;
      member->string_value.clear();
      member->integer = 0;
      member->integer_overflow = false;
    }
    const int c = peek();
    if (c == '"') {
      if (member) {
        member->kind = JsonMember::Kind::kString;
        return string(member->string_value);
      }
      return string(scratch_);
    }
    if (c == '-' || (c >= '0' && c <= '9')) return number(member);
    if (c == 't') return literal("true");
    if (c == 'f') return literal("false");
    if (c == 'n') return literal("null");
    if (c == '[') return array(depth + 1);
    if (c == '{') return object(depth + 1, false);
    return false;
  }

  bool array(int depth) {
    if (depth > kMaxDepth) return false;
    ++pos_;  // '['
    skip_ws();
    if (peek() == ']') {
      ++pos_;
      return true;
    }
    for (;;) {
      skip_ws();
      if (!value(depth, nullptr)) return false;
      skip_ws();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() == ']') {
        ++pos_;
        return true;
      }
      return false;
    }
  }

  bool object(int depth, bool top) {
    if (depth > kMaxDepth) return false;
    ++pos_;  // '{'
    // Nested objects only exist in hostile or unknown input, so their key list may
    // allocate; the top level reuses the owner's member storage.
    std::vector<std::string> nested_keys;
    skip_ws();
    if (peek() == '}') {
      ++pos_;
      return true;
    }
    for (;;) {
      skip_ws();
      JsonMember* member = nullptr;
      if (top) {
        if (owner_.count_ == owner_.members_.size()) owner_.members_.emplace_back();
        member = &owner_.members_[owner_.count_++];
        if (!string(member->key)) return false;
      } else {
        nested_keys.emplace_back();
        if (!string(nested_keys.back())) return false;
      }
      skip_ws();
      if (peek() != ':') return false;
      ++pos_;
      skip_ws();
      if (!value(depth, member)) return false;
      skip_ws();
      if (peek() == ',') {
        ++pos_;
        continue;
      }
      if (peek() != '}') return false;
      ++pos_;
      break;
    }
    if (!top) {
      std::sort(nested_keys.begin(), nested_keys.end());
      return std::adjacent_find(nested_keys.begin(), nested_keys.end()) == nested_keys.end();
    }
    return true;
  }

  std::string_view s_;
  std::size_t pos_ = 0;
  JsonObjectReader& owner_;
  std::string scratch_;
};

Malformation JsonObjectReader::parse(std::string_view text) {
  count_ = 0;
  Cursor cursor(text, *this);
  if (!cursor.document()) {
    count_ = 0;
    return Malformation::kBadJson;
  }
  // Real claims have six or seven members: comparing each pair (lengths first)
  // is cheaper than sorting, which perf put at 8% of a verify with its memcmp.
  if (count_ <= 16) {
    for (std::size_t i = 1; i < count_; ++i) {
      for (std::size_t j = 0; j < i; ++j) {
        if (members_[i].key == members_[j].key) {
          count_ = 0;
          return Malformation::kBadJson;
        }
      }
    }
    return Malformation::kNone;
  }
  order_.resize(count_);
  for (std::size_t i = 0; i < count_; ++i) order_[i] = i;
  std::sort(order_.begin(), order_.end(),
            [this](std::size_t a, std::size_t b) { return members_[a].key < members_[b].key; });
  for (std::size_t i = 1; i < order_.size(); ++i) {
    if (members_[order_[i]].key == members_[order_[i - 1]].key) {
      count_ = 0;
      return Malformation::kBadJson;
    }
  }
  return Malformation::kNone;
}

const JsonMember* JsonObjectReader::find(std::string_view key) const {
  for (const JsonMember& m : members()) {
    if (m.key == key) return &m;
  }
  return nullptr;
}

std::string_view to_string(JsonStyle s) {
  switch (s) {
    case JsonStyle::kPython:
      return "python";
    case JsonStyle::kGo:
      return "go";
    case JsonStyle::kCpp:
      return "cpp";
  }
  return "unknown";
}

std::optional<JsonStyle> json_style_from_string(std::string_view s) {
  for (JsonStyle style : kAllJsonStyles) {
    if (to_string(style) == s) return style;
  }
  return std::nullopt;
}

namespace {

constexpr char kLowerHex[] = "0123456789abcdef";
constexpr char kUpperHex[] = "0123456789ABCDEF";

void append_u_escape(std::string& out, std::uint32_t unit, const char* hex) {
  out += "\\u";
  for (int shift = 12; shift >= 0; shift -= 4) out.push_back(hex[(unit >> shift) & 0xF]);
}

// Decodes the next code point of valid UTF-8 `s` at `i` (the builder validated it).
std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t extra = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
  std::uint32_t cp = extra == 0   ? c
                     : extra == 1 ? (c & 0x1Fu)
                     : extra == 2 ? (c & 0x0Fu)
                                  : (c & 0x07u);
  for (std::size_t k = 1; k <= extra && i + k < s.size(); ++k) {
    cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3Fu);
  }
  i += extra + 1;
  return cp;
}

bool short_escape(std::uint32_t cp, std::string& out, bool with_b_f) {
  switch (cp) {
    case '"':
      out += "\\\"";
      return true;
    case '\\':
      out += "\\\\";
      return true;
    case '\n':
      out += "\\n";
      return true;
    case '\r':
      out += "\\r";
      return true;
    case '\t':
      out += "\\t";
      return true;
    case '\b':
      if (!with_b_f) return false;
      out += "\\b";
      return true;
    case '\f':
      if (!with_b_f) return false;
      out += "\\f";
      return true;
    default:
      return false;
  }
}

// Python json.dumps with ensure_ascii=True: everything outside ' '..'~' is escaped,
// astral code points as a lower-case surrogate pair.
std::string python_string(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const std::uint32_t cp = next_code_point(s, i);
    if (short_escape(cp, out, true)) continue;
    if (cp >= 0x20 && cp <= 0x7E) {
      out.push_back(static_cast<char>(cp));
    } else if (cp < 0x10000) {
      append_u_escape(out, cp, kLowerHex);
    } else {
      const std::uint32_t v = cp - 0x10000;
      append_u_escape(out, 0xD800 + (v >> 10), kLowerHex);
      append_u_escape(out, 0xDC00 + (v & 0x3FF), kLowerHex);
    }
  }
  out.push_back('"');
  return out;
}

// Go encoding/json with HTML escaping (the Encoder default): <, >, & and U+2028/9
// escaped, other non-ASCII raw, control characters other than \n \r \t as \u00xx.
std::string go_string(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const std::uint32_t cp = next_code_point(s, i);
    if (short_escape(cp, out, false)) continue;
    if (cp < 0x20 || cp == '<' || cp == '>' || cp == '&' || cp == 0x2028 || cp == 0x2029) {
      append_u_escape(out, cp, kLowerHex);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  out.push_back('"');
  return out;
}

// rapidjson Writer (default flags): control characters escaped (\b \t \n \f \r short,
// others \u00XX upper-case), everything else raw.
std::string cpp_string(std::string_view s) {
  std::string out = "\"";
  for (std::size_t i = 0; i < s.size();) {
    const std::size_t start = i;
    const std::uint32_t cp = next_code_point(s, i);
    if (short_escape(cp, out, true)) continue;
    if (cp < 0x20) {
      append_u_escape(out, cp, kUpperHex);
    } else {
      out.append(s.substr(start, i - start));
    }
  }
  out.push_back('"');
  return out;
}

void store_u16le(std::vector<std::uint8_t>& out, std::uint16_t v) {
  out.push_back(static_cast<std::uint8_t>(v));
  out.push_back(static_cast<std::uint8_t>(v >> 8));
}

// Go compress/zlib at NoCompression: header 78 01, the data as non-final stored
// blocks of at most 65535 bytes, an empty final stored block, then Adler-32.
std::vector<std::uint8_t> go_stored_zlib(std::span<const std::uint8_t> data) {
  std::vector<std::uint8_t> out{0x78, 0x01};
  for (std::size_t at = 0; at < data.size();) {
    const std::size_t n = std::min<std::size_t>(0xFFFF, data.size() - at);
    out.push_back(0x00);
    store_u16le(out, static_cast<std::uint16_t>(n));
    store_u16le(out, static_cast<std::uint16_t>(~n));
    out.insert(out.end(), data.begin() + static_cast<std::ptrdiff_t>(at),
               data.begin() + static_cast<std::ptrdiff_t>(at + n));
    at += n;
  }
  out.insert(out.end(), {0x01, 0x00, 0x00, 0xFF, 0xFF});
  uLong adler = adler32(0L, Z_NULL, 0);
  for (std::size_t at = 0; at < data.size();) {
    const std::size_t n = std::min<std::size_t>(1u << 30, data.size() - at);
    adler = adler32(adler, data.data() + at, static_cast<uInt>(n));
    at += n;
  }
  for (int shift = 24; shift >= 0; shift -= 8) {
    out.push_back(static_cast<std::uint8_t>((adler >> shift) & 0xFF));
  }
  return out;
}

}  // namespace

std::string write_claims_json(const ClaimsJson& c, JsonStyle style) {
  std::string out;
  switch (style) {
    case JsonStyle::kPython: {
      out = "{\"TLS.ver\": " + python_string(c.ver) +
            ", \"TLS.identifier\": " + python_string(c.identifier) +
            ", \"TLS.sdkappid\": " + std::to_string(c.sdkappid) +
            ", \"TLS.expire\": " + std::to_string(c.expire) +
            ", \"TLS.time\": " + std::to_string(c.time);
      if (c.userbuf_base64) out += ", \"TLS.userbuf\": " + python_string(*c.userbuf_base64);
      out += ", \"TLS.sig\": " + python_string(c.sig_base64) + "}";
      return out;
    }
    case JsonStyle::kGo: {
      // Struct field order; omitempty drops "", 0 and an empty userbuf.
      std::string body;
      auto add = [&body](std::string_view name, const std::string& rendered) {
        if (!body.empty()) body.push_back(',');
        body += "\"";
        body += name;
        body += "\":";
        body += rendered;
      };
      if (!c.ver.empty()) add("TLS.ver", go_string(c.ver));
      if (!c.identifier.empty()) add("TLS.identifier", go_string(c.identifier));
      if (c.sdkappid != 0) add("TLS.sdkappid", std::to_string(c.sdkappid));
      if (c.expire != 0) add("TLS.expire", std::to_string(c.expire));
      if (c.time != 0) add("TLS.time", std::to_string(c.time));
      if (c.userbuf_base64 && !c.userbuf_base64->empty()) {
        add("TLS.userbuf", go_string(*c.userbuf_base64));
      }
      if (!c.sig_base64.empty()) add("TLS.sig", go_string(c.sig_base64));
      return "{" + body + "}\n";
    }
    case JsonStyle::kCpp: {
      out =
          "{\"TLS.ver\":" + cpp_string(c.ver) + ",\"TLS.sdkappid\":" + std::to_string(c.sdkappid) +
          ",\"TLS.identifier\":" + cpp_string(c.identifier) +
          ",\"TLS.time\":" + std::to_string(c.time) + ",\"TLS.expire\":" + std::to_string(c.expire);
      if (c.userbuf_base64) out += ",\"TLS.userbuf\":" + cpp_string(*c.userbuf_base64);
      out += ",\"TLS.sig\":" + cpp_string(c.sig_base64) + "}";
      return out;
    }
  }
  return out;
}

std::vector<std::uint8_t> compress_for_style(std::span<const std::uint8_t> json, JsonStyle style) {
  switch (style) {
    case JsonStyle::kPython:
      return zlib_compress(json, 6);
    case JsonStyle::kCpp:
      return zlib_compress(json, 1);
    case JsonStyle::kGo:
      return go_stored_zlib(json);
  }
  return {};
}

}  // namespace tokcheck::tencent
