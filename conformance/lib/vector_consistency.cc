#include "conformance/lib/vector_consistency.h"

#include <algorithm>
#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>

namespace tokcheck::conformance {
namespace {

// Verify conditions settled before the token is decoded (presence, the shape of
// the caller's secret or bound app id): such a case says nothing about the token.
constexpr std::string_view kBeforeDecoding[] = {"token_missing", "token_unexpected",
                                                "invalid_secret", "invalid_app_id"};
// Verify conditions that only decoding produces: the steps parse runs too, so a
// parse of the same input must fail the same way.
constexpr std::string_view kDecodingFailures[] = {"malformed", "unsupported_version",
                                                  "decrypt_failed", "expire_mismatch"};
// payload_invalid comes from parse's claim checks and also from verify's own
// payload checks (ZEGO 04 judges the payload only in verify): from verify it
// does not require parse to fail, but it must not disagree with a parse failure.
constexpr std::string_view kPayloadInvalid = "payload_invalid";

bool one_of(std::string_view s, const auto& list) {
  return std::find(std::begin(list), std::end(list), s) != std::end(list);
}

// What one case claims about decoding its token. It owns what the comparison
// reads (not pointers into the file), so a streaming run can drop each case once
// it is judged; the index keeps one per distinct claim of a token (Group).
struct Case {
  std::string name;  // "<file>#<tcId> (<result>)"
  std::string scheme;
  std::string operation;
  std::string result;
  std::vector<std::string> flags;
};

struct Judgement {
  Case c;
  bool decodes = false;
  bool binds = true;  // a failure any case decoding the same input must share
  Json failure;       // {"condition", "malformation"} when !decodes
  Json fields;        // parse: the expected fields, when decodes
};

Json member_or(const Json& obj, const char* key, Json fallback) {
  return obj.is_object() && obj.contains(key) ? obj[key] : fallback;
}

// The inputs decoding depends on, with the documented defaults filled in: the
// token, the base64 mode, Volcengine's check mode and ZEGO's AES secret (the only
// secret parse takes; the others only sign). Bindings and `now` never matter.
std::string decoding_key(const std::string& scheme, const std::string& token, const Json& input) {
  const Json key = {{"scheme", scheme},
                    {"token", token},
                    {"base64", member_or(input, "base64", "strict")},
                    {"check_mode", member_or(input, "check_mode", "strict")},
                    {"secret", member_or(input, "secret", nullptr)}};
  return key.dump();
}

std::optional<std::string> token_of(const Json& obj, const char* key) {
  const Json t = member_or(obj, key, nullptr);
  // An empty token is "no token" to verify (the presence rule), so it is skipped
  // everywhere; parse's `empty` has nothing to agree with.
  if (!t.is_string() || t.get<std::string>().empty()) return std::nullopt;
  return t.get<std::string>();
}

Json failure_of(const Json& expected) {
  return {{"condition", member_or(expected, "condition", nullptr)},
          {"malformation", member_or(expected, "malformation", nullptr)}};
}

std::string file_name(const VectorFile& f) {
  return f.path.empty() ? f.scheme + "/" + f.operation + ".json" : f.path;
}

// The case's claim; its name is made only for a message (Groups::expand).
Case case_of(const VectorFile& f, const VectorCase& c) {
  return {"", f.scheme, f.operation, c.result, c.flags};
}

// The case's claim and the key it is filed under, or nothing when it makes none.
std::optional<std::pair<std::string, Judgement>> judge(const VectorFile& f, const VectorCase& c) {
  Judgement j;
  const Json& e = c.expected;
  if (f.operation == "build") {
    // A token a builder must produce is canonical: it decodes under the defaults
    // and (ZEGO) the secret it was built with.
    const auto token = token_of(e, "token");
    if (c.result != "valid" || !token) return std::nullopt;
    j.decodes = true;
    j.c = case_of(f, c);
    const Json secret_only = {{"secret", member_or(c.input, "secret", nullptr)}};
    return std::pair{decoding_key(f.scheme, *token, secret_only), j};
  }
  const auto token = token_of(c.input, "token");
  if (!token) return std::nullopt;
  if (f.operation == "parse") {
    j.decodes = member_or(e, "ok", false) == true;
    if (j.decodes) {
      j.fields = member_or(e, "fields", nullptr);
    } else {
      j.failure = failure_of(e);
    }
  } else if (f.operation == "verify") {
    const Json condition = member_or(e, "condition", nullptr);
    if (!condition.is_string()) return std::nullopt;
    const std::string name = condition.get<std::string>();
    if (one_of(name, kBeforeDecoding)) return std::nullopt;
    j.decodes = !one_of(name, kDecodingFailures) && name != kPayloadInvalid;
    j.binds = name != kPayloadInvalid;
    if (!j.decodes) j.failure = failure_of(e);
  } else {
    return std::nullopt;
  }
  j.c = case_of(f, c);
  return std::pair{decoding_key(f.scheme, *token, c.input), j};
}

const std::string& name_of(const Judgement& j) { return j.c.name; }

std::string show(const Json& failure) {
  const Json& m = failure.at("malformation");
  return failure.at("condition").dump() + "/" + (m.is_null() ? "null" : m.dump());
}

bool shares_a_flag(const Case& a, const Case& b) {
  return std::any_of(a.flags.begin(), a.flags.end(), [&](const std::string& f) {
    return std::find(b.flags.begin(), b.flags.end(), f) != b.flags.end();
  });
}

bool same_flags(const Case& a, const Case& b) {
  std::vector<std::string> x = a.flags;
  std::vector<std::string> y = b.flags;
  std::sort(x.begin(), x.end());
  std::sort(y.begin(), y.end());
  return x == y;
}

// Two cases that fail the token the same way. The result classes need not be
// equal in general: a verify can be `invalid` for a later reason (a bad tag) on
// a token whose structural flaw alone is `acceptable`. What cannot hold:
std::optional<std::string> class_contradiction(const Judgement& a, const Judgement& b,
                                               const std::string& both) {
  const std::string failure = show(a.failure);
  for (const auto& [p, q] : {std::pair{&a, &b}, std::pair{&b, &a}}) {
    // ... a parse that no implementation may get past, next to a case that
    // lets one get past the same failure;
    if (p->c.operation == "parse" && p->c.result == "invalid" && q->c.result != "invalid") {
      return both + ": " + failure + " must fail every parse (" + name_of(*p) + ") but " +
             name_of(*q) + " lets an implementation past it";
    }
  }
  // ... the same rule (the same flags) putting one failure in two classes;
  if (a.c.result != b.c.result && same_flags(a.c, b.c)) {
    return both + ": the same failure " + failure +
           " under the same flags in different result classes";
  }
  // ... or two `acceptable` verdicts a harness deciding per flag could split.
  if (a.c.result == "acceptable" && b.c.result == "acceptable" && !shares_a_flag(a.c, b.c)) {
    return both + ": the same failure " + failure + " is acceptable under no common flag";
  }
  return std::nullopt;
}

std::optional<std::string> contradiction(const Judgement& a, const Judgement& b) {
  const std::string both = name_of(a) + " and " + name_of(b);
  if (a.decodes != b.decodes) {
    const Judgement& failed = a.decodes ? b : a;
    const Judgement& decoded = a.decodes ? a : b;
    if (!failed.binds) return std::nullopt;
    return both + ": " + name_of(decoded) + " decodes the token, " + name_of(failed) +
           " fails it with " + show(failed.failure);
  }
  if (!a.decodes) {
    if (a.failure != b.failure) {
      return both + ": different failures, " + show(a.failure) + " vs " + show(b.failure);
    }
    return class_contradiction(a, b, both);
  }
  if (!a.fields.is_null() && !b.fields.is_null() && a.fields != b.fields) {
    return both + ": the same input parses to different fields";
  }
  return std::nullopt;
}

// Two judgements of one key with the same signature meet every other judgement
// the same way (contradiction() reads nothing else; names only go into the
// message) and never contradict each other, except two flagless `acceptable`s.
bool same_signature(const Judgement& a, const Judgement& b) {
  return a.c.operation == b.c.operation && a.decodes == b.decodes && a.binds == b.binds &&
         a.c.result == b.c.result && a.failure == b.failure && a.fields == b.fields &&
         same_flags(a.c, b.c);
}

// One case of a group: which of the group's signatures it has, and its name's
// parts (a vector set whose cases repeat a claim, the same token judged the
// same way at another `now`, costs these 12 bytes per repeat, not a Judgement).
struct Member {
  std::uint32_t signature = 0;
  std::uint32_t file = 0;
  int tc_id = 0;
};

// The cases of one decoding key: each distinct signature once, and every case
// in the order added.
struct Group {
  std::vector<Judgement> signatures;  // names unused: Member gives each case's
  std::vector<Member> members;
  std::uint64_t touched_in = 0;  // the last file that added to it (ConsistencyIndex)
};

// Whether a group holds a contradiction, comparing one judgement per signature:
// pairs of distinct claims, not pairs of cases.
bool group_may_contradict(const Group& g) {
  std::vector<std::size_t> count(g.signatures.size(), 0);
  for (const Member& m : g.members) ++count[m.signature];
  for (std::size_t r = 0; r < g.signatures.size(); ++r) {
    const Judgement& a = g.signatures[r];
    if (count[r] > 1 && a.c.result == "acceptable" && a.c.flags.empty()) return true;
    for (std::size_t q = r + 1; q < g.signatures.size(); ++q) {
      const Judgement& b = g.signatures[q];
      if (a.c.operation == "build" && b.c.operation == "build") continue;
      if (contradiction(a, b)) return true;
    }
  }
  return false;
}

}  // namespace

struct ConsistencyIndex::Groups {
  std::map<std::string, Group> by_key;
  std::vector<std::string> files;  // a Member's file, by number
  std::uint64_t file_number = 1;   // of the file being added (0: none yet)
  // The groups the current file added to, with their sizes before it, so a file
  // that turns out not to load can be taken back (end_file(false)).
  struct Before {
    Group* group;
    std::size_t signatures;
    std::size_t members;
  };
  std::vector<Before> touched;

