#include "reference/core/secure_random.h"

#include <openssl/rand.h>

#include <stdexcept>
#include <string_view>

namespace tokcheck {

std::uint64_t secure_random_u64() {
  std::uint64_t v = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  return v;
}

std::int64_t secure_random_in(std::int64_t lo, std::int64_t hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(secure_random_u64() % span);
}

std::string secure_random_alnum(std::size_t n) {
  static constexpr std::string_view kAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kAlphabet[static_cast<std::size_t>(
        secure_random_in(0, static_cast<std::int64_t>(kAlphabet.size()) - 1))];
  }
  return out;
}

}  // namespace tokcheck
