// A deliberately misbehaving implementation of docs/PROTOCOL.md, for the
// runner's own tests (conformance/lib/process_implementation_test.cc and the
// `runner` ctest tests). It answers hello, then misbehaves in one way chosen by
// --mode: on every request, on those after the first --after N, or with
// --only-marked only on requests containing "misbehave". Requests it does not
// misbehave on get {"id": ..., "unsupported": true}.
//
// It insists on hello first (exit 5 otherwise), which shows that a restarted
// implementation was greeted again. --pidfile FILE appends the pid of every
// process it starts (the grandchild of --mode orphan included), so tests can
// check that none is left.
#include <signal.h>
#include <unistd.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <iostream>
#include <string>
#include <thread>

namespace {

struct Options {
  std::string mode = "ok";
  int after = 0;
  bool only_marked = false;
  std::string pidfile;
  long flood_mb = 100;
  std::string declare = "agora-006:parse";  // scheme:op, the one pair the hello declares
};

void out(const std::string& s) {
  std::fwrite(s.data(), 1, s.size(), stdout);
  std::fflush(stdout);
}

void note_pid(const Options& o, pid_t pid) {
  if (o.pidfile.empty()) return;
  if (FILE* f = std::fopen(o.pidfile.c_str(), "a")) {
    std::fprintf(f, "%d\n", static_cast<int>(pid));
    std::fclose(f);
  }
}

// Ids are strings without quotes in every request tokcheck sends.
std::string id_of(const std::string& line) {
  const auto at = line.find("\"id\":\"");
  if (at == std::string::npos) return "\"?\"";
  const auto end = line.find('"', at + 6);
  return line.substr(at + 5, end - at - 4);
}

std::string answer(const std::string& id) { return "{\"id\":" + id + ",\"unsupported\":true}\n"; }

std::string hello(const Options& o) {
  const auto colon = o.declare.find(':');
  return "{\"id\":\"hello\",\"protocol\":1,\"implementation\":{\"name\":\"misbehave\"},"
         "\"supports\":{\"" +
         o.declare.substr(0, colon) + "\":[\"" + o.declare.substr(colon + 1) + "\"]}}\n";
}

[[noreturn]] void sleep_forever() {
  for (;;) std::this_thread::sleep_for(std::chrono::hours(1));
}

// Misbehaves on one request; returns only when the request was answered.
void misbehave(const Options& o, const std::string& id) {
  const std::string& m = o.mode;
  if (m == "garbage") return out("this is not json\n");
  if (m == "wrong-id") return out(answer("\"not-" + id.substr(1)));
  if (m == "duplicate") return out(answer(id) + answer(id));
  if (m == "silent") sleep_forever();
  if (m == "crash") kill(getpid(), SIGKILL);
  if (m == "huge-line")
    return out("{\"id\":" + id + ",\"pad\":\"" + std::string(2 << 20, 'x') + "\"}\n");
  if (m == "partial-exit") {
    out("{\"id\":" + id + ",\"resu");
    std::exit(4);
  }
  if (m == "stderr-flood") {
    const std::string block(1 << 20, 'E');
    for (long i = 0; i < o.flood_mb; ++i) std::fwrite(block.data(), 1, block.size(), stderr);
    std::fputs("\nend of flood\n", stderr);
    return out(answer(id));
  }
  if (m == "orphan") {
    const pid_t child = fork();
    if (child == 0) {
      note_pid(o, getpid());
      sleep_forever();  // holds stdout and stderr open after its parent is gone
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    std::exit(7);
  }
  if (m == "slow") {
    std::this_thread::sleep_for(std::chrono::milliseconds(100));
    return out(answer(id));
  }
  std::fprintf(stderr, "misbehave: unknown --mode %s\n", m.c_str());
  std::exit(2);
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  for (int i = 1; i < argc; ++i) {
    const std::string a = argv[i];
    auto next = [&] { return i + 1 < argc ? std::string(argv[++i]) : std::string(); };
    if (a == "--mode")
      o.mode = next();
    else if (a == "--after")
      o.after = std::atoi(next().c_str());
    else if (a == "--only-marked")
      o.only_marked = true;
    else if (a == "--pidfile")
      o.pidfile = next();
    else if (a == "--flood-mb")
      o.flood_mb = std::atol(next().c_str());
    else if (a == "--declare")
      o.declare = next();
  }
  note_pid(o, getpid());
  if (o.mode == "exit-at-once") return 3;
  if (o.mode == "banner") out("misbehave 1.0 starting\n");
  if (o.mode == "no-read") {
    out(hello(o));  // answers hello unasked, then never reads stdin
    sleep_forever();
  }
  std::string line;
  if (!std::getline(std::cin, line)) return 0;
  if (line.find("\"op\":\"hello\"") == std::string::npos) {
    std::fputs("misbehave: a request before hello\n", stderr);
    return 5;
  }
  out(hello(o));
  for (int n = 0; std::getline(std::cin, line); ++n) {
    const std::string id = id_of(line);
    std::fprintf(stderr, "misbehave: request %d\n", n + 1);
    const bool marked = line.find("misbehave") != std::string::npos;
    if (n >= o.after && (!o.only_marked || marked)) {
      misbehave(o, id);
    } else {
      out(answer(id));
    }
  }
  return 0;
}
