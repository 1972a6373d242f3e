#include "conformance/lib/status.h"

namespace tokcheck::conformance {

std::string_view to_string(Status s) {
  switch (s) {
#define TOKCHECK_STATUS_NAME(id, name, description) \
  case Status::id:                                  \
    return name;
    TOKCHECK_STATUSES(TOKCHECK_STATUS_NAME)
#undef TOKCHECK_STATUS_NAME
  }
  return "UNKNOWN";
}

std::string_view describe(Status s) {
  switch (s) {
#define TOKCHECK_STATUS_DESCRIPTION(id, name, description) \
  case Status::id:                                         \
    return description;
    TOKCHECK_STATUSES(TOKCHECK_STATUS_DESCRIPTION)
#undef TOKCHECK_STATUS_DESCRIPTION
  }
  return "";
}

std::optional<Status> status_from_string(std::string_view name) {
#define TOKCHECK_STATUS_PARSE(id, text, description) \
  if (name == text) return Status::id;
  TOKCHECK_STATUSES(TOKCHECK_STATUS_PARSE)
#undef TOKCHECK_STATUS_PARSE
  return std::nullopt;
}

bool is_failure(Status s, const Policy& policy) {
  switch (s) {
    case Status::kPass:
    case Status::kAcceptable:
    case Status::kNotDeclared:
      return false;
    case Status::kNonStrict:
      return policy.strict;
    case Status::kWrongCode:
      return !policy.lenient || policy.strict;
    case Status::kUnsupported:
      return !policy.allow_unsupported;
    default:
      return true;
  }
}

bool is_skip(Status s, const Policy& policy) {
  return s == Status::kNotDeclared || (s == Status::kUnsupported && policy.allow_unsupported);
}

}  // namespace tokcheck::conformance
