#include "cli/secret_merge.h"

namespace tokcheck::cli {

void merge_secret(schemes::Json& request, const schemes::Scheme& scheme,
                  const std::optional<std::string>& secret) {
  if (!secret) return;
  const std::string field(scheme.secret_field());
  if (request.contains(field)) {
    throw schemes::UsageError("the secret is given twice: in the request's \"" + field +
                              "\" and by a --secret option");
  }
  request[field] = *secret;
}

}  // namespace tokcheck::cli
