// What every report format shares: turning untrusted bytes (an implementation's
// answers and stderr) into text a format can carry, one outcome name per case,
// a readable "what differed", and one label per implementation.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "conformance/lib/runner.h"

namespace tokcheck::conformance {

// Valid UTF-8 holding only characters XML 1.0 allows (tab, LF, CR, U+0020 and
// up, no U+FFFE/U+FFFF). Every other byte or character is written as the text
// "\xNN" (per byte) so nothing is lost silently and no consumer chokes on it.
std::string clean_text(std::string_view raw);

// clean_text, then the markup characters as entities. In an attribute, tab, LF
// and CR become character references too, which attribute normalization would
// otherwise turn into spaces.
std::string xml_escape(std::string_view raw, bool attribute = false);

// clean_text, then & < > " ' as entities: safe in HTML text and quoted attributes.
std::string html_escape(std::string_view raw);

// The base64 SHA-256 of an inline <style> or <script> body, as a
// Content-Security-Policy source ('sha256-<this>') that allows exactly it.
std::string csp_sha256(std::string_view text);

// JSON text that never throws on invalid UTF-8 (it becomes U+FFFD).
std::string dump_json(const Json& value, int indent = -1);

// "ALLOWED" for an allowlisted failure, otherwise the status name: the value a
// case contributes to per-file counts and to the matrix signature.
std::string outcome_name(const CaseRecord& c);

// A case that was not judged: not declared, not run, or unsupported and not failed.
bool is_skipped_case(const CaseRecord& c);

// One line per difference between expected and got, as "<json pointer>:
// expected X, got Y": members missing from the answer, and unexpected members
// inside objects (fields, outputs); not extra top-level members of the answer
// (its id, echoed scheme), which the judge ignores too. Empty when equal.
std::vector<std::string> json_differences(const Json& expected, const Json& got);

// A short unique label per implementation: the hello's name when it gave one,
// else the command; "#<n>" first when several implementations ran.
std::string implementation_label(const std::vector<RunReport>& runs, std::size_t index);

}  // namespace tokcheck::conformance
