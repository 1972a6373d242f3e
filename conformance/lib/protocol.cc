#include "conformance/lib/protocol.h"

#include "conformance/lib/operation.h"

namespace tokcheck::conformance {
namespace {

Failure protocol_error(std::string message) { return {Status::kProtocolError, std::move(message)}; }

std::string excerpt(std::string_view line) {
  constexpr std::size_t kShown = 200;
  std::string out(line.substr(0, kShown));
  for (char& c : out) {
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '?';
  }
  return line.size() > kShown ? out + "... (" + std::to_string(line.size()) + " bytes)" : out;
}

}  // namespace

std::string_view tool_version() { return TOKCHECK_VERSION; }

Json make_hello_request() {
  return {{"id", "hello"},
          {"op", "hello"},
          {"protocol", kProtocolVersion},
          {"tool", "tokcheck"},
          {"version", tool_version()}};
}

std::variant<Hello, Failure> read_hello(const Json& answer, std::string& warning) {
  if (!answer.is_object()) return protocol_error("the hello answer is not a JSON object");
  if (!answer.contains("protocol")) {
    if (answer.contains("unsupported") || answer.contains("usage_error")) {
      warning =
          "the implementation does not know the hello exchange: running it under protocol v0, "
          "which is deprecated and will be removed in the next release (docs/PROTOCOL.md)";
      Hello legacy;
      legacy.warning = warning;
      return legacy;
    }
    return protocol_error("the hello answer has no \"protocol\" member");
  }
  if (answer.value("id", Json()) != "hello")
    return protocol_error("the hello answer does not echo \"id\": \"hello\"");
  const Json& protocol = answer["protocol"];
  if (!protocol.is_number_integer() || protocol.get<long long>() != kProtocolVersion) {
    return protocol_error("the implementation speaks protocol " + protocol.dump() +
                          "; this tokcheck speaks protocol " + std::to_string(kProtocolVersion));
  }
  Hello hello;
  hello.protocol = kProtocolVersion;
  hello.raw = answer;
  const Json implementation = answer.value("implementation", Json::object());
  if (!implementation.is_object() || !implementation.contains("name") ||
      !implementation["name"].is_string()) {
    return protocol_error("the hello answer needs \"implementation\": {\"name\": ...}");
  }
  hello.name = implementation["name"].get<std::string>();
  if (implementation.contains("version") && implementation["version"].is_string())
    hello.version = implementation["version"].get<std::string>();
  const Json& supports = answer.value("supports", Json());
  if (!supports.is_object())
    return protocol_error("the hello answer needs \"supports\": {\"<scheme>\": [\"<op>\", ...]}");
  for (auto it = supports.begin(); it != supports.end(); ++it) {
    if (!it.value().is_array())
      return protocol_error("\"supports\"." + it.key() + " must be an array of operations");
    for (const Json& op : it.value()) {
      if (!op.is_string() || !operation_from_string(op.get<std::string>())) {
        return protocol_error("\"supports\"." + it.key() + " names an unknown operation " +
                              op.dump());
      }
      hello.supports.insert({it.key(), op.get<std::string>()});
    }
  }
  return hello;
}

std::variant<Json, Failure> read_answer(const Json& request, std::string_view line, int protocol) {
  Json response = Json::parse(line, nullptr, false);
  if (response.is_discarded() || !response.is_object())
    return protocol_error("not a JSON object: " + excerpt(line));
  const Json& want = request["id"];
  if (!response.contains("id")) {
    if (protocol >= 1) return protocol_error("the answer does not echo \"id\" " + want.dump());
  } else if (response["id"] != want) {
    return protocol_error("the answer's id " + excerpt(response["id"].dump()) +
                          " is not the request's " + want.dump() +
                          " (a stray or duplicate line shifts every later answer)");
  }
  return response;
}

}  // namespace tokcheck::conformance
