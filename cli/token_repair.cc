#include "cli/token_repair.h"

#include <algorithm>

namespace tokcheck::cli {
namespace {

constexpr TokenRepair kWhitespace{
    "whitespace",
    "the token has surrounding whitespace or a line break (copied from a terminal or file, or "
    "read from an HTTP body with its trailing newline)",
    "trim the token before giving it to the SDK", "inferred: no token alphabet has whitespace"};
constexpr TokenRepair kQuotes{
    "quotes",
    "the token is wrapped in quotes (a JSON string copied with its quotes, or a value quoted "
    "twice in a shell or config file)",
    "pass the string's value, without the quotes", "inferred: no token alphabet has quotes"};
constexpr TokenRepair kUrlEncoded{
    "url_encoded",
    "the token is percent-encoded (%2B, %2F, %3D ...): it went through encodeURIComponent or a "
    "URL query and was never decoded",
    "decode it once (decodeURIComponent) where it is received, before giving it to the SDK",
    "../shared/seeds/004_feb3ed951cfe7da6.txt (the sample decodes the token it receives)"};
constexpr TokenRepair kPlusAsSpace{
    "plus_as_space",
    "the '+' characters of the token's base64 became spaces: it was put in a URL query or form "
    "body without encoding, and the receiver decoded each '+' as a space",
    "encode the token (encodeURIComponent) when putting it in a URL, or send it in a JSON body",
    "https://url.spec.whatwg.org/#urlencoded-parsing"};

bool is_space(char c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\v' || c == '\f';
}

std::string_view trim(std::string_view s) {
  while (!s.empty() && is_space(s.front())) s.remove_prefix(1);
  while (!s.empty() && is_space(s.back())) s.remove_suffix(1);
  return s;
}

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

bool has_percent_escape(std::string_view s) {
  for (std::size_t i = 0; i + 2 < s.size(); ++i) {
    if (s[i] == '%' && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) return true;
  }
  return false;
}

std::string percent_decode(std::string_view s) {
  std::string out;
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex_value(s[i + 1]) >= 0 && hex_value(s[i + 2]) >= 0) {
      out += static_cast<char>(hex_value(s[i + 1]) * 16 + hex_value(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

}  // namespace

RepairedToken repair_token(std::string_view given) {
  RepairedToken r;
  std::string_view s = trim(given);
  if (s.size() != given.size()) r.repairs.push_back(kWhitespace);
  if (s.size() >= 2 && (s.front() == '"' || s.front() == '\'' || s.front() == '`') &&
      s.back() == s.front()) {
    s = trim(s.substr(1, s.size() - 2));
    r.repairs.push_back(kQuotes);
  }
  std::string token(s);
  // Twice at most: a token encoded twice (%252B) is still recognisably one.
  for (int round = 0; round < 2 && has_percent_escape(token); ++round) {
    token = percent_decode(token);
    if (round == 0) r.repairs.push_back(kUrlEncoded);
  }
  if (token.find(' ') != std::string::npos) {
    std::replace(token.begin(), token.end(), ' ', '+');
    r.repairs.push_back(kPlusAsSpace);
  }
  r.token = std::move(token);
  return r;
}

schemes::Json repairs_to_json(const std::vector<TokenRepair>& repairs) {
  schemes::Json out = schemes::Json::array();
  for (const TokenRepair& t : repairs) {
    out.push_back({{"kind", t.kind}, {"cause", t.cause}, {"fix", t.fix}, {"source", t.source}});
  }
  return out;
}

}  // namespace tokcheck::cli
