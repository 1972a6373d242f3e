// tokcheck inspect TOKEN|-  → detects the scheme and prints every field, dates
// in UTC and relative to now, and expiry status; --json for machines. On
// garbage it says what is wrong (exit 1) instead of failing obscurely; bad usage
// (unknown --scheme, bad --now) is exit 2. Every value from the token is printed
// through printable() in text and safe_dump() in JSON: a token's bytes are the
// attacker's, and must neither drive the terminal nor stop the output.
#include <iostream>
#include <iterator>
#include <optional>

#include "cli/commands.h"
#include "cli/guard.h"
#include "cli/io.h"
#include "cli/now_arg.h"
#include "cli/secret_input.h"
#include "cli/text_escape.h"
#include "cli/token_repair.h"
#include "reference/schemes/json_output.h"
#include "reference/schemes/registry.h"

namespace tokcheck::cli {
namespace {

struct InspectArgs {
  std::string token;
  std::string scheme;
  SecretArgs secret;
  std::string base64 = "strict";
  std::optional<std::string> now;
  bool json = false;
};

void print_value(const Json& v, int indent, std::ostream& out);

void print_members(const Json& obj, int indent, std::ostream& out) {
  std::size_t width = 0;
  for (auto it = obj.begin(); it != obj.end(); ++it) width = std::max(width, it.key().size());
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    out << std::string(static_cast<std::size_t>(indent), ' ') << printable(it.key());
    if (it->is_structured() && !it->empty()) {
      out << "\n";
      print_value(*it, indent + 2, out);
    } else {
      out << std::string(width - it.key().size() + 2, ' ')
          << printable(it->is_string() ? it->get<std::string>() : schemes::safe_dump(*it)) << "\n";
    }
  }
}

void print_value(const Json& v, int indent, std::ostream& out) {
  if (v.is_object()) {
    print_members(v, indent, out);
  } else if (v.is_array()) {
    for (std::size_t i = 0; i < v.size(); ++i) {
      out << std::string(static_cast<std::size_t>(indent), ' ') << "[" << i << "]\n";
      print_value(v[i], indent + 2, out);
    }
  } else {
    out << std::string(static_cast<std::size_t>(indent), ' ') << printable(schemes::safe_dump(v))
        << "\n";
  }
}

Json timeline_json(const schemes::Scheme& scheme, const Json& fields, std::int64_t now) {
  Json out = Json::array();
  for (const schemes::TimeFact& f : scheme.timeline(fields)) {
    Json fact{{"label", f.label},
              {"unix", f.unix},
              {"utc", format_utc(f.unix)},
              {"relative", format_relative(f.unix, now)}};
    if (f.is_expiry) fact["expired"] = f.expired_at(now);  // the codec's own boundary rule
    out.push_back(std::move(fact));
  }
  return out;
}

int run_inspect(const InspectArgs& a) {
  const std::int64_t now = resolve_now(a.now, nullptr);
  std::string given = a.token;
  if (given == "-") {
    if (a.secret.file == "-") {
      throw schemes::UsageError("the token and --secret-file cannot both be standard input");
    }
    given = read_token_stdin();
  }
  const RepairedToken token = repair_token(given);
  const std::optional<std::string> secret = read_secret(a.secret);
  const schemes::Scheme* scheme = nullptr;
  if (!a.scheme.empty()) {
    scheme = &pick_scheme(a.scheme, "");  // unknown scheme: usage error, exit 2
  } else if (!(scheme = schemes::detect_scheme(token.token))) {
    print_error("inspect", "not a token of any known scheme (" + known_scheme_list() + ")");
    for (const TokenRepair& r : token.repairs)
      print_error("inspect", "note: " + std::string(r.cause));
    return kExitInvalid;
  }
  for (const TokenRepair& r : token.repairs) {
    print_error("inspect", "warning: token repaired (" + std::string(r.kind) +
                               "): " + std::string(r.cause) + "; fix: " + std::string(r.fix));
  }
  Json request{{"token", token.token}, {"base64", a.base64}};
  if (secret) request["secret"] = *secret;
  const schemes::ParseOutcome parsed = scheme->parse(request);
  const Json result = schemes::parse_to_json(*scheme, parsed);
  const bool ok = result["ok"] == true;
  Json timeline = ok ? timeline_json(*scheme, parsed.fields, now) : Json::array();

  if (a.json) {
    Json out{{"scheme", scheme->id()},
             {"title", scheme->title()},
             {"now", now},
             {"parse", result},
             {"timeline", timeline}};
    if (!token.repairs.empty()) out["input_repairs"] = repairs_to_json(token.repairs);
    std::cout << schemes::safe_dump(out, 2) << "\n";
    return ok ? kExitOk : kExitInvalid;
  }
  std::cout << "scheme    " << scheme->id() << "  (" << scheme->title() << ")\n";
  if (!ok) {
    std::cout << "status    " << to_string(parsed.condition);
    if (parsed.error != Malformation::kNone) {
      std::cout << " (" << to_string(parsed.error) << "): " << describe(parsed.error);
    } else {
      std::cout << ": " << describe(parsed.condition);
    }
    std::cout << "\n";
    return kExitInvalid;
  }
  std::cout << "status    parsed (base64 " << result["base64"].get<std::string>() << ")\n";
  std::cout << "fields\n";
  print_value(parsed.fields, 2, std::cout);
  if (!parsed.info.is_null()) {
    std::cout << "info\n";
    print_value(parsed.info, 2, std::cout);
  }
  std::cout << "timeline  (now = " << format_utc(now) << ")\n";
  for (const Json& f : timeline) {
    std::cout << "  " << printable(f["label"].get<std::string>()) << ": "
              << f["utc"].get<std::string>() << " (" << f["relative"].get<std::string>() << ")";
    if (f.contains("expired")) std::cout << (f["expired"] == true ? "  EXPIRED" : "  not expired");
    std::cout << "\n";
  }
  std::cout << "note      inspect shows what the token claims; `tokcheck verify` checks it\n";
  return kExitOk;
}

}  // namespace

void register_inspect(CLI::App& app, int& exit_code) {
  auto* cmd = app.add_subcommand("inspect", "Detect a token's scheme and print every field");
  auto a = std::make_shared<InspectArgs>();
  cmd->add_option("token", a->token, "The token, or - to read it from standard input")->required();
  cmd->add_option("--scheme", a->scheme, "Skip detection (agora-006, agora-007, ...)");
  add_secret_options(*cmd, a->secret, true);
  cmd->add_option("--base64", a->base64, "strict (default) or lenient")
      ->check(CLI::IsMember({"strict", "lenient"}));
  cmd->add_option("--now", a->now,
                  "Unix seconds to judge expiry against (0 = 1970-01-01; default: the clock)");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  cmd->callback(
      [a, &exit_code] { exit_code = guarded("inspect", [&] { return run_inspect(*a); }); });
}

}  // namespace tokcheck::cli
