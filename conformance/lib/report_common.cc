#include "conformance/lib/report_common.h"

#include <openssl/evp.h>

#include <cstdint>

#include "reference/core/base64.h"
#include "reference/core/utf8.h"

namespace tokcheck::conformance {
namespace {

void append_hex_byte(std::string& out, unsigned char b) {
  static constexpr char kHex[] = "0123456789abcdef";
  out += "\\x";
  out += kHex[b >> 4];
  out += kHex[b & 15];
}

bool xml_allowed(std::uint32_t cp) {
  if (cp == 0x9 || cp == 0xA || cp == 0xD) return true;
  if (cp < 0x20) return false;
  if (cp >= 0x7F && cp <= 0x9F) return false;  // allowed by XML 1.0 but discouraged; invisible
  return cp != 0xFFFE && cp != 0xFFFF;
}

void diff_at(const Json& e, const Json& g, const std::string& path, std::vector<std::string>& out) {
  if (e.is_object() && g.is_object()) {
    for (auto it = e.begin(); it != e.end(); ++it) {
      const std::string p = path + "/" + it.key();
      if (!g.contains(it.key())) {
        out.push_back(p + ": expected " + dump_json(it.value()) + ", got nothing (missing)");
      } else {
        diff_at(it.value(), g.at(it.key()), p, out);
      }
    }
    // Members of the answer the vector does not expect are judged inside
    // objects (fields, outputs), not at the top, where answers carry extras.
    for (auto it = g.begin(); it != g.end() && !path.empty(); ++it) {
      if (!e.contains(it.key()))
        out.push_back(path + "/" + it.key() + ": not expected, got " + dump_json(it.value()));
    }
    return;
  }
  if (e.is_array() && g.is_array() && e.size() == g.size()) {
    for (std::size_t i = 0; i < e.size(); ++i)
      diff_at(e[i], g[i], path + "/" + std::to_string(i), out);
    return;
  }
  if (e != g)
    out.push_back((path.empty() ? "/" : path) + ": expected " + dump_json(e) + ", got " +
                  dump_json(g));
}

}  // namespace

std::string clean_text(std::string_view raw) {
  std::string out;
  out.reserve(raw.size());
  for (std::size_t i = 0; i < raw.size();) {
    std::uint32_t cp = 0;
    const std::size_t n = utf8_sequence(raw, i, cp);
    if (n == 0) {
      append_hex_byte(out, static_cast<unsigned char>(raw[i]));
      ++i;
      continue;
    }
    if (xml_allowed(cp)) {
      out.append(raw.substr(i, n));
    } else {
      for (std::size_t k = 0; k < n; ++k)
        append_hex_byte(out, static_cast<unsigned char>(raw[i + k]));
    }
    i += n;
  }
  return out;
}

std::string xml_escape(std::string_view raw, bool attribute) {
  const std::string text = clean_text(raw);
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += attribute ? "&quot;" : "\"";
        break;
      case '\t':
        out += attribute ? "&#9;" : "\t";
        break;
      case '\n':
        out += attribute ? "&#10;" : "\n";
        break;
      // A raw CR in text would be normalized to LF by every parser.
      case '\r':
        out += "&#13;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string html_escape(std::string_view raw) {
  const std::string text = clean_text(raw);
  std::string out;
  out.reserve(text.size());
  for (char ch : text) {
    switch (ch) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += ch;
    }
  }
  return out;
}

std::string dump_json(const Json& value, int indent) {
  return value.dump(indent, ' ', false, Json::error_handler_t::replace);
}

std::string outcome_name(const CaseRecord& c) {
  return c.allowed ? "ALLOWED" : std::string(to_string(c.status));
}

bool is_skipped_case(const CaseRecord& c) {
  if (c.status == Status::kNotDeclared || c.status == Status::kNotRun) return true;
  return c.status == Status::kUnsupported && !c.failed && !c.allowed;
}

std::vector<std::string> json_differences(const Json& expected, const Json& got) {
  std::vector<std::string> out;
  if (got.is_null()) {
    out.push_back("no answer arrived");
    return out;
  }
  diff_at(expected, got, "", out);
  return out;
}

std::string implementation_label(const std::vector<RunReport>& runs, std::size_t index) {
  const RunReport& r = runs.at(index);
  std::string name = r.implementation;
  if (r.hello.is_object()) {
    const Json impl = r.hello.value("implementation", Json::object());
    if (impl.is_object() && impl.contains("name") && impl["name"].is_string())
      name = impl["name"].get<std::string>();
  }
  if (name.empty()) name = "implementation";
  return runs.size() > 1 ? "#" + std::to_string(index + 1) + " " + name : name;
}

std::string csp_sha256(std::string_view text) {
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int n = 0;
  EVP_Digest(text.data(), text.size(), md, &n, EVP_sha256(), nullptr);
  return base64_encode(Bytes(md, n));
}

}  // namespace tokcheck::conformance
