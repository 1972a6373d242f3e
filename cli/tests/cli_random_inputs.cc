// CLI-level random-input test: every field of every scheme's build and verify
// request (and keys no scheme knows) gets random JSON values of every type, and
// the request goes through run_tokcheck() — the function main() is — exactly as
// `tokcheck build|verify --input -` would take it. Asserted for every input:
//  - the exit code is 0, 1 or 2 (an escaped exception would abort the process);
//  - with --json and exit 0/1, standard output is one parseable JSON document;
//  - the vector's secret (when 16+ characters) appears in neither output stream.
// The base requests are the golden vectors' build and verify inputs, so most
// inputs are one or two fields away from a real request and reach the codecs.
//   cli_random_inputs [--inputs N] [--seed S] [--vectors DIR]
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <limits>
#include <random>
#include <sstream>
#include <string>
#include <vector>

#include "cli/run.h"
#include "conformance/lib/vector_file.h"
#include "reference/schemes/json_output.h"
#include "reference/schemes/registry.h"
#include "reference/schemes/request_fields.h"

namespace {

using tokcheck::schemes::Json;

struct Base {
  const tokcheck::schemes::Scheme* scheme;
  tokcheck::schemes::RequestKind op;
  Json request;
};

class Random {
 public:
  explicit Random(std::uint64_t seed) : rng_(seed) {}
  std::uint64_t below(std::uint64_t n) {
    return std::uniform_int_distribution<std::uint64_t>(0, n - 1)(rng_);
  }
  bool chance(int percent) { return below(100) < static_cast<std::uint64_t>(percent); }

  std::string text() {
    static const std::vector<std::string> kPieces = {"",
                                                     "0",
                                                     "1",
                                                     "-1",
                                                     "006",
                                                     "007",
                                                     "04",
                                                     "03",
                                                     "001",
                                                     "eJx",
                                                     "none",
                                                     "gcm",
                                                     "cbc",
                                                     "lenient",
                                                     "strict",
                                                     "official",
                                                     "python",
                                                     "go",
                                                     "cpp",
                                                     "%2B",
                                                     " ",
                                                     "\n",
                                                     "\"",
                                                     "\x1b[31m",
                                                     "\xc3\xa9",
                                                     "\xe4\xb8\xad",
                                                     "\xf0\x9f\x98\x80",
                                                     "AAAA",
                                                     "====",
                                                     "970CA35de60c44645bbae8a215061b33",
                                                     "\\u0000"};
    std::string out;
    const auto parts = below(5);
    for (std::uint64_t i = 0; i < parts; ++i) {
      if (chance(70)) {
        out += kPieces[below(kPieces.size())];
      } else {
        out += static_cast<char>(0x20 + below(0x5F));  // printable ASCII
      }
    }
    return out;
  }

  std::int64_t integer() {
    static const std::vector<std::int64_t> kEdges = {0,
                                                     1,
                                                     -1,
                                                     2,
                                                     3,
                                                     7,
                                                     8,
                                                     255,
                                                     256,
                                                     65535,
                                                     65536,
                                                     0x7FFFFFFF,
                                                     0xFFFFFFFFll,
                                                     0x100000000ll,
                                                     1111111,
                                                     1700000000,
                                                     253402300799,
                                                     253402300800,
                                                     std::numeric_limits<std::int64_t>::max(),
                                                     std::numeric_limits<std::int64_t>::min()};
    if (chance(60)) return kEdges[below(kEdges.size())];
    return static_cast<std::int64_t>(rng_());
  }

  // A random value of the JSON type `t` asks for.
  Json typed(tokcheck::schemes::FieldType t) {
    using enum tokcheck::schemes::FieldType;
    switch (t) {
      case kString:
      case kStringOrNull:
        return text();
      case kInteger:
        return integer();
      case kStringOrInteger:
        return chance(50) ? Json(text()) : Json(integer());
      case kArray: {
        Json a = Json::array();
        for (auto n = below(3); n > 0; --n) a.push_back(chance(70) ? Json(integer()) : value(1));
        return a;
      }
      default:
        return value(1);
    }
  }

  Json value(int depth = 0) {
    switch (below(depth > 2 ? 7 : 9)) {
      case 0:
        return nullptr;
      case 1:
        return chance(50);
      case 2:
      case 3:
        return integer();
      case 4:
        return chance(50) ? Json(std::numeric_limits<std::uint64_t>::max()) : Json(rng_());
      case 5:
        return chance(50) ? Json(0.5) : Json(static_cast<double>(integer()) * 1.5);
      case 6:
        return text();
      case 7: {
        Json a = Json::array();
        for (auto n = below(4); n > 0; --n) a.push_back(value(depth + 1));
        return a;
      }
      default: {
        Json o = Json::object();
        for (auto n = below(4); n > 0; --n) {
          static const std::vector<std::string> kKeys = {
              "1",   "2",       "3",           "type",    "privileges", "channel_name",
              "uid", "user_id", "permissions", "account", "0"};
          o[chance(70) ? kKeys[below(kKeys.size())] : text()] = value(depth + 1);
        }
        return o;
      }
    }
  }

