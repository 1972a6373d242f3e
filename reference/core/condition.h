// The closed set of outcomes every verifier in tokcheck can return, and the finer
// reasons a token can be malformed. Vendors' error codes are attached to these in
// reference/codes/ (one table per vendor); nothing else maps conditions to codes.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace tokcheck {

// A verify verdict is exactly one of these. Order is not meaningful; names are the
// wire names used in vectors, the CLI and the runner protocol. The list, names and
// descriptions live in conditions.def, once.
enum class Condition : std::uint8_t {
#define TOKCHECK_CONDITION(id, name, text) id,
#include "reference/core/conditions.def"
};

inline constexpr Condition kAllConditions[] = {
#define TOKCHECK_CONDITION(id, name, text) Condition::id,
#include "reference/core/conditions.def"
};

// Why a token could not be decoded (malformations.def). kNone means "no malformation".
enum class Malformation : std::uint8_t {
#define TOKCHECK_MALFORMATION(id, name, text) id,
#include "reference/core/malformations.def"
};

inline constexpr Malformation kAllMalformations[] = {
#define TOKCHECK_MALFORMATION(id, name, text) Malformation::id,
#include "reference/core/malformations.def"
};

std::string_view to_string(Condition c);
std::string_view to_string(Malformation m);
std::optional<Condition> condition_from_string(std::string_view name);
std::optional<Malformation> malformation_from_string(std::string_view name);
// One sentence for people: what the condition / malformation means.
std::string_view describe(Condition c);
std::string_view describe(Malformation m);

}  // namespace tokcheck
