// The one interface every token format is reached through by the CLI, the
// conformance suite and the runner protocol: JSON in, JSON out, with the field
// names of docs/VECTORS.md. A scheme is a thin adapter over its codec file
// (reference/vendors/<vendor>/<format>.h); it holds no format logic of its own.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "reference/core/base64.h"
#include "reference/core/vendor.h"
#include "reference/core/verdict.h"
#include "reference/schemes/field_spec.h"

namespace tokcheck::schemes {

using Json = nlohmann::ordered_json;

// Bad input to a build/verify/parse request (missing field, wrong type). Never
// raised for a hostile *token*: those produce a malformed verdict instead.
class UsageError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

struct ParseOutcome {
  Malformation error = Malformation::kNone;
  Condition condition = Condition::kValid;  // kMalformed / kUnsupportedVersion / kDecryptFailed...
  bool lenient_base64 = false;
  Json fields;  // the token's content; what vectors compare
  Json info;    // informational extras that vectors do not compare
};

struct BuildOutcome {
  std::string token;  // empty on error
  Json error;         // null on success, else {"code": vendor code or name, "message": ...}
};

struct VerifyOutcome {
  Verdict verdict;
  Json details = Json::object();  // scheme-specific extras (e.g. which check mode ran)
};

// A timestamp a person reading `tokcheck inspect` wants to see.
struct TimeFact {
  std::string label;
  std::int64_t unix = 0;
  bool is_expiry = false;  // judged expired/valid relative to now
  // Expiry facts only: the codec's boundary rule, stated by the scheme so inspect,
  // diagnose and the lifecycle engine never restate it. false: expired from `unix`
  // on (Agora, ZEGO: now >= expiry); true: still valid during second `unix`,
  // expired after it (Volcengine, Tencent: now > expiry).
  bool valid_at_instant = false;
  // Expiry facts only: what an expiry here means to a verifier (the token's own,
  // or one privilege's), so diagnose reads it instead of searching the label.
  Condition expired_condition = Condition::kExpired;

  bool expired_at(std::int64_t now) const { return valid_at_instant ? now > unix : now >= unix; }
};

class DefaultFiller;  // reference/schemes/build_defaults.h

class Scheme {
 public:
  virtual ~Scheme() = default;
  virtual std::string_view id() const = 0;  // "agora-006"
  virtual Vendor vendor() const = 0;        // whose codes (reference/vendors/<vendor>/) apply
  // The format's version as the token itself writes it ("006", "04", "001", TLS.ver
  // "2.0"): the codec's constant, so nothing slices it out of id().
  virtual std::string_view token_version() const = 0;
  virtual std::string_view title() const = 0;  // "Agora AccessToken (006)"
  // True when `token` carries this scheme's version prefix / shape.
  virtual bool detect(std::string_view token) const = 0;
  // input: {"token": ..., optional secret field, optional "base64": "strict"|"lenient"}
  virtual ParseOutcome parse(const Json& input) const = 0;
  virtual BuildOutcome build(const Json& input) const = 0;
  virtual VerifyOutcome verify(const Json& input) const = 0;
  // Every top-level field a `kind` request may carry, "scheme" included: the
  // table request_fields.h checks requests against (docs/VECTORS.md).
  virtual const std::vector<FieldSpec>& request_fields(RequestKind kind) const = 0;
  // The request field that holds the secret: "app_certificate" (Agora), "secret"
  // (ZEGO), "app_key" (Volcengine), "key" (Tencent); where --secret goes.
  virtual std::string_view secret_field() const = 0;
  // Fills what the vendor's own builder chooses by itself (salt, nonce, IV, issue
  // time), each with its source: the request table's Need::kDefaulted fields.
  virtual void fill_build_defaults(DefaultFiller& f) const = 0;
  // The dates in parsed `fields`, for people.
  virtual std::vector<TimeFact> timeline(const Json& fields) const = 0;
};

// The verdict as JSON, with the vendor's codes for every platform attached.
Json verdict_to_json(const Scheme& scheme, const VerifyOutcome& outcome);
// The parse outcome as JSON: {"ok", "condition", "malformation", "fields", "info"}.
Json parse_to_json(const Scheme& scheme, const ParseOutcome& outcome);

}  // namespace tokcheck::schemes
