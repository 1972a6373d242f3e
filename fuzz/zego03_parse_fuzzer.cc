// ZEGO token03 strings (reference/vendors/zego/token03.h: parse_03) decrypted with the
// fixed test secret and with ZEGO's sample secret (the seeds'). Invariants
// (check_zego_parse() in common/zego_cases.h, as zego04_parse_fuzzer): documented
// conditions only; strict and lenient base64 agree on canonical tokens; a valid
// token's claims rebuilt with build_03 (same IV) parse back to the same claims.
#include "fuzz/common/zego_cases.h"
#include "reference/vendors/zego/token03.h"

TOKCHECK_ZEGO_PARSE_FUZZER(tokcheck::zego::parse_03, tokcheck::zego::build_03)
