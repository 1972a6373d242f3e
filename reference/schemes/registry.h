// Every scheme tokcheck knows, in detection order.
#pragma once

#include <span>
#include <string_view>

#include "reference/schemes/scheme.h"

namespace tokcheck::schemes {

std::span<const Scheme* const> all_schemes();
const Scheme* find_scheme(std::string_view id);
// The scheme whose prefix/shape `token` has, or nullptr.
const Scheme* detect_scheme(std::string_view token);

// One accessor per scheme, each defined beside its adapter.
const Scheme& agora006_scheme();
const Scheme& agora007_scheme();
const Scheme& zego04_scheme();
const Scheme& zego03_scheme();
const Scheme& volc001_scheme();
const Scheme& tencent_usersig_scheme();

}  // namespace tokcheck::schemes
