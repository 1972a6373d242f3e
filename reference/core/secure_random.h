// Randomness for values a token builder chooses itself (salt, nonce, IV): from
// OpenSSL's RAND_bytes, as a server-side builder's should be, never std::rand.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

namespace tokcheck {

// Throws std::runtime_error if OpenSSL cannot provide random bytes.
std::uint64_t secure_random_u64();
// Uniform enough in [lo, hi] (lo <= hi) for a salt or nonce: modulo bias < 2^-30
// for the ranges tokcheck asks for (at most 2^32 values).
std::int64_t secure_random_in(std::int64_t lo, std::int64_t hi);
// `n` characters drawn from "0123456789abcdefghijklmnopqrstuvwxyz" (ZEGO's IV
// and GCM nonce alphabet, ../shared/notes/token-formats.md).
std::string secure_random_alnum(std::size_t n);

}  // namespace tokcheck
