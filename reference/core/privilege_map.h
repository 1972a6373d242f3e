// A token's privilege list: (u16 privilege id, u32 value) pairs. Agora's 006 and
// 007 layouts and Volcengine's 001 (which took Agora's) all carry one, and the
// JSON requests spell it the same way, so the type lives below the vendors.
#pragma once

#include <cstdint>
#include <utility>
#include <vector>

namespace tokcheck {

using PrivilegeMap = std::vector<std::pair<std::uint16_t, std::uint32_t>>;

}  // namespace tokcheck
