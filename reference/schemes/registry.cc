#include "reference/schemes/registry.h"

#include <array>

namespace tokcheck::schemes {

std::span<const Scheme* const> all_schemes() {
  static const auto schemes = std::to_array<const Scheme*>({
      &agora006_scheme(),
      &agora007_scheme(),
      &zego04_scheme(),
      &zego03_scheme(),
      &volc001_scheme(),
      &tencent_usersig_scheme(),
  });
  return schemes;
}

const Scheme* find_scheme(std::string_view id) {
  for (const Scheme* s : all_schemes()) {
    if (s->id() == id) return s;
  }
  return nullptr;
}

const Scheme* detect_scheme(std::string_view token) {
  for (const Scheme* s : all_schemes()) {
    if (s->detect(token)) return s;
  }
  return nullptr;
}

}  // namespace tokcheck::schemes
