// The benchmark tokens, written once: their inputs, the tokens built from them, the
// instant each is verified at, and the exact bytes each format's floor must hash,
// inflate or decrypt (docs/BENCHMARKS.md "Floors"). Every *_bench.cc uses these, and
// tokcheck_bench_fixtures prints them as JSON so other harnesses (bench/official/)
// time the same tokens. The keys are test keys, published in the vendors' samples.
//
// Each fixture is built on first use and checked against the reference: the signed
// bytes must MAC to the token's signature (and the ciphertext must decrypt), so a
// floor can never be measured on bytes the verify does not actually process.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora007.h"
#include "reference/vendors/tencent/usersig.h"
#include "reference/vendors/volc/volc001.h"
#include "reference/vendors/zego/token04.h"

namespace tokcheck::bench {

struct Agora006Fixture {
  agora::Build006Input input;
  std::string token;
  std::int64_t now = 0;                    // the instant the bench verifies at
  std::vector<std::uint8_t> signed_bytes;  // appId ‖ channel ‖ uid ‖ message (HMAC input)
  std::vector<std::uint8_t> signature;
};

struct Agora007Fixture {
  agora::Build007Input input;
  std::string token;
  std::int64_t now = 0;
  std::vector<std::uint8_t> compressed;    // the zlib stream (base64-decoded body)
  std::vector<std::uint8_t> plain;         // the inflated payload
  std::vector<std::uint8_t> signing_info;  // what the third HMAC covers
  std::vector<std::uint8_t> signature;
};

struct Volc001Fixture {
  volc::Build001Input input;
  std::string token;
  std::int64_t now = 0;
  std::vector<std::uint8_t> signed_bytes;  // MSG, as the token carries it
  std::vector<std::uint8_t> signature;
};

struct UserSigFixture {
  tencent::UserSigBuildInput input;
  std::string token;
  std::int64_t now = 0;
  std::vector<std::uint8_t> compressed;    // the zlib stream (base64-decoded token)
  std::vector<std::uint8_t> plain;         // the inflated JSON
  std::vector<std::uint8_t> signed_bytes;  // "TLS.identifier:…\n…TLS.expire:…\n"
  std::vector<std::uint8_t> signature;
};

struct Zego04Fixture {
  zego::Build04Input input;
  std::string token;
  std::int64_t now = 0;
  std::vector<std::uint8_t> iv;          // 16 bytes (CBC) or the 12-byte GCM nonce
  std::vector<std::uint8_t> ciphertext;  // CBC blocks, or GCM ciphertext ‖ tag
  std::vector<std::uint8_t> plaintext;   // the claims JSON
};

const Agora006Fixture& agora006();
const Agora007Fixture& agora007();
const Volc001Fixture& volc001();
const UserSigFixture& usersig();
const Zego04Fixture& zego04(zego::CipherMode mode);

// What each verify benchmark binds the token to (views into the fixtures above).
agora::Binding006 binding006();
agora::Binding007 binding007();
volc::Binding001 binding001();
tencent::UserSigBinding usersig_binding();
zego::Binding04 binding04(zego::CipherMode mode);

// The fixtures the official npm packages can verify (Agora 006/007, Tencent
// UserSig) as the JSON document tokcheck_bench_fixtures prints.
std::string fixtures_json();

}  // namespace tokcheck::bench
