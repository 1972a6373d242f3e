// Runs vector files against an implementation: the CI gate behind
// `tokcheck conformance`. It fails closed: a run that executed no case, a
// vector file that does not load, a case that did not run, an implementation
// that misbehaves, all fail the gate; only an explicit policy relaxes it.
#pragma once

#include <chrono>
#include <filesystem>
#include <functional>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "conformance/lib/evaluate.h"
#include "conformance/lib/implementation.h"
#include "conformance/lib/operation.h"
#include "conformance/lib/vector_file_reader.h"

namespace tokcheck::conformance {

// The loaded golden vectors, shared by every implementation of one run. A
// streaming load (stream_vector_set) leaves `files` empty: each file went to the
// caller and was dropped; the rest describes the whole set all the same.
struct VectorSet {
  std::filesystem::path root;
  std::vector<VectorFile> files;         // only the files selected, in path order
  std::vector<std::string> load_errors;  // "<file>: <error>"; each fails the gate
  std::string digest;                    // "sha256:<hex>" over every file's path and bytes
  std::set<std::string> known_schemes;   // every scheme directory under root
};

// Loads `root`, keeping the files of `schemes` / `operations` (empty = all).
// Throws std::invalid_argument naming the bad name and the known ones when a
// scheme or operation does not exist, so a typo can never run zero cases.
VectorSet load_vector_set(const std::filesystem::path& root, const std::set<std::string>& schemes,
                          const std::set<std::string>& operations);

// What a run will read: the selected vector files and the schema files, in digest
// order. Throws as load_vector_set does (and when the schema cannot be read), before
// any vector file is read.
struct VectorSelection {
  std::filesystem::path root;
  std::set<std::string> known_schemes;
  std::vector<std::pair<std::filesystem::path, bool>> files;  // relative path, is a vector file
};
VectorSelection select_vector_files(const std::filesystem::path& root,
                                    const std::set<std::string>& schemes,
                                    const std::set<std::string>& operations);

// Loads the selection one file at a time: each file that loads goes to `each`
// (which may take it apart) and is dropped before the next is read, so memory
// holds one file, not the set. The digest, the load errors and the
// cross-operation lint (on a compact index of the claims) cover the whole set,
// as load_vector_set's do; `files` stays empty.
VectorSet stream_vector_set(const VectorSelection& selection,
                            const std::function<void(VectorFile&)>& each);

// The same a case at a time: each file is read in pieces and its cases reach
// `sink` as `delivery` says (vector_file_reader.h). With Delivery::kAsRead memory
// holds one case, not one file, and a file found broken after some of its cases
// went to the sink ends with end_file(loaded = false).
VectorSet stream_vector_cases(const VectorSelection& selection, VectorCaseSink& sink,
                              Delivery delivery);

// "<file>#<tcId> [reason...]" lines; '#'-started lines are comments.
std::map<std::string, std::string> read_allowlist(const std::filesystem::path& path);

struct Progress {
  std::size_t done = 0;
  std::size_t total = 0;
  std::size_t failed = 0;
  std::string current;  // the case just judged
};

struct RunOptions {
  Policy policy;
  std::map<std::string, std::string> allowlist;  // "<file>#<tcId>" → reason; reported ALLOWED
  bool allowlist_strict = false;                 // stale allowlist entries fail the gate
  std::chrono::milliseconds max_time{0};         // 0 = no limit for the whole run
  int crash_loop_limit = 5;  // this many CRASH/TIMEOUT in a row stop the run (rest NOT_RUN)
  std::function<void(const Progress&)> on_progress;  // called after every case
  // false: a case that passes (PASS, not failed, not allowed) is counted in its
  // file's RunReport::quiet_passes and its record dropped, so a run's memory does
  // not grow with the cases that passed (~1.1 KiB each kept; docs/BENCHMARKS.md).
  // Whatever shows a passing case needs them kept: the file reports (JSON, JUnit,
  // HTML show each case's expected object and response), --verbose, and the
  // matrix of several implementations (build_matrix matches cases by id).
  bool keep_passing_cases = true;
};

struct CaseRecord {
  std::string id;  // "<file>#<tcId>"
  std::string file;
  int tc_id = 0;
  std::string scheme;
  std::string operation;
  std::string comment;
  std::vector<std::string> flags;
  std::string result;  // the vector's valid / invalid / acceptable
  Status status = Status::kPass;
  bool failed = false;   // fails the gate
  bool allowed = false;  // a failure the allowlist accepts
  std::string allow_reason;
  std::string message;  // what differed, for people
  Json expected;        // the vector's expected object
  Json got;             // the response, or null when none arrived
  std::chrono::microseconds duration{0};
  std::string stderr_excerpt;
};

struct RunReport {
  std::string implementation;  // the command, or "tokcheck-reference"
  Json hello;                  // the implementation's hello response (null under v0)
  int protocol = 0;
  std::string tool_version;
  std::string vectors_digest;
  std::vector<std::string> load_errors;
  std::vector<CaseRecord> cases;  // every case, or all but the quiet passes
  // file → passing cases counted, not kept (RunOptions::keep_passing_cases false).
  std::map<std::string, int> quiet_passes;
  int executed = 0;  // requests that were sent (answered or not)
  int passed = 0;    // PASS, ACCEPTABLE and non-failing statuses
  int failed = 0;    // cases that fail the gate, NOT_RUN included
  int allowed = 0;   // failures the allowlist accepts
  int skipped = 0;   // not declared (v1) or unsupported with --allow-unsupported (v0)
  int not_run = 0;
  std::vector<std::string> stale_allowlist;  // entries that matched no failing case
  bool allowlist_strict = false;
  int interrupted_by = 0;             // the signal that stopped the run, or 0
  std::string stop_reason;            // why cases were NOT_RUN, or ""
  std::string implementation_exit;    // how the implementation's process ended
  std::vector<std::string> errors;    // run-level failures ("no case was executed", ...)
  std::vector<std::string> warnings;  // needs attention but does not fail the gate (v0)
  std::chrono::milliseconds elapsed{0};

