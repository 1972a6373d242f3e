#include "reference/schemes/scheme.h"

#include "reference/codes/codes.h"
#include "reference/schemes/vendor_code_json.h"

namespace tokcheck::schemes {

Json verdict_to_json(const Scheme& scheme, const VerifyOutcome& outcome) {
  const Verdict& v = outcome.verdict;
  Json out;
  out["scheme"] = scheme.id();
  out["valid"] = v.valid();
  out["condition"] = to_string(v.condition);
  out["malformation"] =
      v.malformation == Malformation::kNone ? Json(nullptr) : Json(to_string(v.malformation));
  out["privilege"] =
      (v.condition == Condition::kPrivilegeMissing || v.condition == Condition::kPrivilegeExpired)
          ? Json(v.privilege)
          : Json(nullptr);
  out["base64"] = v.lenient_base64 ? "lenient" : "strict";
  Json codes = Json::array();
  for (const codes::VendorCode& c : codes::codes_for(scheme.vendor(), v.condition)) {
    codes.push_back(vendor_code_json(c));
  }
  out["vendor_codes"] = std::move(codes);
  for (auto it = outcome.details.begin(); it != outcome.details.end(); ++it) {
    out[it.key()] = it.value();
  }
  return out;
}

Json parse_to_json(const Scheme& scheme, const ParseOutcome& outcome) {
  Json out;
  out["scheme"] = scheme.id();
  out["ok"] = outcome.error == Malformation::kNone && outcome.condition == Condition::kValid;
  out["condition"] = to_string(outcome.condition);
  // The Verdict contract (reference/core/verdict.h): a malformation is named only
  // under `malformed`. A codec's finer reason under another condition (kBadPrefix
  // under unsupported_version, a claim field under payload_invalid) stays internal,
  // so parse and verify answer the same token with the same (condition, malformation).
  out["malformation"] =
      outcome.condition == Condition::kMalformed && outcome.error != Malformation::kNone
          ? Json(to_string(outcome.error))
          : Json(nullptr);
  out["base64"] = outcome.lenient_base64 ? "lenient" : "strict";
  out["fields"] = outcome.fields.is_null() ? Json(nullptr) : outcome.fields;
  if (!outcome.info.is_null()) out["info"] = outcome.info;
  return out;
}

}  // namespace tokcheck::schemes
