// Field-by-field comparison and canonical re-encoding of parsed Agora tokens,
// shared by the Agora targets' invariants ("parse ∘ encode = identity").
#pragma once

#include <string>
#include <vector>

#include "reference/vendors/agora/agora006.h"
#include "reference/vendors/agora/agora007.h"

namespace tokcheck::fuzz {

bool same_fields(const agora::Token006& a, const agora::Token006& b, bool compare_app_id = true);
// Compares the claims (not the signature or zlib_canonical). For a rebuilt token
// (`rebuilt`), services are compared stably sorted by type, as builders pack
// them, and the unknown-service tail that a rebuild drops is not compared.
bool same_fields(const agora::Token007& a, const agora::Token007& b, bool rebuilt = false);

// The 006 content (before base64) that a canonical builder would write for `t`.
std::vector<std::uint8_t> encode_006_content(const agora::Token006& t);

// Build input that reproduces `t`'s claims (services, times, salt, app id).
agora::Build007Input to_build_input(const agora::Token007& t, std::string_view certificate);

}  // namespace tokcheck::fuzz
