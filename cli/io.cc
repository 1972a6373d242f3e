#include "cli/io.h"

#include <chrono>
#include <ctime>
#include <iostream>
#include <iterator>

#include "cli/text_escape.h"
#include "reference/schemes/registry.h"

namespace tokcheck::cli {

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
  if (unix_seconds == now) return "now";
  const bool future = unix_seconds > now;
  // |unix_seconds - now| < 2^64 always; unsigned wrap-around gives it exactly.
  std::uint64_t d =
      future ? static_cast<std::uint64_t>(unix_seconds) - static_cast<std::uint64_t>(now)
             : static_cast<std::uint64_t>(now) - static_cast<std::uint64_t>(unix_seconds);
  struct Unit {
    std::uint64_t seconds;
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

std::string format_offset(std::int64_t at, std::int64_t start) {
  return at >= start ? "+" + std::to_string(static_cast<std::uint64_t>(at) -
                                            static_cast<std::uint64_t>(start))
                     : "-" + std::to_string(static_cast<std::uint64_t>(start) -
                                            static_cast<std::uint64_t>(at));
}

std::string read_token_stdin() {
  std::string text((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  if (text.ends_with("\r\n")) {
    text.resize(text.size() - 2);
  } else if (text.ends_with('\n')) {
    text.pop_back();
  }
  return text;
}

std::string known_scheme_list() {
  std::string known;
  for (const schemes::Scheme* s : schemes::all_schemes()) {
    known += (known.empty() ? "" : ", ") + std::string(s->id());
  }
  return known;
}

const schemes::Scheme& pick_scheme(const std::string& id, const std::string& token) {
  if (!id.empty()) {
    if (const schemes::Scheme* s = schemes::find_scheme(id)) return *s;
  } else if (const schemes::Scheme* s = schemes::detect_scheme(token)) {
    return *s;
  }
  const std::string known = known_scheme_list();
  throw schemes::UsageError(id.empty() ? "not a token of any known scheme (" + known + ")"
                                       : "unknown scheme \"" + printable(id) +
                                             "\" (known: " + known + ")");
}

}  // namespace tokcheck::cli
