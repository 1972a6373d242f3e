#include "conformance/lib/runner.h"

#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>
#include <vector>

#include "conformance/lib/implementation.h"
#include "conformance/lib/protocol.h"

namespace tokcheck::conformance {
namespace {

// The reference, answering one chosen tcId wrong (ok flipped on a parse).
class OneWrong final : public Implementation {
 public:
  explicit OneWrong(int wrong_id) : wrong_id_(wrong_id) {}
  std::string name() const override { return "one-wrong"; }
  std::variant<Hello, Failure> hello() override { return reference_->hello(); }
  Exchange handle(const Json& request) override {
    Exchange x = reference_->handle(request);
    if (++seen_ == wrong_id_) {
      Json& r = std::get<Json>(x.answer);
      r["ok"] = !(r.contains("ok") && r["ok"] == true);
    }
    return x;
  }

 private:
  int wrong_id_;
  int seen_ = 0;
  std::unique_ptr<Implementation> reference_ = make_reference_implementation();
};

// An empty directory of this test's own (the seed tells parallel runs apart).
std::filesystem::path fresh_temp_dir(const std::string& what) {
  const std::filesystem::path dir =
      std::filesystem::temp_directory_path() /
      ("tokcheck-runner-" + what + "-" +
       std::to_string(::testing::UnitTest::GetInstance()->random_seed()));
  std::filesystem::remove_all(dir);
  return dir;
}

const VectorSet& parse_006() {
  static const VectorSet set = load_vector_set(default_vectors_root(), {"agora-006"}, {"parse"});
  return set;
}

TEST(Runner, KeepsPassingCasesOnlyWhenAsked) {
  RunOptions keep;
  auto reference = make_reference_implementation();
  const RunReport kept = run_conformance(*reference, parse_006(), keep);
  ASSERT_TRUE(kept.ok());
  ASSERT_GT(kept.cases.size(), 3u);
  EXPECT_TRUE(kept.quiet_passes.empty());
  for (const CaseRecord& c : kept.cases) {
    EXPECT_FALSE(c.expected.is_null()) << c.id;
    EXPECT_FALSE(c.got.is_null()) << c.id;
  }

  RunOptions lean;
  lean.keep_passing_cases = false;
  OneWrong impl(3);
  const RunReport r = run_conformance(impl, parse_006(), lean);
  EXPECT_EQ(r.failed, 1);
  EXPECT_EQ(r.passed, kept.passed - 1);
  // Only what is not a plain pass is kept, with what the reports and the summary
  // explain it with; the passes are counted under their file.
  int kept_passes = 0;
  for (const CaseRecord& c : kept.cases) kept_passes += c.status == Status::kPass ? 1 : 0;
  ASSERT_GT(kept_passes, 1);
  EXPECT_EQ(r.cases.size(), kept.cases.size() - static_cast<std::size_t>(kept_passes - 1));
  int quiet = 0;
  for (const auto& [file, n] : r.quiet_passes) quiet += n;
  EXPECT_EQ(quiet, kept_passes - 1);
  EXPECT_EQ(r.case_count(), kept.cases.size());
  for (const CaseRecord& c : r.cases) {
    EXPECT_NE(c.status, Status::kPass) << c.id;
    const auto same = std::find_if(kept.cases.begin(), kept.cases.end(),
                                   [&c](const CaseRecord& k) { return k.id == c.id; });
    ASSERT_NE(same, kept.cases.end()) << c.id;
    EXPECT_EQ(c.file, same->file) << c.id;
    EXPECT_EQ(c.comment, same->comment) << c.id;
    EXPECT_EQ(c.expected, same->expected) << c.id;
    if (c.failed) {
      EXPECT_FALSE(c.got.is_null()) << c.id;
      EXPECT_FALSE(c.message.empty()) << c.id;
    }
  }
  // The per-file counts are those of the run that kept every case, but for the
  // one pass that became the planted failure.
  const auto failing =
      std::find_if(r.cases.begin(), r.cases.end(), [](const CaseRecord& c) { return c.failed; });
  ASSERT_NE(failing, r.cases.end());
  auto expected_counts = kept.per_file();
  ASSERT_GT(expected_counts[failing->file]["PASS"], 0);
  --expected_counts[failing->file]["PASS"];
  ++expected_counts[failing->file][std::string(to_string(failing->status))];
  EXPECT_EQ(r.per_file(), expected_counts);
}

// A streaming run (what `tokcheck conformance` does: each file loaded, run,
// dropped) reports exactly what a run over the whole loaded set reports: the same
// cases in the same order with the same outcomes, the same digest and load
// errors. The files go to the callback one at a time and are not kept.
TEST(Runner, StreamingRunEqualsTheLoadedRun) {
  // agora-006/parse.json comes first, so OneWrong's 7th answer is a parse it flips.
  const std::set<std::string> schemes = {"agora-006", "zego-04", "lifecycle-rongcloud"};
  const std::set<std::string> operations = {"parse", "verify", "scenario"};
  const VectorSet loaded = load_vector_set(default_vectors_root(), schemes, operations);
  OneWrong whole_impl(7);
  const RunReport whole = run_conformance(whole_impl, loaded, RunOptions{});

  OneWrong streamed_impl(7);
  ConformanceRun run(streamed_impl, RunOptions{});
  std::vector<std::string> handed;
  const VectorSet meta = stream_vector_set(
      select_vector_files(default_vectors_root(), schemes, operations), [&](VectorFile& file) {
        handed.push_back(file.path);
        run.run_file(file);
      });
  const RunReport streamed = run.finish(meta);

  EXPECT_TRUE(meta.files.empty());
  ASSERT_EQ(handed.size(), loaded.files.size());
  for (std::size_t i = 0; i < handed.size(); ++i) EXPECT_EQ(handed[i], loaded.files[i].path);
  EXPECT_EQ(meta.digest, loaded.digest);
  EXPECT_EQ(meta.load_errors, loaded.load_errors);
  EXPECT_EQ(streamed.vectors_digest, whole.vectors_digest);
  EXPECT_EQ(streamed.failed, 1);
  EXPECT_EQ(streamed.failed, whole.failed);
  EXPECT_EQ(streamed.passed, whole.passed);
  EXPECT_EQ(streamed.executed, whole.executed);
  ASSERT_EQ(streamed.cases.size(), whole.cases.size());
  for (std::size_t i = 0; i < whole.cases.size(); ++i) {
    EXPECT_EQ(streamed.cases[i].id, whole.cases[i].id);
    EXPECT_EQ(streamed.cases[i].status, whole.cases[i].status) << whole.cases[i].id;
    EXPECT_EQ(streamed.cases[i].got, whole.cases[i].got) << whole.cases[i].id;
  }
}

// A vector set that judges one token two ways fails the gate before anything
// runs: the streaming loader's lint sees across the whole set even though it keeps
// no file. Here verify #1 of agora-006 is rewritten to call malformed a token the
// file's other cases decode.
TEST(Runner, AContradictionInTheVectorsIsALoadError) {
  namespace fs = std::filesystem;
  const fs::path dir = fresh_temp_dir("lint");
  fs::create_directories(dir / "schema");
  fs::create_directories(dir / "agora-006");
  fs::copy_file(default_vectors_root() / "schema" / "tokcheck_vectors_v1.schema.json",
                dir / "schema" / "tokcheck_vectors_v1.schema.json");
  std::ifstream in(default_vectors_root() / "agora-006" / "verify.json");
  Json doc = Json::parse(in);
  Json& first = doc["tests"][0];
  ASSERT_EQ(first["expected"]["condition"], "valid");
  first["result"] = "invalid";
  first["expected"]["condition"] = "malformed";
  first["expected"]["malformation"] = "trailing_bytes";
  std::ofstream(dir / "agora-006" / "verify.json") << doc.dump(1);

  const VectorSet set = stream_vector_set(select_vector_files(dir, {}, {}), [](VectorFile&) {});
  fs::remove_all(dir);
  ASSERT_FALSE(set.load_errors.empty());
  for (const std::string& e : set.load_errors) {
    EXPECT_EQ(e.rfind("contradiction: ", 0), 0u) << e;
    EXPECT_NE(e.find("agora-006/verify.json#1 "), std::string::npos) << e;
  }
}

// The reference, but the requests for one file crash from one tcId on.
class CrashesOn final : public Implementation {
 public:
  CrashesOn(std::string file, int from_tc_id)
      : prefix_(std::move(file) + "#"), from_tc_id_(from_tc_id) {}
  std::string name() const override { return "crashes-on"; }
  std::variant<Hello, Failure> hello() override { return reference_->hello(); }
  Exchange handle(const Json& request) override {
    const std::string& id = request["id"].get_ref<const std::string&>();
    if (id.rfind(prefix_, 0) == 0 && std::stoi(id.substr(prefix_.size())) >= from_tc_id_) {
      ++crashed;
      return Exchange{Failure{Status::kCrash, "planted"}, "", {}};
    }
    return reference_->handle(request);
  }
  int crashed = 0;

