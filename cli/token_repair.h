// The commonest real causes of "invalid token" are not in the token's bytes but
// in how it travelled: pasted with quotes or a trailing newline, passed through
// encodeURIComponent and never decoded (seed 004's own sample calls
// decodeURIComponent on the token it receives: ../shared/seeds/004_feb3ed951cfe7da6.txt),
// or put in a URL query unencoded so that every '+' of its base64 came back as a
// space (application/x-www-form-urlencoded parsing turns '+' into U+0020:
// https://url.spec.whatwg.org/#urlencoded-parsing). No token alphabet tokcheck
// knows contains whitespace, quotes or '%' (docs/formats/), so these are
// recognisable; the CLI undoes them, and says so, instead of answering
// "non-canonical base64" or "not a token of any known scheme".
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

struct TokenRepair {
  std::string_view kind;   // "whitespace" | "quotes" | "url_encoded" | "plus_as_space"
  std::string_view cause;  // what happened to the token on its way
  std::string_view fix;    // what the app should change
  std::string_view source;
};

struct RepairedToken {
  std::string token;                 // the token with the damage undone
  std::vector<TokenRepair> repairs;  // empty: the token was used as given
};

RepairedToken repair_token(std::string_view given);

// [{"kind", "cause", "fix", "source"}] for JSON output.
schemes::Json repairs_to_json(const std::vector<TokenRepair>& repairs);

}  // namespace tokcheck::cli
