// The top-level fields a build, parse or verify request may carry, with the JSON
// type each must have. Each scheme declares its own table beside its adapter
// (reference/vendors/<vendor>/*_scheme.cc, docs/VECTORS.md "Build fields" /
// "Verify fields"), and every door into the schemes checks a request against it
// before the adapter reads it: `tokcheck build` / `verify` (exit 2) and the
// runner protocol behind `serve` and the conformance suite (a usage_error). A
// misspelt key ("privilges") is therefore an error everywhere, never a field
// that is silently ignored.
#pragma once

#include <initializer_list>
#include <string>
#include <vector>

#include "reference/schemes/field_spec.h"
#include "reference/schemes/scheme.h"

namespace tokcheck::schemes {

// What to check. Unknown keys and wrong types are always errors. Whether a
// "required" field may be left out is the door's choice: the CLI insists (a
// verify request without "app_certificate" must say null, not forget it), while
// the protocol hands a missing field to the scheme, whose answer the vectors pin
// (a 007 verify with no certificate field is token_unexpected).
enum class RequiredFields { kCheck, kLeaveToScheme };

// Every problem with `request` at once: unknown keys, wrong types, and (with
// kCheck) missing required fields. Each message names the field; an empty
// result means the request is usable.
std::vector<std::string> request_problems(const Json& request, const Scheme& scheme,
                                          RequestKind kind,
                                          RequiredFields required = RequiredFields::kCheck);

// Building blocks for the schemes' tables.
// {"scheme", "token", <secret>, "now", "base64"}: what every verify request may
// carry. `token_type` is kStringOrNull where null means "no token was sent"
// (Agora's certificate/token presence rule, seed 001).
std::vector<FieldSpec> verify_fields(std::string_view secret, FieldType secret_type,
                                     std::initializer_list<FieldSpec> more,
                                     FieldType token_type = FieldType::kString);
// {"scheme", "token" (required), "base64"} plus `more`.
std::vector<FieldSpec> parse_fields(std::initializer_list<FieldSpec> more);

}  // namespace tokcheck::schemes
