// The protocol's operations, decided once: vector files name one, requests
// carry one, a v1 hello declares (scheme, operation) pairs.
#pragma once

#include <array>
#include <optional>
#include <string_view>

namespace tokcheck::conformance {

enum class Operation { kBuild, kParse, kVerify, kScenario };

inline constexpr std::array<Operation, 4> kAllOperations = {
    Operation::kBuild, Operation::kParse, Operation::kVerify, Operation::kScenario};

std::string_view to_string(Operation op);
std::optional<Operation> operation_from_string(std::string_view name);

}  // namespace tokcheck::conformance
