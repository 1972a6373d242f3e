// Standalone replay driver: links in place of libFuzzer so every fuzz target is
// an ordinary test program under GCC, Clang, ASan/UBSan and NDEBUG alike.
//
// LLVM's StandaloneFuzzTargetMain.c accepts only files and checks with assert();
// this driver walks directories recursively (sorted, so runs are reproducible),
// reports what it replayed, and never depends on assert. A crash, sanitizer
// report or abort() in the target fails the process, and so the ctest test.
//
//   <target> [--mutate=N] [--max-len=N] PATH...   (files or directories)
//
// --mutate=N additionally runs the target's LLVMFuzzerCustomMutator N times on
// every input (seeds derived from the input's bytes) and executes each result, so the
// structure-aware mutators are exercised under GCC and ASan without libFuzzer.
// Arguments starting with '-' that it does not know (libFuzzer flags) are
// ignored, so scripts can call either kind of binary the same way.
#include <algorithm>
#include <chrono>
#include <csignal>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size);
extern "C" __attribute__((weak)) int LLVMFuzzerInitialize(int* argc, char*** argv);
// Sanitizer runtimes call this back before they report an error and exit.
extern "C" __attribute__((weak)) void __sanitizer_set_death_callback(void (*callback)(void));
extern "C" __attribute__((weak)) std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data,
                                                                     std::size_t size,
                                                                     std::size_t max_size,
                                                                     unsigned int seed);

namespace {

// xorshift32: a tiny deterministic generator for the stand-in LLVMFuzzerMutate.
struct Rng {
  std::uint32_t state;
  std::uint32_t next() {
    state ^= state << 13;
    state ^= state >> 17;
    state ^= state << 5;
    return state;
  }
  std::size_t below(std::size_t n) { return n == 0 ? 0 : next() % n; }
};

thread_local Rng g_mutate_rng{0x9e3779b9u};

// The input being executed, named when the target crashes so the failing file
// is known without rerunning (a sanitizer report or abort() ends the process).
const char* g_current_input = nullptr;
std::size_t g_current_round = 0;

void report_current_input() {
  if (g_current_input == nullptr) return;
  std::fprintf(stderr, "standalone driver: failed on %s (mutation round %zu)\n", g_current_input,
               g_current_round);
}

extern "C" void on_fatal_signal(int sig) {
  report_current_input();
  std::signal(sig, SIG_DFL);
  std::raise(sig);
}

// FNV-1a of an input: each file's mutation chain is seeded by its own bytes, so
// a regression file replays the same mutations whatever else is in the corpus
// (a seed from the file's position would change whenever the corpus does).
std::uint32_t content_seed(const std::vector<std::uint8_t>& data) {
  std::uint32_t h = 2166136261u;
  for (std::uint8_t b : data) h = (h ^ b) * 16777619u;
  return h;
}

bool read_file(const std::filesystem::path& path, std::vector<std::uint8_t>& out) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  out.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
  return !in.bad();
}

// Files under `root` (or `root` itself), skipping dot-files such as .gitkeep.
bool collect(const std::filesystem::path& root, std::vector<std::filesystem::path>& out) {
  std::error_code ec;
  if (std::filesystem::is_regular_file(root, ec)) {
    out.push_back(root);
    return true;
  }
  if (!std::filesystem::is_directory(root, ec)) return false;
  std::vector<std::filesystem::path> found;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (!it->is_regular_file(ec)) continue;
    const std::string name = it->path().filename().string();
    if (name.empty() || name[0] == '.' || name == "README.md") continue;
    found.push_back(it->path());
  }
  if (ec) return false;
  std::sort(found.begin(), found.end());
  out.insert(out.end(), found.begin(), found.end());
  return true;
}

bool parse_count(std::string_view arg, std::string_view flag, std::size_t& out) {
  if (!arg.starts_with(flag)) return false;
  out = std::strtoull(std::string(arg.substr(flag.size())).c_str(), nullptr, 10);
  return true;
}

}  // namespace

// GCC links UBSan as its own runtime, which never calls the death callback set
// above: make its reports abort, so on_fatal_signal names the failing input.
// (UBSAN_OPTIONS from the environment still applies on top of this.)
extern "C" const char* __ubsan_default_options() { return "abort_on_error=1"; }

