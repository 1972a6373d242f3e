// Canonical re-encoding of parsed Volcengine 001 tokens for the volc targets'
// invariants, written from the byte table in token-formats.md §5.1.
#pragma once

#include <string>
#include <vector>

#include "reference/vendors/volc/volc001.h"

namespace tokcheck::fuzz {

// MSG exactly as the table lays it out, privileges in the order given.
std::vector<std::uint8_t> encode_001_message(const volc::Token001& t);
// "001" + appId + base64(u16 len ‖ MSG ‖ u16 len ‖ SIG).
std::string encode_001_token(const volc::Token001& t);
bool same_fields(const volc::Token001& a, const volc::Token001& b);

// The strict and official parses of one token agree: where strict accepts, the
// official parse accepts the same fields with nothing tolerated; where strict
// rejects, the official parse rejects too or says what it tolerated. Returns
// whether strict accepted.
bool check_strict_and_official_agree(const volc::Parse001Result& strict,
                                     const volc::Parse001Result& official);

}  // namespace tokcheck::fuzz
