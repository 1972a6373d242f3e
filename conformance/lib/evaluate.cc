#include "conformance/lib/evaluate.h"

#include <charconv>

#include "conformance/lib/operation.h"
#include "reference/codes/codes.h"
#include "reference/schemes/registry.h"

namespace tokcheck::conformance {
namespace {

std::string show(const Json& v) {
  std::string s = v.dump(-1, ' ', false, Json::error_handler_t::replace);
  return s.size() > 400 ? s.substr(0, 400) + "..." : s;
}

std::string diff(std::string_view what, const Json& expected, const Json& actual) {
  return std::string(what) + ": expected " + show(expected) + ", got " + show(actual);
}

// A reference, not a copy: copying members was ~2% of a conformance run.
const Json& value_or_null(const Json& obj, const char* key) {
  static const Json kNull = nullptr;
  if (!obj.is_object()) return kNull;
  const auto it = obj.find(key);
  return it == obj.end() ? kNull : *it;
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
  if (!same_content(code, value_or_null(value_or_null(e, "error"), "code")))
    return {Status::kNonStrict,
            diff("error code", value_or_null(value_or_null(e, "error"), "code"), code)};
  return {};
}

CaseResult judge_parse(const VectorCase& c, const Json& r) {
  const Json& e = c.expected;
  const bool ok = r.contains("ok") && r["ok"] == true;
  if (e.value("ok", false)) {
    if (!ok) return {Status::kShouldHavePassed, diff("parse", e, r)};
    if (e.contains("fields") && !same_content(value_or_null(r, "fields"), e["fields"])) {
      return {Status::kWrongOutput, diff("fields", e["fields"], value_or_null(r, "fields"))};
    }
    return {};
  }
  if (ok) return {Status::kShouldHaveFailed, diff("parse", e, r)};
  if (value_or_null(r, "condition") != value_or_null(e, "condition")) {
    return {Status::kNonStrict,
            diff("condition", value_or_null(e, "condition"), value_or_null(r, "condition"))};
  }
  if (e.contains("malformation") && value_or_null(r, "malformation") != e["malformation"]) {
    return {Status::kNonStrict,
            diff("malformation", e["malformation"], value_or_null(r, "malformation"))};
  }
  return {};
}

// Vendor codes are compared as {platform, code, name} lists, in order: the
// basis and any extra member are explanations, not what the end user sees.
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

// strip_codes(a) == strip_codes(b), without building either (building them for
// every verify case was ~3% of a conformance run).
bool same_codes(const Json& a, const Json& b) {
  const std::size_t n = a.is_array() ? a.size() : 0;
  if (n != (b.is_array() ? b.size() : 0)) return false;
  for (std::size_t i = 0; i < n; ++i) {
    for (const char* key : {"platform", "code", "name"}) {
      if (value_or_null(a[i], key) != value_or_null(b[i], key)) return false;
    }
  }
  return true;
}

// The codes the reference's table gives a condition of this scheme's vendor,
// in the same shape as strip_codes; null for a condition name it does not know.
Json table_codes(const std::string& scheme_id, const Json& condition) {
  const schemes::Scheme* scheme = schemes::find_scheme(scheme_id);
  if (!scheme || !condition.is_string()) return nullptr;
  const auto c = condition_from_string(condition.get<std::string>());
  if (!c) return nullptr;
  Json out = Json::array();
  for (const codes::VendorCode& v : codes::codes_for(scheme->vendor(), *c)) {
    // Numeric codes travel as JSON numbers, named ones as strings (as in
    // schemes::verdict_to_json).
    Json code = std::string(v.code);
    long long n = 0;
    const auto [end, ec] = std::from_chars(v.code.data(), v.code.data() + v.code.size(), n);
    if (ec == std::errc() && end == v.code.data() + v.code.size()) code = n;
    out.push_back({{"platform", v.platform}, {"code", code}, {"name", v.name}});
  }
  return out;
}

CaseResult judge_verify(const VectorFile& file, const VectorCase& c, const Json& r) {
  const Json& e = c.expected;
  const Json& want = value_or_null(e, "condition");
  const Json& got = value_or_null(r, "condition");
  const bool want_valid = want == "valid";
  const bool got_valid = got == "valid";
  if (want_valid && !got_valid) return {Status::kShouldHavePassed, diff("condition", want, got)};
  if (!want_valid && got_valid) return {Status::kShouldHaveFailed, diff("condition", want, got)};
  if (want != got) {
    // Both reject. What the end user meets is the vendor code: a condition
    // that maps to other codes (expired → "invalid token") breaks the app's
    // renew logic, one that maps to the same codes is only a detail.
    const Json want_codes = table_codes(file.scheme, want);
    const Json got_codes = table_codes(file.scheme, got);
    if (got_codes.is_null() || want_codes != got_codes) {
      return {Status::kWrongCode, diff("condition", want, got) + " (vendor codes " +
                                      show(want_codes) + " became " + show(got_codes) + ")"};
    }
    return {Status::kNonStrict, diff("condition", want, got)};
  }
  for (const char* key : {"malformation", "privilege"}) {
    if (e.contains(key) && value_or_null(r, key) != e[key]) {
      return {Status::kNonStrict, diff(key, e[key], value_or_null(r, key))};
    }
  }
  // An implementation that reports no vendor codes is judged by its condition.
  if (e.contains("vendor_codes") && r.contains("vendor_codes") &&
      !same_codes(r["vendor_codes"], e["vendor_codes"])) {
    return {Status::kWrongCode,
            diff("vendor_codes", strip_codes(e["vendor_codes"]), strip_codes(r["vendor_codes"]))};
  }
  return {};
}

// Scenario outputs are compared member for member, except that each "codes"
// list is compared as verify's are: by {platform, code, name}
// (vendor_code_json.h), the basis being an explanation. A "codes" that is not an
// array on either side is compared as it is, so junk never passes for [].
bool same_output_member(std::string_view key, const Json& want, const Json& got) {
  if (key == "codes" && want.is_array() && got.is_array()) return same_codes(want, got);
  return same_content(want, got);
}

bool same_output(const Json& want, const Json& got) {
  if (!want.is_object() || !got.is_object() || want.size() != got.size()) {
    return same_content(want, got);
  }
  for (auto it = want.begin(); it != want.end(); ++it) {
    const auto other = got.find(it.key());
    if (other == got.end() || !same_output_member(it.key(), *it, *other)) return false;
  }
  return true;
}

bool same_outputs(const Json& want, const Json& got) {
  if (!want.is_array() || !got.is_array() || want.size() != got.size()) {
    return same_content(want, got);
  }
  for (std::size_t i = 0; i < want.size(); ++i) {
    if (!same_output(want[i], got[i])) return false;
  }
  return true;
}

// An output as the judge compared it, for the diff a person reads.
Json judged_output(const Json& output) {
  if (!output.is_object() || !output.contains("codes") || !output["codes"].is_array()) {
    return output;
  }
  Json out = output;
  out["codes"] = strip_codes(output["codes"]);
  return out;
}

CaseResult judge_scenario(const VectorCase& c, const Json& r) {
  const Json& want = value_or_null(c.expected, "outputs");
  const Json& got = value_or_null(r, "outputs");
  if (same_outputs(want, got)) return {};
  // Name the first output that differs, which is what a person needs.
  if (want.is_array() && got.is_array()) {
    for (std::size_t i = 0; i < std::max(want.size(), got.size()); ++i) {
      if (i < want.size() && i < got.size() && same_output(want[i], got[i])) continue;
      // Copied (codes without their basis) only for the output that is shown.
      const Json w = i < want.size() ? judged_output(want[i]) : Json(nullptr);
      const Json g = i < got.size() ? judged_output(got[i]) : Json(nullptr);
      return {Status::kWrongOutput, diff("outputs[" + std::to_string(i) + "]", w, g)};
    }
  }
  return {Status::kWrongOutput, diff("outputs", want, got)};
}

}  // namespace

bool same_content(const Json& a, const Json& b) {
  if (a.is_object() && b.is_object()) {
    if (a.size() != b.size()) return false;
    for (auto it = a.begin(); it != a.end(); ++it) {
      const auto other = b.find(it.key());
      if (other == b.end() || !same_content(it.value(), *other)) return false;
    }
    return true;
  }
  if (a.is_array() && b.is_array()) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
      if (!same_content(a[i], b[i])) return false;
    }
    return true;
  }
  return a == b;
}