// The engine's byte-level mutator, which custom mutators call to mutate a field.
// libFuzzer provides the real one; this stand-in flips, inserts, erases or
// overwrites a byte, enough to drive the custom mutators' code paths in replay.
extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size,
                                        std::size_t max_size) {
  Rng& rng = g_mutate_rng;
  switch (rng.below(4)) {
    case 0:
      if (size > 0) data[rng.below(size)] ^= static_cast<std::uint8_t>(1u << rng.below(8));
      return size;
    case 1:
      if (size < max_size) {
        const std::size_t at = rng.below(size + 1);
        std::memmove(data + at + 1, data + at, size - at);
        data[at] = static_cast<std::uint8_t>(rng.next());
        return size + 1;
      }
      return size;
    case 2:
      if (size > 0) {
        const std::size_t at = rng.below(size);
        std::memmove(data + at, data + at + 1, size - at - 1);
        return size - 1;
      }
      return size;
    default:
      if (size > 0) data[rng.below(size)] = static_cast<std::uint8_t>(rng.next());
      return size;
  }
}

int main(int argc, char** argv) {
  if (__sanitizer_set_death_callback) __sanitizer_set_death_callback(report_current_input);
  std::signal(SIGABRT, on_fatal_signal);
  std::signal(SIGSEGV, on_fatal_signal);
  if (LLVMFuzzerInitialize) LLVMFuzzerInitialize(&argc, &argv);
  std::size_t mutate_rounds = 0;
  std::size_t max_len = 1 << 20;
  std::vector<std::filesystem::path> inputs;
  std::size_t roots = 0;
  for (int i = 1; i < argc; ++i) {
    const std::string_view arg = argv[i];
    if (parse_count(arg, "--mutate=", mutate_rounds) || parse_count(arg, "--max-len=", max_len)) {
      continue;
    }
    if (arg.starts_with("-")) continue;  // a libFuzzer flag: meaningless here
    ++roots;
    if (!collect(argv[i], inputs)) {
      std::fprintf(stderr, "standalone driver: cannot read %s\n", argv[i]);
      return 2;
    }
  }
  if (roots == 0) {
    std::fprintf(stderr, "usage: %s [--mutate=N] [--max-len=N] FILE_OR_DIR...\n", argv[0]);
    return 2;
  }
  if (inputs.empty()) {
    // A replay that runs nothing would pass without testing anything.
    std::fprintf(stderr, "standalone driver: no inputs found\n");
    return 1;
  }
  if (mutate_rounds > 0 && !LLVMFuzzerCustomMutator) mutate_rounds = 0;

  const auto start = std::chrono::steady_clock::now();
  std::size_t executions = 0;
  std::vector<std::uint8_t> data;
  std::vector<std::uint8_t> work;
  for (std::size_t index = 0; index < inputs.size(); ++index) {
    if (!read_file(inputs[index], data)) {
      std::fprintf(stderr, "standalone driver: cannot read %s\n", inputs[index].c_str());
      return 2;
    }
    if (data.size() > max_len) data.resize(max_len);
    g_current_input = inputs[index].c_str();
    g_current_round = 0;
    // Copy into an exactly sized heap buffer so ASan sees any overread.
    {
      std::vector<std::uint8_t> exact(data);
      LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
      ++executions;
    }
    // A chain of mutations from this input, as a fuzzer would walk it.
    const std::uint32_t first_seed = content_seed(data);
    std::size_t size = data.size();
    work.assign(data.begin(), data.end());
    for (std::size_t round = 0; round < mutate_rounds; ++round) {
      const std::size_t capacity = std::max<std::size_t>(size * 2, 4096);
      work.resize(capacity);
      const auto seed = static_cast<unsigned>(first_seed + round * 104729u);
      g_mutate_rng.state = seed | 1u;
      g_current_round = round + 1;
      size = LLVMFuzzerCustomMutator(work.data(), size, capacity, seed);
      if (size > capacity) {
        std::fprintf(stderr, "standalone driver: custom mutator returned %zu > %zu\n", size,
                     capacity);
        std::abort();
      }
      std::vector<std::uint8_t> exact(work.begin(),
                                      work.begin() + static_cast<std::ptrdiff_t>(size));
      LLVMFuzzerTestOneInput(exact.empty() ? nullptr : exact.data(), exact.size());
      ++executions;
    }
  }
  const double seconds =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  std::printf("standalone driver: %zu inputs from %zu paths, %zu executions in %.2f s\n",
              inputs.size(), roots, executions, seconds);
  return 0;
}
