#include "conformance/lib/evaluate.h"

namespace tokcheck::conformance {
namespace {

std::string show(const Json& v) {
  std::string s = v.dump();
  return s.size() > 400 ? s.substr(0, 400) + "..." : s;
}

std::string diff(std::string_view what, const Json& expected, const Json& actual) {
  return std::string(what) + ": expected " + show(expected) + ", got " + show(actual);
}

Json value_or_null(const Json& obj, const char* key) {
  return obj.is_object() && obj.contains(key) ? obj[key] : Json(nullptr);
}

CaseResult judge_build(const VectorCase& c, const Json& r) {
  const Json& e = c.expected;
  const bool produced = r.contains("token") && r["token"].is_string();
  if (e.contains("token")) {
    if (!produced) return {Status::kShouldHavePassed, diff("build", value_or_null(e, "token"), r)};
    if (r["token"] != value_or_null(e, "token"))
      return {Status::kWrongOutput, diff("token", value_or_null(e, "token"), r["token"])};
    return {};
  }
  if (produced)
    return {Status::kShouldHaveFailed, diff("build error", value_or_null(e, "error"), r["token"])};
  const Json code = value_or_null(value_or_null(r, "error"), "code");
  if (code != value_or_null(value_or_null(e, "error"), "code"))
    return {Status::kNonStrict,
            diff("error code", value_or_null(value_or_null(e, "error"), "code"), code)};
  return {};
}

CaseResult judge_parse(const VectorCase& c, const Json& r) {
  const Json& e = c.expected;
  const bool ok = r.contains("ok") && r["ok"] == true;
  if (e.value("ok", false)) {
    if (!ok) return {Status::kShouldHavePassed, diff("parse", e, r)};
    if (e.contains("fields") && value_or_null(r, "fields") != value_or_null(e, "fields")) {
      return {Status::kWrongOutput,
              diff("fields", value_or_null(e, "fields"), value_or_null(r, "fields"))};
    }
    return {};
  }
  if (ok) return {Status::kShouldHaveFailed, diff("parse", e, r)};
  if (value_or_null(r, "condition") != value_or_null(e, "condition")) {
    return {Status::kNonStrict,
            diff("condition", value_or_null(e, "condition"), value_or_null(r, "condition"))};
  }
  if (e.contains("malformation") &&
      value_or_null(r, "malformation") != value_or_null(e, "malformation")) {
    return {Status::kNonStrict, diff("malformation", value_or_null(e, "malformation"),
                                     value_or_null(r, "malformation"))};
  }
  return {};
}

// Vendor codes are compared as {platform, code, name} lists, in order.
Json strip_codes(const Json& codes) {
  Json out = Json::array();
  if (!codes.is_array()) return out;
  for (const Json& c : codes) {
    out.push_back({{"platform", value_or_null(c, "platform")},
                   {"code", value_or_null(c, "code")},
                   {"name", value_or_null(c, "name")}});
  }
  return out;
}

CaseResult judge_verify(const VectorCase& c, const Json& r) {
  const Json& e = c.expected;
  const Json want = value_or_null(e, "condition");
  const Json got = value_or_null(r, "condition");
  const bool want_valid = want == "valid";
  const bool got_valid = got == "valid";
  if (want_valid && !got_valid) return {Status::kShouldHavePassed, diff("condition", want, got)};
  if (!want_valid && got_valid) return {Status::kShouldHaveFailed, diff("condition", want, got)};
  if (want != got) return {Status::kNonStrict, diff("condition", want, got)};
  for (const char* key : {"malformation", "privilege"}) {
    if (e.contains(key) && value_or_null(r, key) != value_or_null(e, key)) {
      return {Status::kNonStrict, diff(key, value_or_null(e, key), value_or_null(r, key))};
    }
  }
  // An implementation that reports no vendor codes is not judged on them.
  if (e.contains("vendor_codes") && r.contains("vendor_codes") &&
      strip_codes(r["vendor_codes"]) != strip_codes(value_or_null(e, "vendor_codes"))) {
    return {Status::kWrongCode, diff("vendor_codes", strip_codes(value_or_null(e, "vendor_codes")),
                                     strip_codes(r["vendor_codes"]))};
  }
  return {};
}

CaseResult judge_scenario(const VectorCase& c, const Json& r) {
  const Json want = value_or_null(c.expected, "outputs");
  const Json got = value_or_null(r, "outputs");
  if (want != got) {
    // Name the first output that differs, which is what a person needs.
    if (want.is_array() && got.is_array()) {
      for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
        const Json w = i < want.size() ? want[i] : Json(nullptr);
        const Json g = i < got.size() ? got[i] : Json(nullptr);
        if (w != g) return {Status::kWrongOutput, diff("outputs[" + std::to_string(i) + "]", w, g)};
      }
    }
    return {Status::kWrongOutput, diff("outputs", want, got)};
  }
  return {};
}

}  // namespace

