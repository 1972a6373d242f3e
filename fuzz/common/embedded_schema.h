// The vector-file schema (vectors/schema/tokcheck_vectors_v1.schema.json),
// compiled into the fuzz targets at configure time: an OSS-Fuzz runner has the
// binaries but not the source tree.
#pragma once

#include <string_view>

namespace tokcheck::fuzz {
std::string_view embedded_vector_schema();
}  // namespace tokcheck::fuzz
