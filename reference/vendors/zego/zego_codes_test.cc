// The ZEGO code table: every condition the ZEGO verifiers can return (other than
// valid) has rows, every row names its source, and exactly the codes that only seed
// 000 lists (Web 1102016 / 1102018) are marked unverified (token-formats.md ZEGO §4).
#include <gtest/gtest.h>

#include <set>
#include <string>

#include "reference/codes/codes.h"

namespace tokcheck::codes {
namespace {

TEST(ZegoCodes, RegisteredAndSourced) {
  const VendorTable* t = find_table(Vendor::kZego);
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->rows.data(), zego_rows().data());
  for (const CodeRow& r : zego_rows()) {
    EXPECT_FALSE(r.code.source.empty()) << r.code.code;
    EXPECT_FALSE(r.code.name.empty()) << r.code.code;
    EXPECT_TRUE(r.code.platform == "native" || r.code.platform == "web") << r.code.platform;
    const bool seed_only = r.code.code == "1102016" || r.code.code == "1102018";
    EXPECT_EQ(r.code.basis == Basis::kUnverified, seed_only) << r.code.code;
    EXPECT_NE(r.condition, Condition::kValid);
  }
}

TEST(ZegoCodes, EveryZegoConditionHasACode) {
  // What Verifier04 / Verifier03 can return (docs/formats/zego.md "Check order").
  for (Condition c :
       {Condition::kMalformed, Condition::kUnsupportedVersion, Condition::kInvalidSecret,
        Condition::kInvalidAppId, Condition::kTokenMissing, Condition::kDecryptFailed,
        Condition::kPayloadInvalid, Condition::kExpireMismatch, Condition::kExpired,
        Condition::kAppIdMismatch, Condition::kUserIdMismatch, Condition::kRoomMismatch,
        Condition::kPrivilegeMissing, Condition::kStreamNotAllowed}) {
    EXPECT_FALSE(codes_for(Vendor::kZego, c).empty()) << to_string(c);
  }
  EXPECT_TRUE(codes_for(Vendor::kZego, Condition::kValid).empty());
  EXPECT_TRUE(
      codes_for(Vendor::kZego, Condition::kBadSignature).empty());  // ZEGO tokens are not signed
}

TEST(ZegoCodes, TheBriefsCodesAreAllThere) {
  std::set<std::string> have;
  for (const CodeRow& r : zego_rows()) have.insert(std::string(r.code.code));
  for (const char* code :
       {"1002033", "1002067", "1002074", "1002075", "1002076", "1002077", "1002078", "1002079",
        "1003072", "1004003", "1102016", "1102018", "1011"}) {
    EXPECT_TRUE(have.count(code)) << code;
  }
  EXPECT_FALSE(have.count("1004072"));  // not a ZEGO code (token-formats.md ZEGO §4)
}

TEST(ZegoCodes, DocumentedRowsForTheirOwnCauses) {
  auto basis = [](Condition c, std::string_view code) {
    for (const VendorCode& v : codes_for(Vendor::kZego, c)) {
      if (v.code == code) return v.basis;
    }
    ADD_FAILURE() << to_string(c) << " has no " << code;
    return Basis::kUnverified;
  };
  EXPECT_EQ(basis(Condition::kTokenMissing, "1002067"), Basis::kDocumented);
  EXPECT_EQ(basis(Condition::kPayloadInvalid, "1002075"), Basis::kDocumented);
  EXPECT_EQ(basis(Condition::kAppIdMismatch, "1002076"), Basis::kDocumented);
  EXPECT_EQ(basis(Condition::kUserIdMismatch, "1002077"), Basis::kDocumented);
  EXPECT_EQ(basis(Condition::kExpired, "1002078"), Basis::kDocumented);
  EXPECT_EQ(basis(Condition::kUnsupportedVersion, "1002079"), Basis::kDocumented);
  EXPECT_EQ(basis(Condition::kMalformed, "1011"), Basis::kDocumented);
  EXPECT_EQ(basis(Condition::kDecryptFailed, "1002033"), Basis::kInferred);
}

}  // namespace
}  // namespace tokcheck::codes
