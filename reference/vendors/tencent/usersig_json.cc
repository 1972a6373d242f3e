#include "reference/vendors/tencent/usersig_json.h"

#include <zlib.h>

#include <algorithm>

#include "reference/core/zlib_codec.h"

namespace tokcheck::tencent {

Malformation JsonObjectReader::parse(std::string_view text) {
  count_ = 0;
  reader_.reset(text);
  // The SDKs' own spellings take the shortcut (the full reader was ~19% of a
  // verify's instructions); anything else, valid or not, gets the full reader.
  std::span<const StrictJsonReader::Member> root;
  std::size_t plain = 0;
  if (reader_.scan_plain_object(plain_, plain)) {
    root = {plain_.data(), plain};
  } else if (!reader_.validate() || !reader_.root_object(root)) {
    return Malformation::kBadJson;
  }
  // Grown before any view is taken: a member's string_value may view its own
  // storage, which must not move while later members are added.
  if (members_.size() < root.size()) members_.resize(root.size());
  for (const StrictJsonReader::Member& m : root) {
    JsonMember& out = members_[count_++];
    out.key = m.name;
    out.kind = JsonMember::Kind::kOther;
    out.string_value = {};
    out.integer = 0;
    out.integer_overflow = false;
    out.lexeme = {};
    if (m.type == StrictJsonReader::Type::kString) {
      out.kind = JsonMember::Kind::kString;
      if (!m.escaped) {  // validated text between the quotes is the value itself
        out.string_value = text.substr(m.start + 1, m.end - m.start - 2);
      } else {
        (void)reader_.read_string(m, out.storage);  // validated, so it reads
        out.string_value = out.storage;
      }
    } else if (m.type == StrictJsonReader::Type::kNumber) {
      out.kind = JsonMember::Kind::kInteger;
      out.lexeme = text.substr(m.start, m.end - m.start);
      if (!reader_.read_int(m, out.integer)) {
        // A fraction or an exponent makes a kNumber; digits alone are beyond int64.
        if (out.lexeme.find_first_of(".eE") != std::string_view::npos) {
          out.kind = JsonMember::Kind::kNumber;
        } else {
          out.integer_overflow = true;
        }
      }
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