std::string_view to_string(Status s) {
  switch (s) {
    case Status::kPass:
      return "PASS";
    case Status::kAcceptable:
      return "ACCEPTABLE";
    case Status::kNonStrict:
      return "NON_STRICT";
    case Status::kWrongCode:
      return "WRONG_CODE";
    case Status::kShouldHaveFailed:
      return "SHOULD_HAVE_FAILED";
    case Status::kShouldHavePassed:
      return "SHOULD_HAVE_PASSED";
    case Status::kWrongOutput:
      return "WRONG_OUTPUT";
    case Status::kUnsupported:
      return "UNSUPPORTED";
    case Status::kUsageError:
      return "USAGE_ERROR";
    case Status::kCrash:
      return "CRASH";
    case Status::kTimeout:
      return "TIMEOUT";
    case Status::kProtocolError:
      return "PROTOCOL_ERROR";
  }
  return "UNKNOWN";
}

bool is_failure(Status s, const Policy& policy) {
  switch (s) {
    case Status::kPass:
    case Status::kAcceptable:
      return false;
    case Status::kNonStrict:
    case Status::kWrongCode:
      return policy.strict;
    case Status::kUnsupported:
      return !policy.allow_unsupported;
    default:
      return true;
  }
}

CaseResult evaluate(const VectorFile& file, const VectorCase& c, const Json& response) {
  if (response.contains("unsupported") && response["unsupported"] == true) {
    return {Status::kUnsupported,
            "the implementation does not support " + file.scheme + " " + file.operation};
  }
  if (response.contains("usage_error")) {
    return {Status::kUsageError, "usage error: " + show(response["usage_error"])};
  }
  CaseResult r;
  if (file.operation == "build")
    r = judge_build(c, response);
  else if (file.operation == "parse")
    r = judge_parse(c, response);
  else if (file.operation == "verify")
    r = judge_verify(c, response);
  else if (file.operation == "scenario")
    r = judge_scenario(c, response);
  else
    r = {Status::kUnsupported, "unknown operation " + file.operation};
  // Implementations legitimately differ on acceptable cases; note, don't fail.
  if (c.result == "acceptable" && r.status != Status::kPass && r.status != Status::kCrash) {
    r.status = Status::kAcceptable;
  }
  return r;
}

CaseResult failed_response(const std::string& failure) {
  if (failure.rfind("TIMEOUT", 0) == 0) return {Status::kTimeout, failure};
  if (failure.rfind("PROTOCOL_ERROR", 0) == 0) return {Status::kProtocolError, failure};
  return {Status::kCrash, failure};
}

Json make_request(const VectorFile& file, const VectorCase& c) {
  return {{"id", file.path + "#" + std::to_string(c.tc_id)},
          {"op", file.operation},
          {"scheme", file.scheme},
          {"input", c.input}};
}

}  // namespace tokcheck::conformance
