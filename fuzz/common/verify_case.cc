#include "fuzz/common/verify_case.h"

#include <charconv>
#include <cstring>

namespace tokcheck::fuzz {

VerifyCase VerifyCase::parse(const std::uint8_t* data, std::size_t size) {
  VerifyCase c;
  const std::string_view text(reinterpret_cast<const char*>(data), data == nullptr ? 0 : size);
  std::size_t pos = text.find('\n');
  c.token = std::string(text.substr(0, pos));
  while (pos != std::string_view::npos) {
    const std::size_t start = pos + 1;
    pos = text.find('\n', start);
    const std::string_view line =
        text.substr(start, pos == std::string_view::npos ? pos : pos - start);
    const std::size_t eq = line.find('=');
    if (eq == std::string_view::npos) continue;
    c.fields.emplace_back(std::string(line.substr(0, eq)), std::string(line.substr(eq + 1)));
  }
  return c;
}

std::string VerifyCase::serialize() const {
  std::string out = token;
  for (const auto& [k, v] : fields) {
    out += '\n';
    out += k;
    out += '=';
    out += v;
  }
  return out;
}

std::optional<std::string_view> VerifyCase::get(std::string_view key) const {
  for (const auto& [k, v] : fields) {
    if (k == key) return std::string_view(v);
  }
  return std::nullopt;
}

void VerifyCase::set(std::string_view key, std::string_view value) {
  for (auto& [k, v] : fields) {
    if (k == key) {
      v = std::string(value);
      return;
    }
  }
  fields.emplace_back(std::string(key), std::string(value));
}

void VerifyCase::erase(std::string_view key) {
  std::erase_if(fields, [key](const auto& kv) { return kv.first == key; });
}

std::optional<std::int64_t> VerifyCase::get_int(std::string_view key) const {
  const auto text = get(key);
  if (!text || text->empty()) return std::nullopt;
  std::int64_t value = 0;
  const auto [end, ec] = std::from_chars(text->data(), text->data() + text->size(), value);
  if (ec != std::errc() || end != text->data() + text->size()) return std::nullopt;
  return value;
}

std::vector<std::uint16_t> VerifyCase::get_u16_list(std::string_view key) const {
  std::vector<std::uint16_t> out;
  const auto text = get(key);
  if (!text) return out;
  std::string_view rest = *text;
  while (!rest.empty()) {
    const std::size_t comma = rest.find(',');
    const std::string_view item = rest.substr(0, comma);
    std::uint16_t value = 0;
    const auto [end, ec] = std::from_chars(item.data(), item.data() + item.size(), value);
    if (ec == std::errc() && end == item.data() + item.size() && !item.empty()) {
      out.push_back(value);
    }
    if (comma == std::string_view::npos) break;
    rest.remove_prefix(comma + 1);
  }
  return out;
}

std::size_t write_mutation(std::string_view text, std::uint8_t* data, std::size_t max_size) {
  if (text.size() > max_size || text.empty()) return 0;
  std::memcpy(data, text.data(), text.size());
  return text.size();
}

}  // namespace tokcheck::fuzz