CaseResult evaluate(const VectorFile& file, const VectorCase& c, const Json& response,
                    const Policy& policy) {
  if (response.contains("unsupported") && response["unsupported"] == true) {
    return {Status::kUnsupported,
            "the implementation answered unsupported for " + file.scheme + " " + file.operation};
  }
  if (response.contains("usage_error")) {
    return {Status::kUsageError, "usage error: " + show(response["usage_error"])};
  }
  CaseResult r;
  switch (operation_from_string(file.operation).value_or(Operation::kScenario)) {
    case Operation::kBuild:
      r = judge_build(c, response);
      break;
    case Operation::kParse:
      r = judge_parse(c, response);
      break;
    case Operation::kVerify:
      r = judge_verify(file, c, response);
      break;
    case Operation::kScenario:
      r = judge_scenario(c, response);
      break;
  }
  // Implementations legitimately differ on acceptable cases: noted and grouped
  // by flag, not failed, unless the run asks for them to be judged too.
  if (c.result == "acceptable" && r.status != Status::kPass && !policy.strict_acceptable) {
    r.message = "differs from the reference's choice: " + r.message;
    r.status = Status::kAcceptable;
  }
  return r;
}

Json make_request(const VectorFile& file, const VectorCase& c) {
  return {{"id", file.path + "#" + std::to_string(c.tc_id)},
          {"op", file.operation},
          {"scheme", file.scheme},
          {"input", c.input}};
}

}  // namespace tokcheck::conformance
