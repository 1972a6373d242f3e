// The in-process reference behind the protocol: every request goes through the
// same scheme adapters the CLI uses, so the suite tests exactly what users run.
#include "conformance/lib/implementation.h"
#include "conformance/lib/scenario_hook.h"
#include "reference/schemes/registry.h"

namespace tokcheck::conformance {
namespace {

class ReferenceImplementation final : public Implementation {
 public:
  std::string name() const override { return "tokcheck-reference"; }
  std::optional<Json> handle(const Json& request, std::string&) override {
    return reference_response(request);
  }
};

}  // namespace

Json reference_response(const Json& request) {
  Json response = Json::object();
  response["id"] = request.contains("id") ? request["id"] : Json(nullptr);
  if (!request.is_object() || !request.contains("op") || !request["op"].is_string() ||
      !request.contains("input")) {
    response["usage_error"] = "a request needs \"op\" and \"input\"";
    return response;
  }
  const std::string op = request["op"].get<std::string>();
  const Json& input = request["input"];
  try {
    if (op == "scenario") {
      response["outputs"] = run_scenario(input).at("outputs");
      return response;
    }
    const std::string scheme_id = request.contains("scheme") && request["scheme"].is_string()
                                      ? request["scheme"].get<std::string>()
                                      : "";
    const schemes::Scheme* scheme = schemes::find_scheme(scheme_id);
    if (!scheme) {
      response["unsupported"] = true;
      return response;
    }
    if (op == "build") {
      const schemes::BuildOutcome out = scheme->build(input);
      if (out.error.is_null()) {
        response["token"] = out.token;
      } else {
        response["error"] = out.error;
      }
    } else if (op == "parse") {
      const Json parsed = schemes::parse_to_json(*scheme, scheme->parse(input));
      response.update(parsed);
    } else if (op == "verify") {
      const Json verdict = schemes::verdict_to_json(*scheme, scheme->verify(input));
      response.update(verdict);
    } else {
      response["unsupported"] = true;
    }
  } catch (const schemes::UsageError& e) {
    response["usage_error"] = e.what();
  } catch (const nlohmann::json::exception& e) {
    response["usage_error"] = std::string("bad JSON field: ") + e.what();
  }
  return response;
}

std::unique_ptr<Implementation> make_reference_implementation() {
  return std::make_unique<ReferenceImplementation>();
}

}  // namespace tokcheck::conformance
