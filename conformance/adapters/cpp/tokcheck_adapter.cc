#include "tokcheck_adapter.h"

#include <algorithm>
#include <array>
#include <exception>
#include <iostream>
#include <stdexcept>

namespace tokcheck_adapter {
namespace {

constexpr std::array<std::string_view, 4> kOperations = {"build", "parse", "verify", "scenario"};

Json usage_error(Json id, std::string message) {
  return {{"id", std::move(id)}, {"usage_error", std::move(message)}};
}

}  // namespace

void Adapter::add(const std::string& scheme, const std::string& op, Handler handler) {
  if (std::find(kOperations.begin(), kOperations.end(), op) == kOperations.end())
    throw std::invalid_argument("unknown operation " + op);
  handlers_[{scheme, op}] = std::move(handler);
}

Json Adapter::hello() const {
  Json supports = Json::object();
  for (const auto& [pair, handler] : handlers_) supports[pair.first].push_back(pair.second);
  Json implementation = {{"name", name_}};
  if (version_) implementation["version"] = *version_;
  return {{"id", "hello"},
          {"protocol", 1},
          {"implementation", std::move(implementation)},
          {"supports", std::move(supports)}};
}

Json Adapter::answer(const std::string& line) const {
  // parse(..., allow_exceptions = false): bad input is an answer, not a crash.
  const Json request = Json::parse(line, nullptr, false);
  if (request.is_discarded()) return usage_error(nullptr, "not JSON");
  if (!request.is_object()) return usage_error(nullptr, "each line must be one JSON object");
  const Json id = request.value("id", Json());  // echoed verbatim, whatever its type
  const Json& op = request.contains("op") ? request["op"] : Json();
  if (op == "hello") {
    Json hello_answer = hello();
    hello_answer["id"] = id;
    return hello_answer;
  }
  if (!op.is_string() || std::find(kOperations.begin(), kOperations.end(),
                                   op.get_ref<const std::string&>()) == kOperations.end())
    return usage_error(id, "unknown op " + op.dump());
  if (!request.contains("input")) return usage_error(id, "a request needs \"input\"");
  const std::string scheme = request.contains("scheme") && request["scheme"].is_string()
                                 ? request["scheme"].get<std::string>()
                                 : "";
  const auto it = handlers_.find({scheme, op.get<std::string>()});
  // Never sent under v1 (the hello did not declare it); honest if it is.
  if (it == handlers_.end()) return {{"id", id}, {"unsupported", true}};
  try {
    Json result = it->second(scheme, request["input"]);
    if (!result.is_object()) throw std::runtime_error("handler did not return an object");
    result["id"] = id;  // the loop owns the id: a handler cannot get it wrong
    return result;
  } catch (const std::exception& e) {  // a handler bug must not kill the loop
    std::cerr << scheme << "/" << op.get<std::string>() << " " << id.dump() << ": " << e.what()
              << "\n";
    return usage_error(id, e.what());
  } catch (...) {
    return usage_error(id, "handler threw a non-standard exception");
  }
}

int Adapter::serve(std::istream& in, std::ostream& out) const {
  std::string line;
  // One request at a time: tokcheck sends the next line only after it has read
  // our answer to this one.
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.find_first_not_of(" \t") == std::string::npos) continue;
    // error_handler_t::replace: a handler's invalid UTF-8 becomes U+FFFD
    // rather than an exception out of dump().
    out << answer(line).dump(-1, ' ', false, Json::error_handler_t::replace) << '\n' << std::flush;
  }
  return 0;  // end of input: tokcheck is done with us
}

}  // namespace tokcheck_adapter
