#include "conformance/lib/stderr_capture.h"

#include <algorithm>

namespace tokcheck::conformance {

void StderrCapture::append(std::string_view bytes) {
  total_ += bytes.size();
  const std::size_t head_limit = limit_ / 2;
  if (head_.size() < head_limit) {
    const std::size_t n = std::min(bytes.size(), head_limit - head_.size());
    head_.append(bytes.substr(0, n));
    bytes.remove_prefix(n);
  }
  const std::size_t tail_limit = limit_ - head_limit;
  if (bytes.size() >= tail_limit) {
    tail_.assign(bytes.substr(bytes.size() - tail_limit));
    return;
  }
  tail_.append(bytes);
  // Trim only once the tail holds twice its share: each byte is moved O(1) times.
  if (tail_.size() > 2 * tail_limit) tail_.erase(0, tail_.size() - tail_limit);
}

std::string StderrCapture::take() {
  const std::size_t tail_limit = limit_ - limit_ / 2;
  if (tail_.size() > tail_limit) tail_.erase(0, tail_.size() - tail_limit);
  const std::size_t dropped = total_ - head_.size() - tail_.size();
  std::string out = escape_control_bytes(head_);
  if (dropped > 0) out += "\n[... " + std::to_string(dropped) + " bytes dropped ...]\n";
  out += escape_control_bytes(tail_);
  head_.clear();
  tail_.clear();
  total_ = 0;
  return out;
}

std::string escape_control_bytes(std::string_view bytes) {
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out;
  out.reserve(bytes.size());
  for (const char c : bytes) {
    const auto u = static_cast<unsigned char>(c);
    if ((u < 0x20 && c != '\n' && c != '\t') || u == 0x7f) {
      out += "\\x";
      out += kHex[u >> 4];
      out += kHex[u & 0xf];
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace tokcheck::conformance
