#include "conformance/lib/operation.h"

namespace tokcheck::conformance {

std::string_view to_string(Operation op) {
  switch (op) {
    case Operation::kBuild:
      return "build";
    case Operation::kParse:
      return "parse";
    case Operation::kVerify:
      return "verify";
    case Operation::kScenario:
      return "scenario";
  }
  return "unknown";
}

std::optional<Operation> operation_from_string(std::string_view name) {
  for (Operation op : kAllOperations) {
    if (to_string(op) == name) return op;
  }
  return std::nullopt;
}

}  // namespace tokcheck::conformance
