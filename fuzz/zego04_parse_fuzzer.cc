// ZEGO token04 strings (reference/vendors/zego/token04.h: parse_04) decrypted with the
// fixed test secret (what the verify mutators seal with) and with ZEGO's sample
// secret (what the vector seeds are sealed with), so both reach the JSON claims.
// Invariants (check_zego_parse() in common/zego_cases.h):
//  - the condition is one parse_04 documents, malformed iff a malformation is named;
//  - strict and lenient base64 agree wherever strict succeeds;
//  - a valid token's claims, rebuilt with build_04 (same IV and mode), parse back
//    to the same claims and payload kind.
#include "fuzz/common/zego_cases.h"
#include "reference/vendors/zego/token04.h"

TOKCHECK_ZEGO_PARSE_FUZZER(tokcheck::zego::parse_04, tokcheck::zego::build_04)
