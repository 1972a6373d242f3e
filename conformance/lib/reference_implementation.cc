// The in-process reference behind the protocol: every request goes through the
// same scheme adapters the CLI uses, so the suite tests exactly what users run.
#include <chrono>

#include "conformance/lib/implementation.h"
#include "conformance/lib/operation.h"
#include "conformance/lib/protocol.h"
#include "conformance/lib/scenario_hook.h"
#include "reference/lifecycle/simulate.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"

namespace tokcheck::conformance {
namespace {

class ReferenceImplementation final : public Implementation {
 public:
  std::string name() const override { return "tokcheck-reference"; }

  std::variant<Hello, Failure> hello() override {
    std::string warning;
    return read_hello(reference_hello(), warning);
  }

  Exchange handle(const Json& request) override {
    const auto start = std::chrono::steady_clock::now();
    Exchange x{reference_response(request), "", {}};
    x.duration = std::chrono::duration_cast<std::chrono::microseconds>(
        std::chrono::steady_clock::now() - start);
    return x;
  }
};

Json usage_error(Json id, std::string message) {
  return {{"id", std::move(id)}, {"usage_error", std::move(message)}};
}

}  // namespace

Json reference_hello() {
  Json supports = Json::object();
  for (const schemes::Scheme* scheme : schemes::all_schemes()) {
    supports[std::string(scheme->id())] = {"build", "parse", "verify"};
  }
  for (std::string_view vendor : lifecycle::lifecycle_vendors()) {
    supports["lifecycle-" + std::string(vendor)] = {"scenario"};
  }
  return {{"id", "hello"},
          {"protocol", kProtocolVersion},
          {"implementation", {{"name", "tokcheck-reference"}, {"version", tool_version()}}},
          {"supports", std::move(supports)}};
}

Json reference_response(const Json& request) {
  const Json id = request.is_object() && request.contains("id") ? request["id"] : Json(nullptr);
  if (!request.is_object() || !request.contains("op") || !request["op"].is_string())
    return usage_error(id, "a request needs \"op\"");
  const std::string op_name = request["op"].get<std::string>();
  if (op_name == "hello") {
    Json hello = reference_hello();  // our protocol version, whatever was asked
    hello["id"] = id;
    return hello;
  }
  const auto op = operation_from_string(op_name);
  if (!op) return usage_error(id, "unknown op \"" + op_name + "\"");
  if (!request.contains("input")) return usage_error(id, "a request needs \"input\"");
  Json response = Json::object();
  response["id"] = id;
  const Json& input = request["input"];
  try {
    const std::string scheme_id = request.contains("scheme") && request["scheme"].is_string()
                                      ? request["scheme"].get<std::string>()
                                      : "";
    if (*op == Operation::kScenario) {
      // Only the pairs the hello declares are answered, scenarios included.
      // Built once: rebuilding the hello per scenario case was ~2% of a run.
      static const Json supports = reference_hello()["supports"];
      if (!supports.contains(scheme_id)) {
        response["unsupported"] = true;
        return response;
      }
      response["outputs"] = run_scenario(input).at("outputs");
      return response;
    }
    const schemes::Scheme* scheme = schemes::find_scheme(scheme_id);
    if (!scheme) {
      response["unsupported"] = true;
      return response;
    }
    // A key the scheme does not read, or a value of the wrong type, is the
    // caller's mistake, as in `tokcheck build` / `verify`: answered as a usage
    // error, never silently ignored. A missing field is the scheme's to judge.
    const schemes::RequestKind kind = *op == Operation::kBuild   ? schemes::RequestKind::kBuild
                                      : *op == Operation::kParse ? schemes::RequestKind::kParse
                                                                 : schemes::RequestKind::kVerify;
    if (const auto problems = schemes::request_problems(input, *scheme, kind,
                                                        schemes::RequiredFields::kLeaveToScheme);
        !problems.empty()) {
      std::string text = "the input cannot be used:";
      for (const std::string& p : problems) text += " " + p + ";";
      text.pop_back();
      return usage_error(id, text);
    }
    switch (*op) {
      case Operation::kBuild: {
        const schemes::BuildOutcome out = scheme->build(input);
        if (out.error.is_null()) {
          response["token"] = out.token;
        } else {
          response["error"] = out.error;
        }
        break;
      }
      case Operation::kParse:
        response.update(schemes::parse_to_json(*scheme, scheme->parse(input)));
        break;
      case Operation::kVerify:
        response.update(schemes::verdict_to_json(*scheme, scheme->verify(input)));
        break;
      case Operation::kScenario:
        break;
    }
  } catch (const schemes::UsageError& e) {
    return usage_error(id, e.what());
  } catch (const nlohmann::json::exception& e) {
    return usage_error(id, std::string("bad JSON field: ") + e.what());
  }
  return response;
}

std::unique_ptr<Implementation> make_reference_implementation() {
  return std::make_unique<ReferenceImplementation>();
}

}  // namespace tokcheck::conformance
