// Conformance throughput (issue 13, item 3; docs/BENCHMARKS.md "Conformance
// throughput"): cases per second and peak RSS of a conformance run against the
// built-in reference, as the vector set grows 1×, 2×, 4×, … 32×.
//
//   tokcheck_conformance_bench [--scales 1,2,4,8,16,32] [--repetitions 3]
//                              [--tokcheck PATH] [--vectors DIR] [--json FILE]
//
// For each scale k the vector set is replicated into a temporary directory: each
// vectors/<scheme>/<operation>.json gets its tests k times over (copy r's tcIds
// shifted by r × 1,000,000, numberOfTests updated: the loader wants tcIds unique),
// so every copy is a real case the reference must pass. Each measurement is its
// own child process, so its peak RSS (getrusage of the child, ru_maxrss) belongs
// to that scale alone:
//   - "cli": `tokcheck conformance --vectors DIR` itself, exactly as a user runs
//     it (load + schema check + run + summary); its exit status must be 0.
//   - "lib": this program re-executed in child mode, timing the library calls the
//     command makes (stream_vector_cases, ConformanceRun over the reference,
//     print_summary) one by one; every case must pass.
// Cases/s are computed from the child's CPU time (user + system, from wait4), so
// other load on a shared machine moves them less than wall time; wall time is
// reported beside it. Each figure is the median over --repetitions children.
// Not a Google Benchmark on purpose: peak RSS per scale needs a fresh process.
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>
#include <string>
#include <vector>

#include "conformance/lib/heap_reuse.h"
#include "conformance/lib/reports.h"
#include "conformance/lib/runner.h"

#ifndef TOKCHECK_BENCH_TOKCHECK_PATH
#define TOKCHECK_BENCH_TOKCHECK_PATH ""
#endif

namespace {

namespace fs = std::filesystem;
using tokcheck::conformance::Json;
using Clock = std::chrono::steady_clock;

[[noreturn]] void die(const std::string& message) {
  std::cerr << "tokcheck_conformance_bench: " << message << "\n";
  std::exit(1);
}

// Resident set now, in MiB (/proc/self/statm), to split the peak between the
// loaded vector set and the run's records.
double rss_now_mib() {
  std::ifstream statm("/proc/self/statm");
  long pages = 0, resident = 0;
  statm >> pages >> resident;
  return static_cast<double>(resident) * static_cast<double>(sysconf(_SC_PAGESIZE)) / 1048576.0;
}

double seconds_since(Clock::time_point start) {
  return std::chrono::duration<double>(Clock::now() - start).count();
}

// Times the run's share of a streaming conformance run: the cases it hands to
// the ConformanceRun, one by one.
class TimedRun : public tokcheck::conformance::VectorCaseSink {
 public:
  explicit TimedRun(tokcheck::conformance::ConformanceRun& run) : run_(run) {}
  void begin_file(const tokcheck::conformance::VectorFile& header) override {
    run_.begin_file(header);
  }
  void take_case(const tokcheck::conformance::VectorFile& header,
                 tokcheck::conformance::VectorCase& c) override {
    const auto t = Clock::now();
    run_.take_case(header, c);
    seconds += seconds_since(t);
  }
  void end_file(const tokcheck::conformance::VectorFile& header, bool loaded) override {
    run_.end_file(header, loaded);
  }
  double seconds = 0;