  bool ok() const {
    return failed == 0 && load_errors.empty() && errors.empty() && interrupted_by == 0 &&
           !(allowlist_strict && !stale_allowlist.empty());
  }
  // Acceptable outcomes grouped by the vector flags that explain them: which
  // lenient behaviours this implementation has.
  std::map<std::string, std::vector<std::string>> acceptable_by_flag() const;
  // Every case of the run, kept or counted as a quiet pass.
  std::size_t case_count() const;
  // file → status name → count (ALLOWED counted separately; quiet passes are PASS).
  std::map<std::string, std::map<std::string, int>> per_file() const;
};

RunReport run_conformance(Implementation& impl, const VectorSet& vectors,
                          const RunOptions& options);

// One implementation's run, a file at a time (what run_conformance does over a
// loaded set, and what a streaming run does as stream_vector_set hands out
// files) or a case at a time (as stream_vector_cases hands them out): the hello
// at construction, run_file per file or the sink calls per case, finish at the end.
class ConformanceRun : public VectorCaseSink {
 public:
  ConformanceRun(Implementation& impl, const RunOptions& options);
  // How many cases the run will have, when known up front (progress shows it).
  void expect_cases(std::size_t total) {
    progress_.total = total;
    if (options_.keep_passing_cases) report_.cases.reserve(total);
  }
  void run_file(const VectorFile& file);
  // run_file a case at a time, as stream_vector_cases hands them out. After
  // Delivery::kAsRead, end_file(loaded = false) takes back all that the file's
  // cases did to the report, as a file that does not load runs no case: use it
  // only with an implementation whose answers have no effect outside this run
  // (the in-process reference), since the requests themselves were made.
  void begin_file(const VectorFile& header) override;
  void take_case(const VectorFile& header, VectorCase& c) override { run_case(header, c); }
  void end_file(const VectorFile& header, bool loaded) override;
  // Stops the implementation and closes the report; `vectors` gives the digest
  // and the load errors (each fails the gate).
  RunReport finish(const VectorSet& vectors);

 private:
  Implementation& impl_;
  RunOptions options_;
  Policy policy_;
  Hello hello_;
  RunReport report_;
  std::chrono::steady_clock::time_point started_;
  std::set<std::string> failing_ids_;  // before the allowlist, for stale entries
  int consecutive_crashes_ = 0;
  Progress progress_;
  // The report as begin_file found it, for end_file(false).
  struct Checkpoint {
    std::string file;
    std::size_t cases = 0;
    std::size_t errors = 0;
    int executed = 0, passed = 0, failed = 0, allowed = 0, skipped = 0, not_run = 0;
    std::string stop_reason;
    int consecutive_crashes = 0;
    Progress progress;
  };
  Checkpoint checkpoint_;

  void run_case(const VectorFile& file, const VectorCase& c);
};

}  // namespace tokcheck::conformance
