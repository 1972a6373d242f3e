#include "conformance/lib/runner.h"

#include <algorithm>
#include <fstream>
#include <sstream>
#include <stdexcept>

#include "conformance/lib/interrupt.h"
#include "conformance/lib/protocol.h"
#include "conformance/lib/vector_consistency.h"
#include "conformance/lib/vector_digest.h"

namespace tokcheck::conformance {
namespace {

std::string join(const std::set<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool is_crash_like(Status s) { return s == Status::kCrash || s == Status::kTimeout; }

}  // namespace

VectorSelection select_vector_files(const std::filesystem::path& root,
                                    const std::set<std::string>& schemes,
                                    const std::set<std::string>& operations) {
  VectorSelection sel;
  sel.root = root;
  const auto paths = find_vector_files(root);
  for (const auto& path : paths) sel.known_schemes.insert(path.parent_path().filename().string());
  if (paths.empty()) throw std::invalid_argument("no vector files under " + root.string());
  for (const auto& s : schemes) {
    if (!sel.known_schemes.count(s))
      throw std::invalid_argument("unknown scheme \"" + s +
                                  "\"; known: " + join(sel.known_schemes));
  }
  for (const auto& op : operations) {
    if (!operation_from_string(op)) {
      std::set<std::string> known;
      for (Operation o : kAllOperations) known.insert(std::string(to_string(o)));
      throw std::invalid_argument("unknown operation \"" + op + "\"; known: " + join(known));
    }
  }
  // The digest covers the schema and the files this run selected, in path order;
  // for an unfiltered run it equals the one `tokcheck --version` prints.
  for (const auto& path : paths) {
    const std::string scheme_dir = path.parent_path().filename().string();
    const std::string op_name = path.stem().string();
    if (!schemes.empty() && !schemes.count(scheme_dir)) continue;
    if (!operations.empty() && !operations.count(op_name)) continue;
    sel.files.emplace_back(std::filesystem::relative(path, root), true);
  }
  for (const auto& rel : vector_set_files(root)) {
    if (rel.parent_path() == "schema") sel.files.emplace_back(rel, false);
  }
  std::sort(sel.files.begin(), sel.files.end());
  // A missing or unreadable schema is an error before any implementation starts.
  (void)vector_schema(root);
  return sel;
}

namespace {

// Each case that loads goes to the lint, then to the caller's sink; a file that
// turns out broken is taken back from both.
class LintThenSink : public VectorCaseSink {
 public:
  LintThenSink(ConsistencyIndex& lint, VectorCaseSink& next) : lint_(lint), next_(next) {}
  void begin_file(const VectorFile& header) override { next_.begin_file(header); }
  void take_case(const VectorFile& header, VectorCase& c) override {
    lint_.add_case(header, c);
    next_.take_case(header, c);
  }
  void end_file(const VectorFile& header, bool loaded) override {
    lint_.end_file(loaded);
    next_.end_file(header, loaded);
  }

