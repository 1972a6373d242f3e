#include "cli/request_input.h"

#include <fstream>
#include <iostream>
#include <set>
#include <sstream>
#include <vector>

#include "cli/text_escape.h"

namespace tokcheck::cli {

using schemes::Json;
using schemes::UsageError;

Json parse_request(const std::string& text, const std::string& origin) {
  // One set of member names per open object, innermost last.
  std::vector<std::set<std::string>> open;
  auto check_duplicates = [&open, &origin](int, Json::parse_event_t event, Json& parsed) {
    if (event == Json::parse_event_t::object_start) {
      open.emplace_back();
    } else if (event == Json::parse_event_t::object_end && !open.empty()) {
      open.pop_back();
    } else if (event == Json::parse_event_t::key && !open.empty()) {
      const std::string& name = parsed.get_ref<const std::string&>();
      if (!open.back().insert(name).second) {
        throw UsageError(origin + ": duplicate field \"" + printable(name) +
                         "\" (JSON allows it, but which value was meant is unclear)");
      }
    }
    return true;
  };
  Json doc;
  try {
    doc = Json::parse(text, check_duplicates);
  } catch (const Json::parse_error& e) {
    // nlohmann's message carries "line L, column C"; drop its "[json.exception...]" tag.
    std::string what = e.what();
    if (const auto end = what.find("] "); what.starts_with("[json") && end != std::string::npos) {
      what = what.substr(end + 2);
    }
    throw UsageError(origin + " is not valid JSON: " + printable(what));
  }
  if (!doc.is_object()) throw UsageError(origin + ": the JSON input must be an object");
  return doc;
}

Json read_request(const std::string& path) {
  std::stringstream text;
  if (path == "-") {
    text << std::cin.rdbuf();
  } else {
    std::ifstream in(path);
    if (!in) throw UsageError("cannot read " + printable(path));
    text << in.rdbuf();
  }
  return parse_request(text.str(), path == "-" ? std::string("standard input") : printable(path));
}

}  // namespace tokcheck::cli
