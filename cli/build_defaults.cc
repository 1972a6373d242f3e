// Sources (../shared/notes/token-formats.md):
//  - Agora 006: "ts is set to now + 24*3600 when the token is constructed"; salt:
//    "Go and Python3 use 1..99999999" (C++ a full u32; we take the common range).
//  - Agora 007: "The constructor defaults are issue_ts = now and expire = 900";
//    salt "Go/Python/Node 1..99999999".
//  - ZEGO 03/04: IV "16 chars drawn from 0123456789abcdefghijklmnopqrstuvwxyz" (Go,
//    Node, PHP, Python, C++, .NET); GCM nonce "12 chars from the alphabet above"
//    (Python, PHP, C++); nonce "Node ceil(2147483647*rand) in CBC" → 1..2^31-1;
//    ctime / create_time "unix seconds at generation".
//  - Volcengine 001: nonce "JS: Math.floor(Math.random()*0xFFFFFFFF)" (u32);
//    issued_at: the builder's now (seed 004's token has issued_at = its own time).
//  - Tencent UserSig: TLS.time is the generation time (TLSSigAPIv2 genUserSig
//    takes only identifier and expire: inferred from its signature).
// Randomness comes from OpenSSL's RAND_bytes, as a server builder's should.
#include "cli/build_defaults.h"

#include <openssl/rand.h>

#include <stdexcept>

namespace tokcheck::cli {
namespace {

std::uint64_t random_u64() {
  std::uint64_t v = 0;
  if (RAND_bytes(reinterpret_cast<unsigned char*>(&v), sizeof v) != 1) {
    throw std::runtime_error("OpenSSL RAND_bytes failed");
  }
  return v;
}

// Uniform enough in [lo, hi] for a salt: the modulo bias is < 2^-30.
std::int64_t random_in(std::int64_t lo, std::int64_t hi) {
  const auto span = static_cast<std::uint64_t>(hi - lo) + 1;
  return lo + static_cast<std::int64_t>(random_u64() % span);
}

std::string random_alphabet_text(std::size_t n) {
  static constexpr std::string_view kAlphabet = "0123456789abcdefghijklmnopqrstuvwxyz";
  std::string out;
  for (std::size_t i = 0; i < n; ++i) {
    out += kAlphabet[static_cast<std::size_t>(random_in(0, kAlphabet.size() - 1))];
  }
  return out;
}

class Filler {
 public:
  Filler(schemes::Json& request) : request_(request) {}
  void fill(const char* key, const schemes::Json& value) {
    if (request_.contains(key)) return;
    request_[key] = value;
    filled_.push_back(key);
  }
  std::vector<std::string> filled() const { return filled_; }

 private:
  schemes::Json& request_;
  std::vector<std::string> filled_;
};

}  // namespace

std::vector<std::string> apply_build_defaults(schemes::Json& request, std::string_view scheme,
                                              std::int64_t now) {
  Filler f(request);
  constexpr std::int64_t kAgoraSaltMax = 99999999;
  constexpr std::int64_t kI31Max = 2147483647;
  if (scheme == "agora-006") {
    f.fill("salt", random_in(1, kAgoraSaltMax));
    f.fill("ts", now + 24 * 3600);
  } else if (scheme == "agora-007") {
    f.fill("issue_ts", now);
    f.fill("expire", 900);
    f.fill("salt", random_in(1, kAgoraSaltMax));
  } else if (scheme == "zego-04" || scheme == "zego-03") {
    f.fill(scheme == "zego-04" ? "ctime" : "create_time", now);
    f.fill("nonce", random_in(1, kI31Max));
    if (!request.contains("iv_hex")) {
      const bool gcm = request.contains("mode") && request["mode"] == "gcm";
      f.fill("iv", random_alphabet_text(gcm ? 12 : 16));
    }
  } else if (scheme == "volc-001") {
    f.fill("nonce", random_in(0, 0xFFFFFFFFll));
    f.fill("issued_at", now);
  } else if (scheme == "tencent-usersig") {
    f.fill("time", now);
  }
  return f.filled();
}

}  // namespace tokcheck::cli
