// `tokcheck simulate --html FILE`: a scenario and its outputs drawn on one time
// axis, as a self-contained page (issue 11): token validity spans, calls with
// their results and codes, callbacks (will-expire notices, expiry), kick-outs
// and stopped streams, then the same outputs as a numbered table.
//
// The page has no script and fetches nothing: its Content-Security-Policy allows
// only its own inline style, by hash. Every text from the scenario goes through
// html_escape (control bytes become "\xNN"), and secrets never appear: of the
// profile only vendor, product, platform, SDK version and auth mode are shown,
// and tokens by their name, never their text.
#pragma once

#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::cli {

// `scenario` as simulate read it (already run, so valid); `result` is
// {"outputs": [...]} from lifecycle::simulate_json.
std::string render_simulate_html(const schemes::Json& scenario, const schemes::Json& result);

}  // namespace tokcheck::cli
