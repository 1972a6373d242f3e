#include "cli/now_arg.h"

#include <charconv>

#include "cli/io.h"
#include "cli/text_escape.h"

namespace tokcheck::cli {
namespace {

[[noreturn]] void out_of_range(const std::string& what) {
  throw schemes::UsageError(what + " must be unix seconds in [" + std::to_string(kNowMin) + ", " +
                            std::to_string(kNowMax) + "] (0 is 1970-01-01T00:00:00Z)");
}

}  // namespace

std::int64_t parse_now_arg(const std::string& text) {
  std::int64_t n = 0;
  const char* end = text.data() + text.size();
  const auto [ptr, ec] = std::from_chars(text.data(), end, n);
  if (text.empty() || ptr != end || (ec != std::errc() && ec != std::errc::result_out_of_range)) {
    throw schemes::UsageError("--now \"" + printable(text) + "\" is not an integer");
  }
  if (ec == std::errc::result_out_of_range || n < kNowMin || n > kNowMax) out_of_range("--now");
  return n;
}

std::int64_t resolve_now(const std::optional<std::string>& arg, const schemes::Json* request) {
  std::optional<std::int64_t> from_request;
  if (request && request->contains("now")) {
    const schemes::Json& v = (*request)["now"];
    if (!v.is_number_integer()) {
      throw schemes::UsageError("field \"now\" must be an integer (unix seconds)");
    }
    if (v.is_number_unsigned()
            ? v.get<std::uint64_t>() > static_cast<std::uint64_t>(kNowMax)
            : (v.get<std::int64_t>() < kNowMin || v.get<std::int64_t>() > kNowMax)) {
      out_of_range("field \"now\"");
    }
    from_request = v.get<std::int64_t>();
  }
  if (arg) {
    const std::int64_t n = parse_now_arg(*arg);
    if (from_request && *from_request != n) {
      throw schemes::UsageError("--now " + std::to_string(n) + " and the request's \"now\": " +
                                std::to_string(*from_request) + " disagree; give one");
    }
    return n;
  }
  return from_request.value_or(unix_now());
}

}  // namespace tokcheck::cli
