// tokcheck inspect TOKEN  → detects the scheme and prints every field, dates
// in UTC and relative to now, and expiry status; --json for machines. On
// garbage it says what is wrong (exit 1) instead of failing obscurely.
#include <iostream>

#include "cli/commands.h"
#include "cli/io.h"
#include "reference/schemes/registry.h"

namespace tokcheck::cli {
namespace {

struct InspectArgs {
  std::string token;
  std::string scheme;
  std::string secret;
  std::string base64 = "strict";
  std::int64_t now = 0;
  bool json = false;
};

void print_value(const Json& v, int indent, std::ostream& out);

void print_members(const Json& obj, int indent, std::ostream& out) {
  std::size_t width = 0;
  for (auto it = obj.begin(); it != obj.end(); ++it) width = std::max(width, it.key().size());
  for (auto it = obj.begin(); it != obj.end(); ++it) {
    out << std::string(static_cast<std::size_t>(indent), ' ') << it.key();
    if (it->is_structured() && !it->empty()) {
      out << "\n";
      print_value(*it, indent + 2, out);
    } else {
      out << std::string(width - it.key().size() + 2, ' ')
          << (it->is_string() ? it->get<std::string>() : it->dump()) << "\n";
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
    out << std::string(static_cast<std::size_t>(indent), ' ') << v.dump() << "\n";
  }
}

Json timeline_json(const schemes::Scheme& scheme, const Json& fields, std::int64_t now) {
  Json out = Json::array();
  for (const schemes::TimeFact& f : scheme.timeline(fields)) {
    Json fact{{"label", f.label},
              {"unix", f.unix},
              {"utc", format_utc(f.unix)},
              {"relative", format_relative(f.unix, now)}};
    if (f.is_expiry) fact["expired"] = now >= f.unix;
    out.push_back(std::move(fact));
  }
  return out;
}

int run_inspect(const InspectArgs& a) {
  const schemes::Scheme& scheme = pick_scheme(a.scheme, a.token);
  Json request{{"token", a.token}, {"base64", a.base64}};
  if (!a.secret.empty()) request["secret"] = a.secret;
  const schemes::ParseOutcome parsed = scheme.parse(request);
  const Json result = schemes::parse_to_json(scheme, parsed);
  const bool ok = result["ok"] == true;
  Json timeline = ok ? timeline_json(scheme, parsed.fields, a.now) : Json::array();

  if (a.json) {
    std::cout << Json{{"scheme", scheme.id()},
                      {"title", scheme.title()},
                      {"now", a.now},
                      {"parse", result},
                      {"timeline", timeline}}
                     .dump(2)
              << "\n";
    return ok ? kExitOk : kExitInvalid;
  }
  std::cout << "scheme    " << scheme.id() << "  (" << scheme.title() << ")\n";
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
  std::cout << "timeline  (now = " << format_utc(a.now) << ")\n";
  for (const Json& f : timeline) {
    std::cout << "  " << f["label"].get<std::string>() << ": " << f["utc"].get<std::string>()
              << " (" << f["relative"].get<std::string>() << ")";
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
  cmd->add_option("token", a->token, "The token")->required();
  cmd->add_option("--scheme", a->scheme, "Skip detection (agora-006, agora-007, ...)");
  cmd->add_option("--secret", a->secret,
                  "Decryption secret, for encrypted formats (ZEGO); never printed");
  cmd->add_option("--base64", a->base64, "strict (default) or lenient")
      ->check(CLI::IsMember({"strict", "lenient"}));
  cmd->add_option("--now", a->now, "Unix time to judge expiry against (default: now)");
  cmd->add_flag("--json", a->json, "Machine-readable output");
  cmd->callback([a, &exit_code] {
    try {
      if (a->now == 0) a->now = unix_now();
      exit_code = run_inspect(*a);
    } catch (const schemes::UsageError& e) {
      std::cerr << "tokcheck inspect: " << e.what() << "\n";
      exit_code = a->token.empty() ? kExitUsage : kExitInvalid;
    }
  });
}

}  // namespace tokcheck::cli
