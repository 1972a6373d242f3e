// The tokcheck runner protocol, version 1 (docs/PROTOCOL.md), as a loop you
// copy: this header and tokcheck_adapter.cc need only C++20 and nlohmann-json.
//
//   tokcheck_adapter::Adapter adapter("my-gateway", "3.4.1");
//   adapter.add("agora-007", "verify", [](const std::string& scheme, const Json& input) {
//     return Json{{"condition", my_lib::verify(input.at("token").get<std::string>(), ...)}};
//   });
//   return adapter.serve(std::cin, std::cout);  // returns 0 at end of input
//
// A handler gets (scheme, input) -- input is the vector's "input" verbatim --
// and returns the answer object WITHOUT "id" (the loop adds it). Throwing any
// exception answers {"id": ..., "usage_error": "<what()>"}: use it for "I
// cannot read this request", not for a token you reject (that is an answer).
#pragma once

#include <functional>
#include <iosfwd>
#include <map>
#include <optional>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

namespace tokcheck_adapter {

// ordered_json keeps members in the order they came: logs and answers read
// like the vectors. (tokcheck compares objects by content, so either works.)
using Json = nlohmann::ordered_json;
using Handler = std::function<Json(const std::string& scheme, const Json& input)>;

class Adapter {
 public:
  Adapter(std::string name, std::optional<std::string> version)
      : name_(std::move(name)), version_(std::move(version)) {}

  // op is "build", "parse", "verify" or "scenario" (throws std::invalid_argument otherwise).
  void add(const std::string& scheme, const std::string& op, Handler handler);

  // {"id":"hello","protocol":1,"implementation":{...},"supports":{...}}: exactly
  // the registered pairs. Under v1 only these are sent; the rest are reported
  // NOT_DECLARED (skipped, not failed).
  Json hello() const;

  // One request line in, one answer object out. Never throws.
  Json answer(const std::string& line) const;

  // Reads requests until end of input, writes one answer line each, flushed.
  // Only protocol lines go to `out`; logs go to std::cerr.
  int serve(std::istream& in, std::ostream& out) const;

 private:
  std::string name_;
  std::optional<std::string> version_;
  std::map<std::pair<std::string, std::string>, Handler> handlers_;  // (scheme, op)
};

}  // namespace tokcheck_adapter
