#include "fuzz/common/mutate_util.h"

#include <algorithm>
#include <limits>

namespace tokcheck::fuzz {

namespace {

// a + delta saturated to [min, max], without signed overflow.
std::int64_t add_clamped(std::int64_t a, std::int64_t delta, std::int64_t min, std::int64_t max) {
  if (delta > 0 && a > max - delta) return max;
  if (delta < 0 && a < min - delta) return min;
  return std::clamp(a + delta, min, max);
}

}  // namespace

std::int64_t sat_add(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (!__builtin_add_overflow(a, b, &r)) return r;
  return b > 0 ? std::numeric_limits<std::int64_t>::max()
               : std::numeric_limits<std::int64_t>::min();
}

std::int64_t sat_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r = 0;
  if (!__builtin_sub_overflow(a, b, &r)) return r;
  return b < 0 ? std::numeric_limits<std::int64_t>::max()
               : std::numeric_limits<std::int64_t>::min();
}

std::int64_t mutate_int(std::int64_t value, MutationRng& rng,
                        std::initializer_list<std::int64_t> anchors, std::int64_t min,
                        std::int64_t max) {
  switch (rng.below(5)) {
    case 0:
    case 1:
      if (anchors.size() > 0) {
        const std::int64_t anchor = *(anchors.begin() + rng.below(anchors.size()));
        return add_clamped(std::clamp(anchor, min, max),
                           static_cast<std::int64_t>(rng.below(5)) - 2, min, max);
      }
      [[fallthrough]];
    case 2:
      return add_clamped(std::clamp(value, min, max), static_cast<std::int64_t>(rng.below(7)) - 3,
                         min, max);
    case 3: {
      const std::int64_t edges[] = {min,
                                    max,
                                    0,
                                    1,
                                    std::numeric_limits<std::int32_t>::max(),
                                    std::numeric_limits<std::uint32_t>::max()};
      return std::clamp(edges[rng.below(std::size(edges))], min, max);
    }
    default: {
      const std::uint64_t r = (std::uint64_t{rng.bits()} << 32) | rng.bits();
      const std::uint64_t span = static_cast<std::uint64_t>(max) - static_cast<std::uint64_t>(min);
      const std::uint64_t offset =
          span == std::numeric_limits<std::uint64_t>::max() ? r : r % (span + 1);
      return static_cast<std::int64_t>(static_cast<std::uint64_t>(min) + offset);
    }
  }
}

std::uint32_t mutate_u32(std::uint32_t value, MutationRng& rng,
                         std::initializer_list<std::int64_t> anchors) {
  return static_cast<std::uint32_t>(
      mutate_int(value, rng, anchors, 0, std::numeric_limits<std::uint32_t>::max()));
}

std::string mutate_string(const std::string& value, MutationRng& rng,
                          const std::vector<std::string>& pool, std::size_t max_len) {
  if (!pool.empty() && rng.one_in(3)) return pool[rng.below(pool.size())];
  if (rng.one_in(8)) return {};
  std::string buffer = value;
  const std::size_t capacity = std::max(max_len, value.size());
  buffer.resize(capacity);
  const std::size_t n =
      LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(buffer.data()), value.size(), capacity);
  buffer.resize(std::min(n, capacity));
  // Values live on one line of a VerifyCase.
  std::erase(buffer, '\n');
  return buffer;
}

std::vector<std::uint16_t> mutate_u16_list(std::vector<std::uint16_t> list, MutationRng& rng,
                                           std::initializer_list<std::uint16_t> likely) {
  const std::uint16_t pick = likely.size() > 0 && !rng.one_in(4)
                                 ? *(likely.begin() + rng.below(likely.size()))
                                 : static_cast<std::uint16_t>(rng.bits());
  switch (rng.below(3)) {
    case 0:
      list.push_back(pick);
      break;
    case 1:
      if (!list.empty())
        list.erase(list.begin() + static_cast<std::ptrdiff_t>(rng.below(list.size())));
      break;
    default:
      if (!list.empty())
        list[rng.below(list.size())] = pick;
      else
        list.push_back(pick);
      break;
  }
  return list;
}

std::string join_u16_list(const std::vector<std::uint16_t>& list) {
  std::string out;
  for (std::uint16_t v : list) {
    if (!out.empty()) out += ',';
    out += std::to_string(v);
  }
  return out;
}

}  // namespace tokcheck::fuzz