 private:
  tokcheck::conformance::ConformanceRun& run_;
};

// Child mode: the library calls of `tokcheck conformance`, timed one by one. The
// command streams (each case run as its file is read), so the two parts
// interleave: run_s sums the cases' runs, load_s is the rest of the stream (read,
// digest, parse, schema check, lint). Prints one line "cases=N load_s=X run_s=X
// summary_s=X rss_loaded_mib=X rss_run_mib=X" on stdout (both RSS figures are
// taken after the stream: there is no moment when the set is loaded whole).
int run_child(const fs::path& root) {
  namespace c = tokcheck::conformance;
  c::keep_freed_memory_for_reuse();  // as `tokcheck conformance` does
  auto impl = c::make_reference_implementation();
  c::RunOptions options;
  options.keep_passing_cases = false;  // as `tokcheck conformance` without report files
  const auto t0 = Clock::now();
  c::ConformanceRun run(*impl, options);
  TimedRun timed(run);
  const c::VectorSet vectors =
      c::stream_vector_cases(c::select_vector_files(root, {}, {}), timed, c::Delivery::kAsRead);
  const double run_s = timed.seconds;
  std::vector<c::RunReport> runs;
  runs.push_back(run.finish(vectors));
  const double load_s = seconds_since(t0) - run_s;
  const double rss_loaded = rss_now_mib();
  if (!vectors.load_errors.empty()) die("load error: " + vectors.load_errors.front());
  const auto t2 = Clock::now();
  std::ostringstream summary;
  c::print_summary(runs, summary, false);
  const double summary_s = seconds_since(t2);
  const c::RunReport& r = runs.front();
  if (!r.ok() || r.failed != 0)
    die("the reference failed the replicated vectors:\n" + summary.str());
  std::printf(
      "cases=%zu load_s=%.6f run_s=%.6f summary_s=%.6f rss_loaded_mib=%.1f rss_run_mib=%.1f\n",
      r.case_count(), load_s, run_s, summary_s, rss_loaded, rss_now_mib());
  return 0;
}

struct ChildResult {
  int status = 0;
  double wall_s = 0;
  double cpu_s = 0;
  long max_rss_kib = 0;
  std::string out;
};

ChildResult spawn(const std::vector<std::string>& argv) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) die("pipe failed");
  const auto start = Clock::now();
  const pid_t pid = fork();
  if (pid < 0) die("fork failed");
  if (pid == 0) {
    dup2(pipe_fds[1], STDOUT_FILENO);
    const int null_fd = open("/dev/null", O_WRONLY);
    if (null_fd >= 0) dup2(null_fd, STDERR_FILENO);
    close(pipe_fds[0]);
    close(pipe_fds[1]);
    std::vector<char*> args;
    for (const auto& a : argv) args.push_back(const_cast<char*>(a.c_str()));
    args.push_back(nullptr);
    execv(args[0], args.data());
    _exit(127);
  }
  close(pipe_fds[1]);
  ChildResult r;
  char buf[4096];
  for (;;) {
    const ssize_t n = read(pipe_fds[0], buf, sizeof buf);
    if (n <= 0) break;
    r.out.append(buf, static_cast<std::size_t>(n));
  }
  close(pipe_fds[0]);
  struct rusage usage {};
  int status = 0;
  if (wait4(pid, &status, 0, &usage) != pid) die("wait4 failed");
  r.wall_s = seconds_since(start);
  r.status = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  r.cpu_s = static_cast<double>(usage.ru_utime.tv_sec + usage.ru_stime.tv_sec) +
            static_cast<double>(usage.ru_utime.tv_usec + usage.ru_stime.tv_usec) / 1e6;
  r.max_rss_kib = usage.ru_maxrss;
  return r;
}

// Writes the vector set `k` times over into `out`; returns the number of cases.
std::size_t replicate(const fs::path& vectors, const fs::path& out, int k) {
  fs::create_directories(out / "schema");
  fs::copy_file(vectors / "schema" / "tokcheck_vectors_v1.schema.json",
                out / "schema" / "tokcheck_vectors_v1.schema.json");
  std::size_t cases = 0;
  for (const fs::path& path : tokcheck::conformance::find_vector_files(vectors)) {
    std::ifstream in(path);
    Json doc = Json::parse(in);
    const Json tests = doc["tests"];
    Json copies = Json::array();
    for (int r = 0; r < k; ++r) {
      for (Json t : tests) {
        t["tcId"] = t["tcId"].get<int>() + r * 1000000;
        copies.push_back(std::move(t));
      }
    }
    doc["numberOfTests"] = copies.size();
    cases += copies.size();
    doc["tests"] = std::move(copies);
    const fs::path dest = out / path.parent_path().filename() / path.filename();
    fs::create_directories(dest.parent_path());
    std::ofstream(dest) << doc.dump(1) << "\n";
  }
  return cases;
}

