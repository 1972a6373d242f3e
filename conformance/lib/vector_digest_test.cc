#include "conformance/lib/vector_digest.h"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <string>

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

// The loader reads each file in pieces through DigestedFile and stops parsing at
// the first syntax error; the digest still covers every byte, as if read whole.
TEST(VectorDigest, APieceByPieceReadDigestsTheWholeFile) {
  namespace fs = std::filesystem;
  const fs::path file =
      fs::temp_directory_path() /
      ("tokcheck-digest-" + std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::string text = "{not json";
  for (int i = 0; text.size() < 200 * 1024; ++i) text += std::to_string(i) + ",";  // > 3 pieces
  std::ofstream(file, std::ios::binary) << text;

  VectorDigest pieces;
  {
    DigestedFile read(file, "a/b.json", pieces);
    EXPECT_EQ(read.sgetc(), '{');  // what a parser sees first
    EXPECT_TRUE(read.finish());
  }
  VectorDigest whole;
  whole.add("a/b.json", text);
  EXPECT_EQ(pieces.finish(), whole.finish());

  // A file that grows between being opened and being read is not what was digested.
  VectorDigest grown;
  {
    DigestedFile read(file, "a/b.json", grown);
    std::ofstream(file, std::ios::binary | std::ios::app) << "more";
    EXPECT_FALSE(read.finish());
  }
  fs::remove(file);

  // A file that cannot be opened is digested as empty, as before it was read whole.
  VectorDigest missing;
  {
    DigestedFile read(file, "a/b.json", missing);
    EXPECT_EQ(read.sgetc(), std::char_traits<char>::eof());
    EXPECT_TRUE(read.finish());
  }
  VectorDigest empty;
  empty.add("a/b.json", "");
  EXPECT_EQ(missing.finish(), empty.finish());
}

}  // namespace
}  // namespace tokcheck::conformance