 private:
  ConsistencyIndex& lint_;
  VectorCaseSink& next_;
};

}  // namespace

VectorSet stream_vector_cases(const VectorSelection& selection, VectorCaseSink& sink,
                              Delivery delivery) {
  VectorSet set;
  set.root = selection.root;
  set.known_schemes = selection.known_schemes;
  const JsonSchema& schema = vector_schema(selection.root);
  // Each file is read once, in pieces, for both the digest and the loader; the
  // lint keeps only the claims it compares.
  VectorDigest digest;
  ConsistencyIndex lint;
  LintThenSink linted(lint, sink);
  for (const auto& [rel_path, is_vector_file] : selection.files) {
    const std::string rel = rel_path.generic_string();
    DigestedFile text(selection.root / rel_path, rel, digest);
    std::vector<std::string> errors;
    if (is_vector_file) errors = read_vector_file(text, rel, schema, linted, delivery);
    if (!text.finish()) errors.push_back("the file changed or failed while it was read");
    for (const auto& e : errors) set.load_errors.push_back(rel + ": " + e);
  }
  set.digest = digest.finish();
  // A vector set that judges one token two ways cannot be passed by any
  // implementation; say so (this also lints a --vectors set of a user's).
  for (auto& finding : lint.report().findings)
    set.load_errors.push_back("contradiction: " + std::move(finding));
  return set;
}

VectorSet stream_vector_set(const VectorSelection& selection,
                            const std::function<void(VectorFile&)>& each) {
  WholeFiles whole(each);
  return stream_vector_cases(selection, whole, Delivery::kWhenLoaded);
}

VectorSet load_vector_set(const std::filesystem::path& root, const std::set<std::string>& schemes,
                          const std::set<std::string>& operations) {
  std::vector<VectorFile> files;
  VectorSet set = stream_vector_set(select_vector_files(root, schemes, operations),
                                    [&files](VectorFile& f) { files.push_back(std::move(f)); });
  set.files = std::move(files);
  return set;
}

std::map<std::string, std::string> read_allowlist(const std::filesystem::path& path) {
  std::map<std::string, std::string> out;
  std::ifstream in(path);
  if (!in) throw std::invalid_argument("cannot read allowlist " + path.string());
  std::string line;
  while (std::getline(in, line)) {
    std::istringstream words(line);
    std::string id;
    if (!(words >> id) || id[0] == '#') continue;
    std::string reason;
    std::getline(words >> std::ws, reason);
    out[id] = reason;
  }
  return out;
}

ConformanceRun::ConformanceRun(Implementation& impl, const RunOptions& options)
    : impl_(impl),
      options_(options),
      policy_(options.policy),
      started_(std::chrono::steady_clock::now()) {
  report_.implementation = impl.name();
  report_.tool_version = std::string(tool_version());
  report_.allowlist_strict = options.allowlist_strict;
  auto greeting = impl.hello();
  if (const Failure* f = std::get_if<Failure>(&greeting)) {
    report_.stop_reason = "the implementation did not complete the hello exchange (" +
                          std::string(to_string(f->status)) + ": " + f->message + ")";
    report_.errors.push_back(report_.stop_reason);
  } else {
    hello_ = std::get<Hello>(greeting);
    report_.protocol = hello_.protocol;
    report_.hello = hello_.raw;
    if (!hello_.warning.empty()) report_.warnings.push_back(hello_.warning);
    if (hello_.protocol >= 1 && policy_.allow_unsupported) {
      // Under v1 the hello declares what is supported; a declared pair that
      // answers `unsupported` is a failure whatever the flag says.
      policy_.allow_unsupported = false;
    }
  }
}

void ConformanceRun::run_file(const VectorFile& file) {
  begin_file(file);
  for (const VectorCase& c : file.tests) run_case(file, c);
  end_file(file, true);
}

void ConformanceRun::begin_file(const VectorFile& header) {
  checkpoint_ = {header.path,     report_.cases.size(), report_.errors.size(), report_.executed,
                 report_.passed,  report_.failed,       report_.allowed,       report_.skipped,
                 report_.not_run, report_.stop_reason,  consecutive_crashes_,  progress_};
}

void ConformanceRun::end_file(const VectorFile&, bool loaded) {
  if (loaded) return;
  const Checkpoint& c = checkpoint_;
  report_.cases.resize(c.cases);
  report_.quiet_passes.erase(c.file);
  report_.executed = c.executed;
  report_.passed = c.passed;
  report_.failed = c.failed;
  report_.allowed = c.allowed;
  report_.skipped = c.skipped;
  report_.not_run = c.not_run;
  // An interrupt stays: the run stops whatever the file.
  if (report_.interrupted_by == 0) {
    report_.stop_reason = c.stop_reason;
    report_.errors.resize(c.errors);
  }
  consecutive_crashes_ = c.consecutive_crashes;
  const std::string prefix = c.file + "#";
  for (auto it = failing_ids_.lower_bound(prefix);
       it != failing_ids_.end() && it->rfind(prefix, 0) == 0;) {
    it = failing_ids_.erase(it);
  }
  progress_ = c.progress;
}

void ConformanceRun::run_case(const VectorFile& file, const VectorCase& c) {
  CaseRecord rec;
  rec.id = file.path + "#" + std::to_string(c.tc_id);

  if (report_.stop_reason.empty()) {
    if (const int sig = interrupt_signal()) {
      report_.interrupted_by = sig;
      report_.stop_reason = "interrupted by signal " + std::to_string(sig);
    } else if (options_.max_time.count() > 0 &&
               std::chrono::steady_clock::now() - started_ >= options_.max_time) {
      report_.stop_reason =
          "--max-time of " + std::to_string(options_.max_time.count()) + " ms reached";
      report_.errors.push_back(report_.stop_reason);
    }
  }

  if (!report_.stop_reason.empty()) {
    rec.status = Status::kNotRun;
    rec.message = report_.stop_reason;
  } else if (!hello_.declares(file.scheme, file.operation)) {
    rec.status = Status::kNotDeclared;
    rec.message = "the hello did not declare " + file.scheme + " " + file.operation;
  } else {
    const Exchange x = impl_.handle(make_request(file, c));
    ++report_.executed;
    rec.duration = x.duration;
    rec.stderr_excerpt = x.stderr_excerpt;
    if (const Failure* f = x.failure()) {
      rec.status = f->status;
      rec.message = f->message;
    } else {
      rec.got = *x.response();
      const CaseResult r = evaluate(file, c, rec.got, policy_);
      rec.status = r.status;
      rec.message = r.message;
    }
    if (rec.status == Status::kNotRun && interrupt_signal()) {
      report_.interrupted_by = interrupt_signal();
      report_.stop_reason = "interrupted by signal " + std::to_string(report_.interrupted_by);
    }
    consecutive_crashes_ = is_crash_like(rec.status) ? consecutive_crashes_ + 1 : 0;
    if (options_.crash_loop_limit > 0 && consecutive_crashes_ >= options_.crash_loop_limit) {
      report_.stop_reason = std::to_string(consecutive_crashes_) +
                            " crashes or timeouts in a row: the implementation is not "
                            "working, the remaining cases were not run";
      report_.errors.push_back(report_.stop_reason);
    }
  }

  rec.failed = is_failure(rec.status, policy_);
  if (rec.failed) failing_ids_.insert(rec.id);
  if (const auto allow = options_.allowlist.find(rec.id);
      rec.failed && rec.status != Status::kNotRun && allow != options_.allowlist.end()) {
    rec.failed = false;
    rec.allowed = true;
    rec.allow_reason = allow->second;
  }
  const bool quiet =
      !options_.keep_passing_cases && !rec.failed && !rec.allowed && rec.status == Status::kPass;
  if (!quiet) {
    rec.file = file.path;
    rec.tc_id = c.tc_id;
    rec.scheme = file.scheme;
    rec.operation = file.operation;
    rec.comment = c.comment;
    rec.flags = c.flags;
    rec.result = c.result;
    rec.expected = c.expected;
  }
  if (rec.status == Status::kNotRun) ++report_.not_run;
  if (rec.failed) {
    ++report_.failed;
  } else if (rec.allowed) {
    ++report_.allowed;
  } else if (is_skip(rec.status, policy_)) {
    ++report_.skipped;
  } else {
    ++report_.passed;
  }
  progress_.done += 1;
  progress_.failed = static_cast<std::size_t>(report_.failed);
  progress_.current = rec.id;
  if (quiet) {
    ++report_.quiet_passes[file.path];
  } else {
    report_.cases.push_back(std::move(rec));
  }
  if (options_.on_progress) options_.on_progress(progress_);
}

RunReport ConformanceRun::finish(const VectorSet& vectors) {
  RunReport report = std::move(report_);
  report.vectors_digest = vectors.digest;
  report.load_errors = vectors.load_errors;
  report.implementation_exit = impl_.stop();

  for (const auto& [id, reason] : options_.allowlist) {
    if (!failing_ids_.count(id)) report.stale_allowlist.push_back(id);
  }
  // Skipped and not-run cases test nothing: a run must have judged something.
  if (report.passed + report.allowed + report.failed - report.not_run == 0) {
    report.errors.push_back(
        "no case was executed: nothing was tested (check --scheme/--operation and what the "
        "implementation declares in its hello)");
  }
  report.elapsed = std::chrono::duration_cast<std::chrono::milliseconds>(
      std::chrono::steady_clock::now() - started_);
  return report;
}

RunReport run_conformance(Implementation& impl, const VectorSet& vectors,
                          const RunOptions& options) {
  ConformanceRun run(impl, options);
  std::size_t total = 0;
  for (const VectorFile& f : vectors.files) total += f.tests.size();
  run.expect_cases(total);
  for (const VectorFile& f : vectors.files) run.run_file(f);
  return run.finish(vectors);
}

std::map<std::string, std::vector<std::string>> RunReport::acceptable_by_flag() const {
  std::map<std::string, std::vector<std::string>> out;
  for (const CaseRecord& c : cases) {
    if (c.status != Status::kAcceptable) continue;
    if (c.flags.empty()) out["(no flag)"].push_back(c.id);
    for (const auto& flag : c.flags) out[flag].push_back(c.id);
  }
  return out;
}

std::size_t RunReport::case_count() const {
  std::size_t n = cases.size();
  for (const auto& [file, quiet] : quiet_passes) n += static_cast<std::size_t>(quiet);
  return n;
}

std::map<std::string, std::map<std::string, int>> RunReport::per_file() const {
  std::map<std::string, std::map<std::string, int>> out;
  for (const CaseRecord& c : cases) {
    ++out[c.file][std::string(c.allowed ? "ALLOWED" : to_string(c.status))];
  }
  for (const auto& [file, n] : quiet_passes) out[file][std::string(to_string(Status::kPass))] += n;
  return out;
}

}  // namespace tokcheck::conformance
