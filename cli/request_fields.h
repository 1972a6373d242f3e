// The top-level fields a build or verify request may carry, per scheme, with the
// JSON type each must have (docs/VECTORS.md "Build fields" / "Verify fields",
// and the adapters in reference/schemes/). The CLI checks a request against this
// table before the scheme sees it, so that a misspelt key ("privilges"), a
// wrong type ({"token": 1}) or several missing fields are all reported at once,
// by name, as usage errors (exit 2) instead of being ignored or crashing.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

using schemes::Json;

enum class FieldType {
  kString,
  kInteger,
  kObject,
  kArray,
  kStringOrInteger,  // Agora uid: "123" or 123 (0 → ""), seed 000 / VECTORS.md
  kStringOrObject,   // Tencent verify "userbuf": an object, or "none"
  kStringOrNull,     // Agora "app_certificate": null or "" = no certificate
  kAny,              // ZEGO generator inputs: ZEGO's own error codes judge them
};
std::string_view to_string(FieldType t);

enum class Need {
  kOptional,
  kRequired,
  kDefaulted,  // build: absent → tokcheck fills it as the vendors' builders do
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  Need need;
};

enum class Operation { kBuild, kVerify };

// Every field `scheme` accepts for `op`, "scheme" itself included.
const std::vector<FieldSpec>& request_fields(std::string_view scheme, Operation op);

// Every problem with `request` at once: unknown keys, wrong types, missing
// required fields (each message names the field). Empty when it is usable.
std::vector<std::string> request_problems(const Json& request, std::string_view scheme,
                                          Operation op);

}  // namespace tokcheck::cli

namespace tokcheck::cli {

// The request field holding `scheme`'s secret: "app_certificate" (Agora),
// "secret" (ZEGO), "app_key" (Volcengine), "key" (Tencent); docs/VECTORS.md.
std::string_view secret_field(std::string_view scheme);

// Puts a secret read from --secret/--secret-file/--secret-env into the request
// under secret_field(); a request that has the field too is a usage error.
void merge_secret(Json& request, std::string_view scheme, const std::optional<std::string>& secret);

}  // namespace tokcheck::cli
