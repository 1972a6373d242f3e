#include "reference/core/condition.h"

#include <cstddef>

namespace tokcheck {
namespace {

// Indexed by enumerator: the .def files give names and texts in enum order.
constexpr std::string_view kConditionNames[] = {
#define TOKCHECK_CONDITION(id, name, text) name,
#include "reference/core/conditions.def"
};
constexpr std::string_view kConditionText[] = {
#define TOKCHECK_CONDITION(id, name, text) text,
#include "reference/core/conditions.def"
};
constexpr std::string_view kMalformationNames[] = {
#define TOKCHECK_MALFORMATION(id, name, text) name,
#include "reference/core/malformations.def"
};
constexpr std::string_view kMalformationText[] = {
#define TOKCHECK_MALFORMATION(id, name, text) text,
#include "reference/core/malformations.def"
};

// An out-of-range value (a cast from hostile bytes) names itself "unknown".
template <std::size_t N>
std::string_view at(const std::string_view (&table)[N], std::size_t i) {
  return i < N ? table[i] : std::string_view("unknown");
}

template <typename Enum, std::size_t N>
std::optional<Enum> find(const std::string_view (&table)[N], std::string_view name) {
  for (std::size_t i = 0; i < N; ++i) {
    if (table[i] == name) return static_cast<Enum>(i);
  }
  return std::nullopt;
}

}  // namespace

std::string_view to_string(Condition c) { return at(kConditionNames, static_cast<std::size_t>(c)); }
std::string_view to_string(Malformation m) {
  return at(kMalformationNames, static_cast<std::size_t>(m));
}
std::string_view describe(Condition c) { return at(kConditionText, static_cast<std::size_t>(c)); }
std::string_view describe(Malformation m) {
  return at(kMalformationText, static_cast<std::size_t>(m));
}
std::optional<Condition> condition_from_string(std::string_view name) {
  return find<Condition>(kConditionNames, name);
}
std::optional<Malformation> malformation_from_string(std::string_view name) {
  return find<Malformation>(kMalformationNames, name);
}

}  // namespace tokcheck
