// Every vector in vectors/ as a named GoogleTest case: <scheme>_<operation>_<tcId>.
// The reference must answer each exactly as the vector says (PASS), including
// `acceptable` cases, whose `expected` records the reference's own choice.
// `--gtest_filter='*agora_007_verify_17'` runs one case.
#include <gtest/gtest.h>

#include <fstream>
#include <sstream>

#include "conformance/lib/evaluate.h"
#include "conformance/lib/implementation.h"
#include "reference/schemes/registry.h"

namespace tokcheck::conformance {
namespace {

struct Loaded {
  std::string name;  // gtest-safe
  std::string file;
  std::vector<std::string> load_errors;
  VectorFile vectors;
  const VectorCase* c = nullptr;
};

std::string sanitize(std::string s) {
  for (char& ch : s) {
    if (!std::isalnum(static_cast<unsigned char>(ch))) ch = '_';
  }
  return s;
}

// Loaded once; cases point into the stored files.
const std::vector<Loaded>& all_cases() {
  static const std::vector<Loaded> cases = [] {
    std::vector<Loaded> out;
    static std::vector<std::unique_ptr<VectorFile>> files;
    const auto root = default_vectors_root();
    const JsonSchema& schema = vector_schema(root);
    for (const auto& path : find_vector_files(root)) {
      const std::string rel = std::filesystem::relative(path, root).generic_string();
      std::ifstream in(path);
      std::stringstream text;
      text << in.rdbuf();
      auto file = std::make_unique<VectorFile>();
      const auto errors = load_vector_file(text.str(), schema, *file);
      file->path = rel;
      if (!errors.empty()) {
        out.push_back({"LOAD_" + sanitize(rel), rel, errors, {}, nullptr});
        continue;
      }
      for (const VectorCase& c : file->tests) {
        out.push_back(
            {sanitize(file->scheme + "_" + file->operation) + "_" + std::to_string(c.tc_id),
             rel,
             {},
             {},
             &c});
        out.back().vectors.path = rel;
        out.back().vectors.scheme = file->scheme;
        out.back().vectors.operation = file->operation;
      }
      files.push_back(std::move(file));
    }
    return out;
  }();
  return cases;
}

std::vector<std::size_t> case_indices() {
  std::vector<std::size_t> out(all_cases().size());
  for (std::size_t i = 0; i < out.size(); ++i) out[i] = i;
  return out;
}

class Vector : public ::testing::TestWithParam<std::size_t> {};

TEST_P(Vector, ReferenceAgrees) {
  const Loaded& l = all_cases()[GetParam()];
  for (const auto& e : l.load_errors) ADD_FAILURE() << l.file << ": " << e;
  if (!l.c) return;
  const Json request = make_request(l.vectors, *l.c);
  const Json response = reference_response(request);
  const CaseResult r = evaluate(l.vectors, *l.c, response, {});
  EXPECT_EQ(r.status, Status::kPass)
      << l.file << " tcId " << l.c->tc_id << " (" << l.c->comment << ")\n"
      << "status: " << to_string(r.status) << "\n"
      << r.message << "\nrequest:  " << request.dump() << "\nresponse: " << response.dump();
}

INSTANTIATE_TEST_SUITE_P(All, Vector, ::testing::ValuesIn(case_indices()),
                         [](const auto& p) { return all_cases()[p.param].name; });

TEST(VectorFiles, EverySchemeInTheRegistryHasVectors) {
  std::set<std::string> with_vectors;
  for (const Loaded& l : all_cases()) with_vectors.insert(l.vectors.scheme);
  for (const schemes::Scheme* s : schemes::all_schemes()) {
    for (const char* op : {"build", "parse", "verify"}) {
      EXPECT_TRUE(
          std::filesystem::exists(default_vectors_root() / s->id() / (std::string(op) + ".json")))
          << s->id() << " has no " << op << " vectors";
    }
  }
  for (const char* lifecycle :
       {"lifecycle-zego", "lifecycle-agora", "lifecycle-rongcloud", "lifecycle-bytedance"}) {
    EXPECT_TRUE(with_vectors.count(lifecycle)) << lifecycle << " has no scenario vectors";
  }
}

}  // namespace
}  // namespace tokcheck::conformance
