// The hot-path promise for the binary formats: once a verifier has seen a
// token of a given size, verifying again allocates nothing (docs/BENCHMARKS.md),
// counted at malloc level, so OpenSSL's and zlib's allocations count too.
// Built into its own binary because it defines the malloc family.
#include <gtest/gtest.h>
#include <openssl/evp.h>

#include <cstdlib>

#include "bench/alloc_counter.h"
#include "reference/core/base64.h"
#include "reference/core/crypto_util.h"
#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora007.h"
#include "reference/vendors/tencent/usersig.h"
#include "reference/vendors/volc/volc001.h"
#include "reference/vendors/zego/token03.h"
#include "reference/vendors/zego/token04.h"
#include "reference/vendors/zego/z1_vector.h"
#include "reference/vendors/zego/zego_common.h"

namespace tokcheck {
namespace {

constexpr std::string_view kAppId = "970CA35de60c44645bbae8a215061b33";
constexpr std::string_view kCert = "5CFd2fd1755d40ecb72977518be15d3b";

template <typename Verify>
std::size_t allocations_over(int rounds, Verify&& verify) {
  verify();  // warm-up: buffers grow to this token's size
  const std::size_t before = bench::allocation_count();
  for (int i = 0; i < rounds; ++i) verify();
  return bench::allocation_count() - before;
}

// The counter itself: a check that cannot fail is no check. It must see a plain
// malloc and an allocation made inside OpenSSL.
TEST(AllocFreeVerify, TheCounterSeesMallocInsideLibraries) {
  const std::size_t before = bench::allocation_count();
  void* volatile p = std::malloc(24);
  std::free(p);
  EXPECT_EQ(bench::allocation_count() - before, 1u) << bench::allocation_counter_kind();
  const std::size_t before_openssl = bench::allocation_count();
  EVP_MD_CTX* ctx = EVP_MD_CTX_new();
  ASSERT_NE(ctx, nullptr);
  EVP_MD_CTX_free(ctx);
  EXPECT_GE(bench::allocation_count() - before_openssl, 1u) << bench::allocation_counter_kind();
}

TEST(AllocFreeVerify, Agora006) {
  const std::string token =
      agora::build_006({std::string(kAppId), std::string(kCert), "ch", "7", 1, 2000, {{1, 0}}})
          .token;
  agora::Verifier006 verifier(kCert);
  const std::uint16_t join[] = {1};
  const agora::Binding006 binding{kAppId, "ch", "7", join};
  ASSERT_TRUE(verifier.verify(token, 1000, binding).valid());
  EXPECT_EQ(allocations_over(100, [&] { (void)verifier.verify(token, 1000, binding); }), 0u);
  // Rejections are just as allocation-free (a gateway under attack sees mostly these).
  std::string tampered = token;
  tampered[tampered.size() - 6] = tampered[tampered.size() - 6] == 'A' ? 'B' : 'A';
  EXPECT_EQ(allocations_over(100, [&] { (void)verifier.verify(tampered, 1000, binding); }), 0u);
}

TEST(AllocFreeVerify, Agora007) {
  agora::Service007 rtc;
  rtc.type = agora::kServiceRtc;
  rtc.channel_name = "ch";
  rtc.uid = "7";
  rtc.privileges = {{1, 600}};
  const std::string token =
      agora::build_007({std::string(kAppId), std::string(kCert), 1000, 600, 5, {rtc}}).token;
  agora::Verifier007 verifier(kCert);
  const std::uint16_t join[] = {1};
  agora::Binding007 binding;
  binding.channel_name = "ch";
  binding.uid = "7";
  binding.required_privileges = join;
  ASSERT_TRUE(verifier.verify(token, 1100, binding).valid());
  EXPECT_EQ(allocations_over(100, [&] { (void)verifier.verify(token, 1100, binding); }), 0u);
}

// ZEGO token04, CBC and GCM, accepted and rejected. A CBC token whose padding is
// bad used to cost 2 mallocs per verify: OpenSSL's EVP_DecryptFinal_ex reported it
// through the thread error queue (issue 13); the padding is now checked by aes.cc.
TEST(AllocFreeVerify, Zego04) {
  constexpr std::string_view kSecret = zego::kZ1Secret;
  for (const zego::CipherMode mode : {zego::CipherMode::kCbc, zego::CipherMode::kGcm}) {
    const zego::Build04Result built = zego::build_04(zego::z1_build_input(mode));
    ASSERT_EQ(built.error, zego::BuildError::kNone);
    zego::Verifier04 verifier(kSecret);
    const zego::Binding04 binding{};
    ASSERT_TRUE(verifier.verify(built.token, 1700000001, binding).valid());
    EXPECT_EQ(
        allocations_over(100, [&] { (void)verifier.verify(built.token, 1700000001, binding); }),
        0u);
  }
  // CBC with a bad padding: the plaintext's final block ends in 0x00, and the
  // block of padding the cipher added is cut off.
  zego::ZegoCipher cipher(kSecret);
  const std::string iv = "0123456789abcdef";
  const std::string plain(32, '\0');
  std::vector<std::uint8_t> ct;
  ASSERT_EQ(cipher.seal(zego::CipherMode::kCbc, as_bytes(iv), as_bytes(plain), ct), AesStatus::kOk);
  ct.resize(32);
  const std::string bad_padding =
      std::string(zego::kVersion04) +
      base64_encode(zego::write_envelope(1700003600, as_bytes(iv), ct, zego::CipherMode::kCbc));
  zego::Verifier04 verifier(kSecret);
  const zego::Binding04 binding{};
  ASSERT_EQ(verifier.verify(bad_padding, 1700000001, binding).condition, Condition::kDecryptFailed);
  EXPECT_EQ(allocations_over(100, [&] { (void)verifier.verify(bad_padding, 1700000001, binding); }),
            0u);
}

TEST(AllocFreeVerify, Volc001) {
  volc::Build001Input in;
  in.app_id = "123456781234567812345678";
  in.app_key = "app-key";
  in.room_id = "room";
  in.user_id = "user";
  in.nonce = 1;
  in.issued_at = 1000;
  in.expire_at = 5000;
  in.privileges = {{0, 5000}};
  const volc::Build001Result built = volc::build_001(in);
  ASSERT_EQ(built.error, volc::Build001Error::kNone);
  volc::Verifier001 verifier("app-key");
  const volc::Binding001 binding{in.app_id, in.room_id, in.user_id};
  for (const volc::CheckMode mode : {volc::CheckMode::kStrict, volc::CheckMode::kOfficial}) {
    ASSERT_TRUE(verifier.verify(built.token, 2000, mode, binding).valid());
    EXPECT_EQ(
        allocations_over(100, [&] { (void)verifier.verify(built.token, 2000, mode, binding); }),
        0u);
  }
  std::string tampered = built.token;
  tampered[tampered.size() - 3] = tampered[tampered.size() - 3] == 'A' ? 'B' : 'A';
  EXPECT_EQ(
      allocations_over(
          100, [&] { (void)verifier.verify(tampered, 2000, volc::CheckMode::kStrict, binding); }),
      0u);
}

TEST(AllocFreeVerify, TencentUserSig) {
  tencent::UserSigBuildInput in;
  in.sdkappid = 1400000000;
  in.key = "5bd2850fff3ecb11d7c805251c51ee463a25727bddc2385f3fa8bfee1bb93b5e";
  in.identifier = "xiaojun";
  in.expire = 86400;
  in.time = 1700000000;
  const tencent::UserSigBuildResult built = tencent::build_usersig(in);
  ASSERT_EQ(built.error, tencent::UserSigBuildError::kNone);
  tencent::UserSigVerifier verifier(in.key);
  tencent::UserSigBinding binding;
  binding.sdkappid = in.sdkappid;
  binding.identifier = in.identifier;
  ASSERT_TRUE(verifier.verify(built.token, 1700000001, binding).valid());
  EXPECT_EQ(allocations_over(100, [&] { (void)verifier.verify(built.token, 1700000001, binding); }),
            0u);
  // Expired: the claims are read and refused before the HMAC.
  EXPECT_EQ(allocations_over(100, [&] { (void)verifier.verify(built.token, 1800000000, binding); }),
            0u);
}

TEST(AllocFreeVerify, Zego03) {
  zego::Build03Input in;
  in.app_id = 1;
  in.room_id = "room";
  in.user_id = "demo";
  in.secret = "fa94dd0f974cf2e293728a526b028271";
  in.privilege.login = 1;
  in.privilege.publish = 1;
  in.create_time = 1700000000;
  in.effective_time_in_seconds = 3600;
  in.nonce = 7;
  const std::string iv = "0123456789abcdef";
  in.iv.assign(iv.begin(), iv.end());
  const zego::Build03Result built = zego::build_03(in);
  ASSERT_EQ(built.error, zego::BuildError::kNone);
  zego::Verifier03 verifier(in.secret);
  const zego::Binding03 binding{};
  ASSERT_TRUE(verifier.verify(built.token, 1700000001, binding).valid());
  EXPECT_EQ(allocations_over(100, [&] { (void)verifier.verify(built.token, 1700000001, binding); }),
            0u);
}

}  // namespace
}  // namespace tokcheck