 private:
  std::mt19937_64 rng_;
};

std::vector<Base> load_bases(const std::filesystem::path& root) {
  std::vector<Base> out;
  for (const tokcheck::schemes::Scheme* s : tokcheck::schemes::all_schemes()) {
    for (const auto& [file, op] :
         {std::pair{"build.json", tokcheck::schemes::RequestKind::kBuild},
          std::pair{"verify.json", tokcheck::schemes::RequestKind::kVerify}}) {
      std::ifstream in(root / std::string(s->id()) / file);
      if (!in) continue;
      const Json doc = Json::parse(in);
      for (const Json& t : doc.at("tests")) {
        Json request = t.at("input");
        request["scheme"] = s->id();
        out.push_back({s, op, std::move(request)});
      }
    }
  }
  return out;
}

struct Outcome {
  int exit_code;
  std::string out, err;
};

Outcome run_cli(const std::vector<std::string>& args, const std::string& stdin_text) {
  auto r = tokcheck::cli::run_tokcheck_captured(args, stdin_text);
  return {r.exit_code, std::move(r.out), std::move(r.err)};
}

[[noreturn]] void fail(const std::string& why, const std::string& request, const Outcome& o) {
  std::cerr << "FAIL: " << why << "\nrequest: " << request << "\nexit: " << o.exit_code
            << "\nstdout: " << o.out << "\nstderr: " << o.err << "\n";
  std::exit(1);
}

}  // namespace

int main(int argc, char** argv) {
  std::uint64_t inputs = 20000;
  std::uint64_t seed = std::random_device{}();
  std::filesystem::path vectors = tokcheck::conformance::default_vectors_root();
  for (int i = 1; i + 1 < argc; i += 2) {
    const std::string flag = argv[i];
    if (flag == "--inputs") inputs = std::stoull(argv[i + 1]);
    if (flag == "--seed") seed = std::stoull(argv[i + 1]);
    if (flag == "--vectors") vectors = argv[i + 1];
  }
  const std::vector<Base> bases = load_bases(vectors);
  if (bases.empty()) {
    std::cerr << "no build/verify vectors under " << vectors << "\n";
    return 1;
  }
  std::cout << "cli_random_inputs: seed " << seed << ", " << bases.size() << " base requests\n";
  Random r(seed);
  std::uint64_t by_exit[3] = {0, 0, 0};
  for (std::uint64_t n = 0; n < inputs; ++n) {
    const Base& base = bases[r.below(bases.size())];
    Json request = base.request;
    const auto& fields = base.scheme->request_fields(base.op);
    for (auto k = 1 + r.below(2); k > 0; --k) {
      std::string key;
      const tokcheck::schemes::FieldSpec* spec = nullptr;
      if (r.chance(85) && !fields.empty()) {
        spec = &fields[r.below(fields.size())];
        key = std::string(spec->name);
      } else {
        key = r.chance(50) ? "privilges" : r.text();
      }
      if (r.chance(10)) {
        request.erase(key);
      } else if (spec && r.chance(50)) {
        request[key] = r.typed(spec->type);  // well-typed: gets past the checks to the codec
      } else {
        request[key] = r.value();
      }
    }
    std::string text = tokcheck::schemes::safe_dump(request);
    if (r.chance(2)) text += "\xff";  // not UTF-8: the reader must refuse it, not crash
    const bool json = r.chance(50);
    std::vector<std::string> args = {
        "tokcheck", base.op == tokcheck::schemes::RequestKind::kBuild ? "build" : "verify",
        "--input", "-"};
    if (json) args.push_back("--json");
    const Outcome o = run_cli(args, text);
    if (o.exit_code < 0 || o.exit_code > 2) fail("exit code outside 0..2", text, o);
    ++by_exit[o.exit_code];
    if (json && o.exit_code != 2 && !o.out.empty()) {
      if (Json::parse(o.out, nullptr, false).is_discarded())
        fail("--json output is not JSON", text, o);
    }
    const std::string secret_key(base.scheme->secret_field());
    // Only the vectors' own secrets: a random one could be any text the output names.
    if (request.contains(secret_key) && request[secret_key].is_string() &&
        base.request.contains(secret_key) && request[secret_key] == base.request[secret_key]) {
      const std::string secret = request[secret_key].get<std::string>();
      if (secret.size() >= 16 &&
          (o.out.find(secret) != std::string::npos || o.err.find(secret) != std::string::npos)) {
        fail("the secret appears in the output", text, o);
      }
    }
  }
  std::cout << "cli_random_inputs: " << inputs << " inputs, exit 0: " << by_exit[0]
            << ", exit 1: " << by_exit[1] << ", exit 2: " << by_exit[2] << ", no abort\n";
  return 0;
}