// replicate() in a child process. A forked child's ru_maxrss counts the pages
// it shares with its parent until exec (Linux keeps the old address space's peak
// across exec), so the parent must stay small: parsing and writing the k-times
// set in the bench process grew it to ~23 MiB at 32x, which then showed as every
// child's peak and hid the children's own (~12 MiB).
std::size_t replicate_apart(const fs::path& vectors, const fs::path& out, int k) {
  int pipe_fds[2];
  if (pipe(pipe_fds) != 0) die("pipe failed");
  const pid_t pid = fork();
  if (pid < 0) die("fork failed");
  if (pid == 0) {
    close(pipe_fds[0]);
    const std::size_t cases = replicate(vectors, out, k);
    const bool written = write(pipe_fds[1], &cases, sizeof cases) == sizeof cases;
    _exit(written ? 0 : 1);
  }
  close(pipe_fds[1]);
  std::size_t cases = 0;
  const bool got = read(pipe_fds[0], &cases, sizeof cases) == sizeof cases;
  close(pipe_fds[0]);
  int status = 0;
  if (waitpid(pid, &status, 0) != pid || !WIFEXITED(status) || WEXITSTATUS(status) != 0 || !got)
    die("writing the replicated vector set failed");
  return cases;
}

double median(std::vector<double> v) {
  std::sort(v.begin(), v.end());
  const std::size_t n = v.size();
  return n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
}

double field(const std::string& line, const std::string& key) {
  const auto at = line.find(key + "=");
  if (at == std::string::npos) die("child output lacks " + key + ": " + line);
  return std::strtod(line.c_str() + at + key.size() + 1, nullptr);
}

struct Row {
  int scale = 0;
  std::size_t cases = 0;
  double cli_cpu_s = 0, cli_wall_s = 0, cli_rss_mib = 0;
  double lib_load_s = 0, lib_run_s = 0, lib_cpu_s = 0, lib_rss_mib = 0;
};

}  // namespace

