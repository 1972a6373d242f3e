// The one way tokcheck writes JSON (CLI output, `serve` responses, fuzz targets),
// so that no token, field or argument can make the writer throw.
//
// nlohmann::json::dump() throws type_error 316 on a string that is not UTF-8,
// and token fields are attacker-chosen bytes (an Agora 007 channel name typed in
// GBK on a Chinese Windows terminal is enough). safe_dump() writes every
// well-formed UTF-8 sequence unchanged and each byte that does not start or
// belong to one as the four characters \xHH (backslash, 'x', two upper-case hex
// digits), in both member names and string values; the document is then valid
// JSON whose text a reader can map back to the original bytes. A value that is
// valid UTF-8 is written byte for byte as dump() would write it.
#pragma once

#include <string>

#include "reference/schemes/scheme.h"

namespace tokcheck::schemes {

// dump(indent) that never throws for invalid UTF-8 (see above). indent -1:
// compact, one line; 2: what the CLI prints for people.
std::string safe_dump(const Json& value, int indent = -1);

// `text` with every byte outside well-formed UTF-8 written as \xHH.
std::string escape_invalid_utf8(const std::string& text);

}  // namespace tokcheck::schemes