 private:
  std::string prefix_;
  int from_tc_id_;
  std::unique_ptr<Implementation> reference_ = make_reference_implementation();
};

// Streaming a case at a time runs a file's cases before its end is read; when the
// end shows the file broken, the run takes them back. Here agora-006/verify.json's
// first cases pass, the next crash (enough to trip the crash-loop stop) and the
// file's last test breaks the schema: the report must be the one of a run that
// never ran the file, and the file after it must run normally.
TEST(Runner, CasesOfAFileFoundBrokenAreTakenBack) {
  namespace fs = std::filesystem;
  const fs::path dir = fresh_temp_dir("late");
  for (const char* sub : {"schema", "agora-006", "zego-04"}) fs::create_directories(dir / sub);
  const fs::path shipped = default_vectors_root();
  for (const char* file :
       {"schema/tokcheck_vectors_v1.schema.json", "agora-006/parse.json", "zego-04/parse.json"}) {
    fs::copy_file(shipped / file, dir / file);
  }
  std::ifstream in(shipped / "agora-006" / "verify.json");
  Json doc = Json::parse(in);
  ASSERT_GT(doc["tests"].size(), 20u);
  ASSERT_EQ(doc["tests"][5]["tcId"], 6);
  doc["tests"].back()["result"] = "maybe";
  std::ofstream(dir / "agora-006" / "verify.json") << doc.dump(1);

  RunOptions options;
  options.keep_passing_cases = false;
  options.allowlist = {{"agora-006/verify.json#6", "planted"}};
  auto run_with = [&](Delivery delivery, int& crashed) {
    CrashesOn impl("agora-006/verify.json", 6);
    ConformanceRun run(impl, options);
    const VectorSet set = stream_vector_cases(select_vector_files(dir, {}, {}), run, delivery);
    RunReport report = run.finish(set);
    crashed = impl.crashed;
    return report;
  };
  int crashed_as_read = 0;
  int crashed_when_loaded = 0;
  const RunReport as_read = run_with(Delivery::kAsRead, crashed_as_read);
  const RunReport when_loaded = run_with(Delivery::kWhenLoaded, crashed_when_loaded);
  fs::remove_all(dir);

  EXPECT_GE(crashed_as_read, options.crash_loop_limit);  // the file's cases did run
  EXPECT_EQ(crashed_when_loaded, 0);
  ASSERT_EQ(as_read.load_errors.size(), 1u);
  EXPECT_EQ(as_read.load_errors[0].rfind("agora-006/verify.json: /tests/", 0), 0u)
      << as_read.load_errors[0];
  EXPECT_EQ(as_read.load_errors, when_loaded.load_errors);
  EXPECT_EQ(as_read.stop_reason, "");
  EXPECT_TRUE(as_read.errors.empty());
  EXPECT_EQ(as_read.failed, 0);
  EXPECT_EQ(as_read.not_run, 0);
  EXPECT_EQ(as_read.executed, when_loaded.executed);
  EXPECT_EQ(as_read.passed, when_loaded.passed);
  EXPECT_GT(as_read.quiet_passes.at("zego-04/parse.json"), 0);
  EXPECT_EQ(as_read.quiet_passes, when_loaded.quiet_passes);
  EXPECT_EQ(as_read.case_count(), when_loaded.case_count());
  EXPECT_EQ(as_read.stale_allowlist, std::vector<std::string>{"agora-006/verify.json#6"});
  EXPECT_EQ(as_read.stale_allowlist, when_loaded.stale_allowlist);
  for (const CaseRecord& c : as_read.cases) EXPECT_NE(c.file, "agora-006/verify.json") << c.id;
}

}  // namespace
}  // namespace tokcheck::conformance