int main(int argc, char** argv) {
  std::vector<std::string> args(argv + 1, argv + argc);
  if (args.size() == 2 && args[0] == "--child") return run_child(args[1]);

  std::vector<int> scales = {1, 2, 4, 8, 16, 32};
  int repetitions = 3;
  std::string tokcheck = TOKCHECK_BENCH_TOKCHECK_PATH;
  fs::path vectors = TOKCHECK_DEFAULT_VECTORS_DIR;
  std::string json_path;
  for (std::size_t i = 0; i < args.size(); ++i) {
    if (i + 1 >= args.size()) die(args[i] + " needs a value");
    const std::string& v = args[++i];
    if (args[i - 1] == "--scales") {
      scales.clear();
      std::stringstream list(v);
      std::string item;
      while (std::getline(list, item, ',')) scales.push_back(std::stoi(item));
    } else if (args[i - 1] == "--repetitions") {
      repetitions = std::stoi(v);
    } else if (args[i - 1] == "--tokcheck") {
      tokcheck = v;
    } else if (args[i - 1] == "--vectors") {
      vectors = v;
    } else if (args[i - 1] == "--json") {
      json_path = v;
    } else {
      die("unknown option " + args[i - 1] +
          " (--scales 1,2,4 --repetitions N --tokcheck PATH --vectors DIR --json FILE)");
    }
  }
  if (scales.empty() || repetitions < 1) die("nothing to measure");
  if (tokcheck.empty() || !fs::exists(tokcheck)) die("tokcheck binary not found: --tokcheck PATH");
  const std::string self = fs::read_symlink("/proc/self/exe").string();

  const fs::path tmp =
      fs::temp_directory_path() / ("tokcheck-conformance-bench-" + std::to_string(getpid()));
  std::vector<Row> rows;
  for (const int k : scales) {
    const fs::path dir = tmp / ("x" + std::to_string(k));
    Row row;
    row.scale = k;
    row.cases = replicate_apart(vectors, dir, k);
    std::vector<double> cli_cpu, cli_wall, cli_rss, lib_load, lib_run, lib_cpu, lib_rss;
    for (int r = 0; r < repetitions; ++r) {
      // The two kinds alternate, so load on the machine moves both alike.
      const ChildResult cli = spawn({tokcheck, "conformance", "--vectors", dir.string()});
      if (cli.status != 0) die("tokcheck conformance exited " + std::to_string(cli.status));
      if (cli.out.find("conformance: " + std::to_string(row.cases) + " passed, 0 failed") ==
          std::string::npos) {
        die("tokcheck conformance did not pass all " + std::to_string(row.cases) + " cases:\n" +
            cli.out);
      }
      cli_cpu.push_back(cli.cpu_s);
      cli_wall.push_back(cli.wall_s);
      cli_rss.push_back(static_cast<double>(cli.max_rss_kib) / 1024.0);
      const ChildResult lib = spawn({self, "--child", dir.string()});
      if (lib.status != 0) die("child mode exited " + std::to_string(lib.status));
      if (static_cast<std::size_t>(field(lib.out, "cases")) != row.cases) die("case count differs");
      lib_load.push_back(field(lib.out, "load_s"));
      lib_run.push_back(field(lib.out, "run_s"));
      lib_cpu.push_back(lib.cpu_s);
      lib_rss.push_back(static_cast<double>(lib.max_rss_kib) / 1024.0);
    }
    fs::remove_all(dir);
    row.cli_cpu_s = median(cli_cpu);
    row.cli_wall_s = median(cli_wall);
    row.cli_rss_mib = median(cli_rss);
    row.lib_load_s = median(lib_load);
    row.lib_run_s = median(lib_run);
    row.lib_cpu_s = median(lib_cpu);
    row.lib_rss_mib = median(lib_rss);
    rows.push_back(row);
    std::cerr << "scale " << k << ": " << row.cases << " cases done\n";
  }
  fs::remove_all(tmp);

  std::printf(
      "| scale | cases | `tokcheck conformance` cases/s (CPU) | wall ms | peak RSS MiB | µs/case "
      "(CPU) | lib load ms | lib run ms | lib run µs/case | lib peak RSS MiB |\n"
      "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|\n");
  Json out = {{"repetitions", repetitions}, {"rows", Json::array()}};
  for (const Row& r : rows) {
    const double n = static_cast<double>(r.cases);
    std::printf("| %d× | %zu | %.0f | %.0f | %.1f | %.1f | %.0f | %.0f | %.1f | %.1f |\n", r.scale,
                r.cases, n / r.cli_cpu_s, r.cli_wall_s * 1e3, r.cli_rss_mib, r.cli_cpu_s * 1e6 / n,
                r.lib_load_s * 1e3, r.lib_run_s * 1e3, r.lib_run_s * 1e6 / n, r.lib_rss_mib);
    out["rows"].push_back({{"scale", r.scale},
                           {"cases", r.cases},
                           {"cli_cases_per_s_cpu", n / r.cli_cpu_s},
                           {"cli_cpu_s", r.cli_cpu_s},
                           {"cli_wall_s", r.cli_wall_s},
                           {"cli_peak_rss_mib", r.cli_rss_mib},
                           {"lib_load_s", r.lib_load_s},
                           {"lib_run_s", r.lib_run_s},
                           {"lib_cpu_s", r.lib_cpu_s},
                           {"lib_peak_rss_mib", r.lib_rss_mib}});
  }
  if (!json_path.empty()) std::ofstream(json_path) << out.dump(2) << "\n";
  return 0;
}
