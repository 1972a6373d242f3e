// The hot-path promise for the binary formats: once a verifier has seen a
// token of a given size, verifying again allocates nothing (docs/BENCHMARKS.md).
// Built into its own binary because it replaces the global operator new.
#include <gtest/gtest.h>

#include "bench/alloc_counter.h"
#include "reference/agora/agora006.h"
#include "reference/agora/agora007.h"

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

}  // namespace
}  // namespace tokcheck
