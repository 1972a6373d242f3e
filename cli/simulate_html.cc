#include "cli/simulate_html.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "cli/io.h"
#include "cli/output_timeline.h"
#include "conformance/lib/report_common.h"
#include "reference/core/vendor.h"
#include "reference/lifecycle/sdk_codes.h"
#include "reference/schemes/registry.h"

namespace tokcheck::cli {
namespace {

using conformance::html_escape;
using schemes::Json;

constexpr std::string_view kStyle = R"css(
body{font:14px/1.4 system-ui,sans-serif;margin:1.5em;color:#222}
h1{font-size:1.3em;margin:0 0 .3em}
.profile{color:#555;margin:0 0 1em}
svg{display:block;border:1px solid #ddd;background:#fcfcfc}
.lane-label{font-size:12px;fill:#444}
.lane{fill:none;stroke:#eee}
.tick{stroke:#ccc}
.tick-label{font-size:11px;fill:#666}
.span{fill:#9cc3e6;stroke:#4a86c5}
.span.open{fill:#cfe0f1}
.span-label{font-size:11px;fill:#1d3f66}
.expiry{stroke:#c0392b;stroke-dasharray:3 2}
.mark text{font-size:9px;fill:#333}
.ok{fill:#2e9d52}
.fail{fill:#d0342c}
.notice{fill:#e6a100}
.kick{fill:#8e1b16}
.stop{fill:#7d5ba6}
.other{fill:#888}
table{border-collapse:collapse;margin-top:1em}
td,th{border:1px solid #ddd;padding:2px 6px;text-align:left;vertical-align:top}
tr.fail td{background:#fdecea}
tr.kick td{background:#f6dcdb}
tr.notice td{background:#fff6dd}
.legend span{margin-right:1em}
.legend .ok{color:#2e9d52}
.legend .fail{color:#d0342c}
.legend .notice{color:#e6a100}
.legend .kick{color:#8e1b16}
.legend .stop{color:#7d5ba6}
.legend .span{color:#4a86c5}
)css";

constexpr int kWidth = 1000;
constexpr int kLabelWidth = 170;
constexpr int kRight = 20;
constexpr int kLaneHeight = 30;
constexpr int kAxisHeight = 28;

std::string h(std::string_view s) { return html_escape(s); }

// A lane label that fits the label column; the mark's title keeps the whole.
// Cut on a UTF-8 character boundary.
std::string short_label(std::string_view s) {
  constexpr std::size_t kMax = 20;
  if (s.size() <= kMax) return std::string(s);
  std::size_t cut = kMax - 1;
  while (cut > 0 && (static_cast<unsigned char>(s[cut]) & 0xC0) == 0x80) --cut;
  return std::string(s.substr(0, cut)) + "…";
}

// A token accepted by a call: drawn from that instant to its expiry.
struct TokenSpan {
  std::string label;
  std::int64_t from = 0;
  std::optional<std::int64_t> until;  // absent: no expiry known or never expires
};

// The earliest expiry an encoded token states, read by its own codec (no secret:
// a format that needs one to decode, like ZEGO's, has no span end).
std::optional<std::int64_t> encoded_expiry(const std::string& text, const std::string& scheme_id) {
  const schemes::Scheme* scheme =
      scheme_id.empty() ? schemes::detect_scheme(text) : schemes::find_scheme(scheme_id);
  if (scheme == nullptr) return std::nullopt;
  try {
    const schemes::ParseOutcome parsed = scheme->parse(Json{{"token", text}});
    if (parsed.error != Malformation::kNone || !parsed.fields.is_object()) return std::nullopt;
    std::optional<std::int64_t> earliest;
    for (const schemes::TimeFact& f : scheme->timeline(parsed.fields)) {
      if (f.is_expiry && f.unix > 0 && (!earliest || f.unix < *earliest)) earliest = f.unix;
    }
    return earliest;
  } catch (...) {
    return std::nullopt;  // a drawing never fails a run that already succeeded
  }
}

// A claims token's "expire", or an encoded token's; where the vendor's tables say
// a claims 0 never expires (the mini-program, BD-NO-EXPIRY) it draws as an open span.
std::optional<std::int64_t> token_expiry(const Json& spec, std::string_view vendor) {
  if (!spec.is_object()) return std::nullopt;
  if (const auto it = spec.find("encoded"); it != spec.end() && it->is_string()) {
    const auto scheme = spec.find("scheme");
    return encoded_expiry(it->get<std::string>(), scheme != spec.end() && scheme->is_string()
                                                      ? scheme->get<std::string>()
                                                      : std::string());
  }
  const auto it = spec.find("expire");
  if (it == spec.end() || !it->is_number_integer()) return std::nullopt;
  const auto expire = it->get<std::int64_t>();
  const std::optional<Vendor> v = vendor_from_string(vendor);
  if (v && lifecycle::vendor_sdk_tables(*v).claims_zero_expire_never && expire == 0) {
    return std::nullopt;
  }
  return expire;
}

std::string member_string(const Json& o, std::string_view key) {
  if (!o.is_object()) return {};
  const auto it = o.find(key);
  return it != o.end() && it->is_string() ? it->get<std::string>() : std::string();
}

std::optional<std::int64_t> member_int(const Json& o, std::string_view key) {
  if (!o.is_object()) return std::nullopt;
  const auto it = o.find(key);
  if (it == o.end() || !it->is_number_integer()) return std::nullopt;
  return it->get<std::int64_t>();
}

// Every accepted use of a token: a result that is ok for an event carrying one.
std::vector<TokenSpan> token_spans(const Json& scenario, const Json& outputs) {
  const Json& events = scenario.contains("events") ? scenario["events"] : Json::array();
  const Json& tokens = scenario.contains("tokens") ? scenario["tokens"] : Json::object();
  const std::string vendor = member_string(scenario.value("profile", Json::object()), "vendor");
  std::vector<TokenSpan> spans;
  for (const Json& o : outputs) {
    if (member_string(o, "kind") != "result" || !o.value("ok", false)) continue;
    const std::optional<std::int64_t> index = member_int(o, "event");
    if (!index || *index < 0 || static_cast<std::size_t>(*index) >= events.size()) continue;
    const Json& event = events[static_cast<std::size_t>(*index)];
    if (!event.is_object() || !event.contains("token")) continue;
    const Json& ref = event["token"];
    TokenSpan span;
    span.from = o["at"].get<std::int64_t>();
    if (ref.is_string()) {
      span.label = ref.get<std::string>();
      if (tokens.is_object() && tokens.contains(span.label)) {
        span.until = token_expiry(tokens[span.label], vendor);
      }
    } else {
      span.label = "inline #" + std::to_string(*index);
      span.until = token_expiry(ref, vendor);
    }
    std::string room = member_string(event, "room");
    if (room.empty()) room = member_string(event, "channel");
    if (!room.empty()) span.label += " @ " + room;
    span.label += " (" + member_string(o, "call") + ")";
    spans.push_back(std::move(span));
  }
  return spans;
}

// Maps unix seconds onto the plot, clamped to its edges. long double: the
// difference of two int64 instants may not fit an int64.
struct Axis {
  std::int64_t t0 = 0, t1 = 1;
  double x0 = kLabelWidth, x1 = kWidth - kRight;
  double x(std::int64_t t) const {
    const long double f = (static_cast<long double>(t) - static_cast<long double>(t0)) /
                          (static_cast<long double>(t1) - static_cast<long double>(t0));
    return x0 + static_cast<double>(std::clamp<long double>(f, 0, 1)) * (x1 - x0);
  }
};

Axis make_axis(const Json& scenario, const Json& outputs, const std::vector<TokenSpan>& spans) {
  Axis a;
  a.t0 = member_int(scenario, "start").value_or(0);
  std::int64_t last = a.t0;
  for (const Json& o : outputs) last = std::max(last, o["at"].get<std::int64_t>());
  if (scenario.contains("events")) {
    for (const Json& e : scenario["events"])
      last = std::max(last, member_int(e, "at").value_or(last));
  }
  // Expiries shortly after the last event stretch the axis to show them; far
  // ones (a token valid for a day in a 5-minute scenario) run off the edge.
  const long double reach =
      std::max<long double>(60, static_cast<long double>(last) - static_cast<long double>(a.t0));
  for (const TokenSpan& s : spans) {
    if (s.until && *s.until > last &&
        static_cast<long double>(*s.until) <= static_cast<long double>(last) + reach) {
      last = *s.until;
    }
  }
  a.t1 = last > a.t0 ? last : a.t0 + 1;
  return a;
}

// Which lane and mark class an output gets.
struct Style {
  int lane;  // 0 calls, 1 callbacks, 2 kick-outs and streams
  std::string_view mark;
};
Style style_of(const Json& o) {
  const std::string kind = member_string(o, "kind");
  if (kind == "result") return {0, o.value("ok", false) ? "ok" : "fail"};
  if (kind == "callback") return {1, "notice"};
  if (kind == "kicked_out") return {2, "kick"};
  if (kind == "stream_stopped") return {2, "stop"};
  return {0, "other"};
}

std::string fmt(double v) {
  std::ostringstream s;
  s.precision(1);
  s << std::fixed << v;
  return s.str();
}

void write_svg(std::ostream& out, const Json& scenario, const Json& outputs,
               const std::vector<TokenSpan>& spans, const Axis& axis) {
  const std::size_t token_rows = std::max<std::size_t>(spans.size(), 1);
  const int lanes_top = kAxisHeight;
  const int mark_top = lanes_top + static_cast<int>(token_rows) * kLaneHeight;
  const int height = mark_top + 3 * kLaneHeight + 10;
  out << "<svg id=\"timeline\" xmlns=\"http://www.w3.org/2000/svg\" width=\"" << kWidth
      << "\" height=\"" << height << "\" viewBox=\"0 0 " << kWidth << ' ' << height
      << "\" role=\"img\" aria-label=\"scenario timeline\">\n";
  // Axis: six ticks labelled with the offset from the scenario's start.
  const std::int64_t start = member_int(scenario, "start").value_or(axis.t0);
  for (int k = 0; k <= 5; ++k) {
    const long double t = static_cast<long double>(axis.t0) +
                          (static_cast<long double>(axis.t1) - axis.t0) * k / 5.0L;
    const auto at = static_cast<std::int64_t>(std::llround(t));
    const double x = axis.x(at);
    out << "<line class=\"tick\" x1=\"" << fmt(x) << "\" y1=\"" << kAxisHeight - 6 << "\" x2=\""
        << fmt(x) << "\" y2=\"" << height << "\"/><text class=\"tick-label\" x=\"" << fmt(x)
        << "\" y=\"14\" text-anchor=\"middle\">" << h(format_offset(at, start)) << " s</text>\n";
  }
  // Token lane: one row per accepted token, from acceptance to expiry.
  for (std::size_t i = 0; i < spans.size(); ++i) {
    const TokenSpan& s = spans[i];
    const int y = lanes_top + static_cast<int>(i) * kLaneHeight;
    const double xa = axis.x(s.from);
    const double xb = s.until ? axis.x(std::max(*s.until, s.from)) : axis.x1;
    const bool open = !s.until || *s.until > axis.t1;
    out << "<g class=\"token\" data-token=\"" << h(s.label) << "\" data-from=\"" << s.from
        << "\" data-until=\"" << (s.until ? std::to_string(*s.until) : std::string("none"))
        << "\"><title>token " << h(s.label) << ": accepted " << h(format_utc(s.from))
        << (s.until ? ", expires " + h(format_utc(*s.until)) : std::string(", no expiry known"))
        << "</title><rect class=\"span" << (open ? " open" : "") << "\" x=\"" << fmt(xa)
        << "\" y=\"" << y + 7 << "\" width=\"" << fmt(std::max(xb - xa, 1.0))
        << "\" height=\"16\"/>";
    if (s.until && *s.until <= axis.t1) {
      out << "<line class=\"expiry\" x1=\"" << fmt(xb) << "\" y1=\"" << y + 3 << "\" x2=\""
          << fmt(xb) << "\" y2=\"" << y + 27 << "\"/>";
    }
    out << "<text class=\"lane-label\" x=\"6\" y=\"" << y + 19 << "\">" << h(short_label(s.label))
        << "</text></g>\n";
  }
  if (spans.empty()) {
    out << "<text class=\"lane-label\" x=\"6\" y=\"" << lanes_top + 19
        << "\">no token accepted</text>\n";
  }
  static constexpr std::string_view kLaneNames[] = {"calls", "callbacks", "kick-outs, streams"};
  for (int lane = 0; lane < 3; ++lane) {
    const int y = mark_top + lane * kLaneHeight;
    out << "<rect class=\"lane\" x=\"" << kLabelWidth << "\" y=\"" << y << "\" width=\""
        << kWidth - kLabelWidth - kRight << "\" height=\"" << kLaneHeight
        << "\"/><text class=\"lane-label\" x=\"6\" y=\"" << y + 19 << "\">" << kLaneNames[lane]
        << "</text>\n";
  }
  // Marks, numbered like the table rows; marks at the same spot step right.
  std::map<std::pair<int, long>, int> crowd;
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const Json& o = outputs[i];
    const Style st = style_of(o);
    const std::int64_t at = o["at"].get<std::int64_t>();
    const double base = axis.x(at);
    const int nth = crowd[{st.lane, std::lround(base)}]++;
    const double x = std::min(base + nth * 9.0, axis.x1 + kRight - 4.0);
    const double y = mark_top + st.lane * kLaneHeight + 18;
    out << "<g class=\"mark " << st.mark << "\" data-output=\"" << i + 1 << "\" data-kind=\""
        << h(member_string(o, "kind")) << "\" data-at=\"" << at << "\"><title>#" << i + 1 << ' '
        << h(format_offset(at, start)) << " s: " << h(describe_output(o)) << "</title>";
    if (st.mark == "notice") {
      out << "<polygon points=\"" << fmt(x) << ',' << fmt(y - 6) << ' ' << fmt(x + 5) << ','
          << fmt(y) << ' ' << fmt(x) << ',' << fmt(y + 6) << ' ' << fmt(x - 5) << ',' << fmt(y)
          << "\"/>";
    } else if (st.mark == "kick") {
      out << "<polygon points=\"" << fmt(x) << ',' << fmt(y - 6) << ' ' << fmt(x + 6) << ','
          << fmt(y + 5) << ' ' << fmt(x - 6) << ',' << fmt(y + 5) << "\"/>";
    } else if (st.mark == "stop") {
      out << "<rect x=\"" << fmt(x - 5) << "\" y=\"" << fmt(y - 5)
          << "\" width=\"10\" height=\"10\"/>";
    } else {
      out << "<circle cx=\"" << fmt(x) << "\" cy=\"" << fmt(y) << "\" r=\"5\"/>";
    }
    out << "<text x=\"" << fmt(x) << "\" y=\"" << fmt(y - 8) << "\" text-anchor=\"middle\">"
        << i + 1 << "</text></g>\n";
  }
  out << "</svg>\n";
}

}  // namespace

std::string render_simulate_html(const Json& scenario, const Json& result) {
  const Json& outputs = result.contains("outputs") ? result["outputs"] : Json::array();
  const std::vector<TokenSpan> spans = token_spans(scenario, outputs);
  const Axis axis = make_axis(scenario, outputs, spans);
  const Json profile = scenario.value("profile", Json::object());
  const std::int64_t start = member_int(scenario, "start").value_or(axis.t0);

  int failed = 0, callbacks = 0, kicks = 0;
  for (const Json& o : outputs) {
    const Style st = style_of(o);
    failed += st.mark == "fail";
    callbacks += st.mark == "notice";
    kicks += st.mark == "kick";
  }

  std::ostringstream out;
  out << "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">\n"
      << "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src "
      << "'sha256-" << conformance::csp_sha256(kStyle) << "'\">\n"
      << "<title>tokcheck simulate: " << h(member_string(profile, "vendor")) << "</title>\n<style>"
      << kStyle << "</style></head>\n<body>\n<h1>tokcheck simulate</h1>\n<p class=\"profile\">";
  // Only these profile fields: a profile may also hold secrets (AppSign, keys).
  bool first = true;
  for (std::string_view key : {"vendor", "product", "platform", "sdk_version", "auth_mode"}) {
    const std::string v = member_string(profile, key);
    if (v.empty()) continue;
    out << (first ? "" : " · ") << h(key) << " <b>" << h(v) << "</b>";
    first = false;
  }
  out << (first ? "" : " · ") << "start <b>" << h(format_utc(start)) << "</b></p>\n";
  if (const std::string d = member_string(scenario, "description"); !d.empty()) {
    out << "<p id=\"description\">" << h(d) << "</p>\n";
  }
  out << "<p id=\"summary\" data-outputs=\"" << outputs.size() << "\" data-failed=\"" << failed
      << "\" data-callbacks=\"" << callbacks << "\" data-kicks=\"" << kicks
      << "\" data-token-spans=\"" << spans.size() << "\">" << outputs.size()
      << " outputs: " << failed << " failed calls, " << callbacks << " callbacks, " << kicks
      << " kick-outs; " << spans.size() << " accepted tokens</p>\n"
      << "<p class=\"legend\"><span class=\"ok\">● ok call</span><span class=\"fail\">● failed "
         "call</span><span class=\"notice\">◆ callback</span><span class=\"kick\">▲ "
         "kick-out</span><span class=\"stop\">■ stream stopped</span><span class=\"span\">▬ "
         "token valid (dashed line: its expiry)</span></p>\n";
  write_svg(out, scenario, outputs, spans, axis);
  out << "<table id=\"outputs\"><thead><tr><th>#</th><th>time (UTC)</th><th>offset</th>"
      << "<th>kind</th><th>what happened</th></tr></thead><tbody>\n";
  for (std::size_t i = 0; i < outputs.size(); ++i) {
    const Json& o = outputs[i];
    const std::int64_t at = o["at"].get<std::int64_t>();
    out << "<tr class=\"" << style_of(o).mark << "\" data-output=\"" << i + 1 << "\" data-kind=\""
        << h(member_string(o, "kind")) << "\"><td>" << i + 1 << "</td><td>" << h(format_utc(at))
        << "</td><td>" << h(format_offset(at, start)) << " s</td><td>"
        << h(member_string(o, "kind")) << "</td><td>" << h(describe_output(o)) << "</td></tr>\n";
  }
  out << "</tbody></table>\n</body></html>\n";
  return out.str();
}

}  // namespace tokcheck::cli
