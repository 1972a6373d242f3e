#include "conformance/lib/vector_digest.h"

#include <gtest/gtest.h>

#include "conformance/lib/runner.h"
#include "conformance/lib/vector_file.h"

namespace tokcheck::conformance {
namespace {

// load_vector_set digests the bytes it reads for loading (each file read once);
// the result must be the digest `tokcheck --version` computes from the files.
TEST(VectorDigest, LoaderDigestEqualsTheVersionDigest) {
  const auto root = default_vectors_root();
  const VectorSet all = load_vector_set(root, {}, {});
  EXPECT_EQ(all.digest, vector_digest(root, vector_set_files(root)));
  EXPECT_EQ(all.digest.rfind("sha256:", 0), 0u);

  // A filtered run digests the schema and the files it selected, in path order.
  const VectorSet some = load_vector_set(root, {"agora-006", "zego-04"}, {"verify"});
  EXPECT_EQ(some.digest,
            vector_digest(root, {"agora-006/verify.json", "schema/tokcheck_vectors_v1.schema.json",
                                 "zego-04/verify.json"}));
  EXPECT_NE(some.digest, all.digest);
}

TEST(VectorDigest, FramesEachFile) {
  VectorDigest a;
  a.add("x.json", "ab");
  a.add("y.json", "c");
  VectorDigest b;
  b.add("x.json", "a");
  b.add("y.json", "bc");
  EXPECT_NE(a.finish(), b.finish());
}

}  // namespace
}  // namespace tokcheck::conformance
