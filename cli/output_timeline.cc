#include "cli/output_timeline.h"

#include "reference/schemes/json_output.h"

namespace tokcheck::cli {

using schemes::Json;

namespace {

// ZEGO Express outputs name their room (docs/SEMANTICS.md ZEGO-ROOM-PAYLOAD); in a
// multi-room timeline the line is ambiguous without it.
std::string room_suffix(const Json& o) {
  const auto it = o.find("room_id");
  if (it == o.end()) return "";
  return " in room " + (it->is_string() ? it->get<std::string>() : schemes::safe_dump(*it));
}

// Vendor codes as " [31004 RC_CONN_TOKEN_INCORRECT]" each.
std::string codes_suffix(const Json& o) {
  std::string out;
  const auto it = o.find("codes");
  if (it == o.end() || !it->is_array()) return out;
  for (const Json& c : *it)
    out += " [" + schemes::safe_dump(c["code"]) + " " + c.value("name", "") + "]";
  return out;
}

}  // namespace

std::string describe_output(const schemes::Json& o) {
  const std::string kind = o.value("kind", "");
  std::string line;
  if (kind == "result") {
    line = o.value("call", "") + room_suffix(o) + " → " +
           (o.value("ok", false) ? "ok" : "failed: " + o.value("reason", ""));
    line += codes_suffix(o);
    if (o.contains("via")) line += " via " + o.value("via", "");
  } else if (kind == "callback") {
    line = "callback " + o.value("name", "") + room_suffix(o);
    if (o.contains("remaining")) line += " (" + schemes::safe_dump(o["remaining"]) + " s left)";
    // RongCloud's connection status listener (RONG-NET-RECONNECT).
    if (o.contains("status")) line += ": " + o.value("status", "");
    if (o.contains("reason")) line += " (" + o.value("reason", "") + ")";
    line += codes_suffix(o);
    if (o.contains("errMsg")) line += " {errMsg: " + schemes::safe_dump(o["errMsg"]);
    if (o.contains("errNo")) line += ", errNo: " + schemes::safe_dump(o["errNo"]);
    if (o.contains("errorCode")) line += ", errorCode: " + schemes::safe_dump(o["errorCode"]);
    if (o.contains("errMsg")) line += "}";
  } else if (kind == "kicked_out") {
    line = "kicked out" + room_suffix(o) + " (" + o.value("reason", "") + ")" + codes_suffix(o);
  } else if (kind == "stream_stopped") {
    line = "stream " + o.value("stream", "") + " stopped (" + o.value("reason", "") + ")";
  } else if (kind == "state") {
    // LIFE-STATE: the vendor's members as they come, e.g. "state: in_channel true".
    line = "state:";
    for (auto it = o.begin(); it != o.end(); ++it) {
      if (it.key() == "at" || it.key() == "kind" || it.key() == "event") continue;
      line += " " + it.key() + " " + schemes::safe_dump(it.value());
    }
  } else if (kind == "clock_ignored") {
    line = "clock would go back to " + schemes::safe_dump(o["requested"]) + ": ignored";
  } else {
    line = schemes::safe_dump(o);
  }
  return line;
}

}  // namespace tokcheck::cli
