#include "cli/io.h"

#include <chrono>
#include <ctime>
#include <fstream>
#include <iostream>
#include <sstream>

#include "reference/schemes/registry.h"

namespace tokcheck::cli {

Json read_json_arg(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path);
    if (!in) throw schemes::UsageError("cannot read " + path);
    text << in.rdbuf();
  }
  Json doc = Json::parse(text.str(), nullptr, false);
  if (doc.is_discarded()) {
    throw schemes::UsageError((path == "-" ? std::string("standard input") : path) +
                              " is not valid JSON");
  }
  if (!doc.is_object()) throw schemes::UsageError("the JSON input must be an object");
  return doc;
}

std::int64_t unix_now() {
  return std::chrono::duration_cast<std::chrono::seconds>(
             std::chrono::system_clock::now().time_since_epoch())
      .count();
}

std::string format_utc(std::int64_t unix_seconds) {
  const std::time_t t = static_cast<std::time_t>(unix_seconds);
  std::tm tm{};
  if (!gmtime_r(&t, &tm)) return "(out of range)";
  char buf[64];
  std::strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S UTC", &tm);
  return buf;
}

std::string format_relative(std::int64_t unix_seconds, std::int64_t now) {
  std::int64_t d = unix_seconds - now;
  if (d == 0) return "now";
  const bool future = d > 0;
  if (d < 0) d = -d;
  struct Unit {
    std::int64_t seconds;
    const char* name;
  };
  constexpr Unit kUnits[] = {{365 * 86400, "y"}, {86400, "d"}, {3600, "h"}, {60, "m"}, {1, "s"}};
  std::string out;
  int parts = 0;
  for (const Unit& u : kUnits) {
    if (d >= u.seconds && parts < 2) {
      out += (out.empty() ? "" : " ") + std::to_string(d / u.seconds) + u.name;
      d %= u.seconds;
      ++parts;
    }
  }
  return future ? "in " + out : out + " ago";
}

const schemes::Scheme& pick_scheme(const std::string& id, const std::string& token) {
  if (!id.empty()) {
    if (const schemes::Scheme* s = schemes::find_scheme(id)) return *s;
  } else if (const schemes::Scheme* s = schemes::detect_scheme(token)) {
    return *s;
  }
  std::string known;
  for (const schemes::Scheme* s : schemes::all_schemes()) {
    known += (known.empty() ? "" : ", ") + std::string(s->id());
  }
  throw schemes::UsageError(id.empty() ? "not a token of any known scheme (" + known + ")"
                                       : "unknown scheme \"" + id + "\" (known: " + known + ")");
}

}  // namespace tokcheck::cli