  // The full judgements of a group's cases, named, in the order added.
  std::vector<Judgement> expand(const Group& g) const {
    std::vector<Judgement> out;
    out.reserve(g.members.size());
    for (const Member& m : g.members) {
      Judgement j = g.signatures[m.signature];
      j.c.name = files[m.file] + "#" + std::to_string(m.tc_id) + " (" + j.c.result + ")";
      out.push_back(std::move(j));
    }
    return out;
  }
};

ConsistencyIndex::ConsistencyIndex() : groups_(std::make_unique<Groups>()) {}
ConsistencyIndex::~ConsistencyIndex() = default;

void ConsistencyIndex::add(const VectorFile& f) {
  for (const VectorCase& c : f.tests) add_case(f, c);
  end_file(true);
}

void ConsistencyIndex::add_case(const VectorFile& header, const VectorCase& c) {
  auto judged = judge(header, c);
  if (!judged) return;
  Groups& g = *groups_;
  const std::string file = file_name(header);
  if (g.files.empty() || g.files.back() != file) g.files.push_back(file);
  Group& group = g.by_key[judged->first];
  if (group.touched_in != g.file_number) {
    g.touched.push_back({&group, group.signatures.size(), group.members.size()});
    group.touched_in = g.file_number;
  }
  const Judgement& j = judged->second;
  std::size_t r = 0;
  while (r < group.signatures.size() && !same_signature(group.signatures[r], j)) ++r;
  if (r == group.signatures.size()) group.signatures.push_back(std::move(judged->second));
  group.members.push_back(
      {static_cast<std::uint32_t>(r), static_cast<std::uint32_t>(g.files.size() - 1), c.tc_id});
}

void ConsistencyIndex::end_file(bool loaded) {
  Groups& g = *groups_;
  if (!loaded) {
    for (const auto& before : g.touched) {
      before.group->signatures.resize(before.signatures);
      before.group->members.resize(before.members);
    }
  }
  g.touched.clear();
  ++g.file_number;
}

ConsistencyReport check_cross_operation_consistency(const std::vector<VectorFile>& files) {
  ConsistencyIndex index;
  for (const VectorFile& f : files) index.add(f);
  return index.report();
}

ConsistencyReport ConsistencyIndex::report() const {
  ConsistencyReport report;
  for (const auto& entry : groups_->by_key) {
    const Group& group = entry.second;  // named, not bound: lambdas capture it
    if (group.members.empty()) continue;
    // Every pair counts as compared (two builds excepted: they only ever both
    // say "decodes"); the pairs themselves are walked only when the group holds
    // a contradiction, so the findings, and their order, are the pairwise ones.
    const std::size_t n = group.members.size();
    const std::size_t builds = static_cast<std::size_t>(
        std::count_if(group.members.begin(), group.members.end(), [&group](const Member& m) {
          return group.signatures[m.signature].c.operation == "build";
        }));
    if (const std::size_t pairs = n * (n - 1) / 2 - (builds > 1 ? builds * (builds - 1) / 2 : 0);
        pairs > 0) {
      report.pairs_compared[group.signatures.front().c.scheme] += pairs;
    }
    if (!group_may_contradict(group)) continue;
    const std::vector<Judgement> judgements = groups_->expand(group);
    for (std::size_t i = 0; i < judgements.size(); ++i) {
      for (std::size_t k = i + 1; k < judgements.size(); ++k) {
        const Judgement& a = judgements[i];
        const Judgement& b = judgements[k];
        // Two builds only ever both say "decodes".
        if (a.c.operation == "build" && b.c.operation == "build") continue;
        if (auto found = contradiction(a, b)) {
          report.findings.push_back(*found);  // the file names carry the scheme
        }
      }
    }
  }
  return report;
}

std::vector<std::string> find_cross_operation_contradictions(const std::vector<VectorFile>& files) {
  return check_cross_operation_consistency(files).findings;
}

}  // namespace tokcheck::conformance
