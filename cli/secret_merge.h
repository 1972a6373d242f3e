// Where the CLI puts a secret given by option. The request tables themselves are
// the schemes' own (reference/schemes/request_fields.h), shared with the
// protocol behind `serve`.
#pragma once

#include <optional>
#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

// Puts a secret read from --secret/--secret-file/--secret-env into the request
// under scheme.secret_field(); a request that has the field too is a usage error.
void merge_secret(schemes::Json& request, const schemes::Scheme& scheme,
                  const std::optional<std::string>& secret);

}  // namespace tokcheck::cli
