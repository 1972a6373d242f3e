#include "conformance/lib/vector_file.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

namespace tokcheck::conformance {

const JsonSchema& vector_schema(const std::filesystem::path& vectors_root) {
  static std::map<std::string, JsonSchema> cache;
  const std::string key = vectors_root.string();
  auto it = cache.find(key);
  if (it == cache.end()) {
    std::ifstream in(vectors_root / "schema" / "tokcheck_vectors_v1.schema.json");
    if (!in) throw std::runtime_error("cannot read the vector schema under " + key);
    it = cache.emplace(key, JsonSchema(Json::parse(in))).first;
  }
  return it->second;
}

std::vector<std::string> load_vector_file(const std::string& text, const JsonSchema& schema,
                                          VectorFile& out) {
  Json doc = Json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) return {"not valid JSON"};
  std::vector<std::string> errors = schema.validate(doc);
  if (!errors.empty()) return errors;

  const Json& tests = doc["tests"];
  if (doc["numberOfTests"].get<std::size_t>() != tests.size()) {
    errors.push_back("numberOfTests is " + doc["numberOfTests"].dump() + " but there are " +
                     std::to_string(tests.size()) + " tests");
  }
  std::set<int> ids;
  for (const Json& t : tests) {
    const int id = t["tcId"].get<int>();
    const std::string where = "tcId " + std::to_string(id);
    if (!ids.insert(id).second) errors.push_back(where + ": duplicate tcId");
    for (const Json& f : t["flags"]) {
      if (!doc["notes"].contains(f.get<std::string>())) {
        errors.push_back(where + ": flag " + f.dump() + " has no entry in notes");
      }
    }
    // What each operation's expectation must contain, or the case judges nothing.
    const std::string op = doc["operation"].get<std::string>();
    const Json& e = t["expected"];
    const bool has_expectation = (op == "build" && (e.contains("token") || e.contains("error"))) ||
                                 (op == "parse" && e.contains("ok")) ||
                                 (op == "verify" && e.contains("condition")) ||
                                 (op == "scenario" && e.contains("outputs"));
    if (!has_expectation) errors.push_back(where + ": expected says nothing for a " + op + " case");
    if (t["result"] == "acceptable" && t["flags"].empty()) {
      errors.push_back(where + ": an acceptable test must carry a flag");
    }
  }
  if (!errors.empty()) return errors;

  out.scheme = doc["scheme"].get<std::string>();
  out.operation = doc["operation"].get<std::string>();
  out.tests.clear();
  out.tests.reserve(tests.size());
  // Moved out of the parsed document, not copied (deep copies of every input and
  // expected object were ~9% of a conformance run).
  for (Json& t : doc["tests"]) {
    VectorCase c;
    c.tc_id = t["tcId"].get<int>();
    c.comment = std::move(t["comment"].get_ref<std::string&>());
    for (Json& f : t["flags"]) c.flags.push_back(std::move(f.get_ref<std::string&>()));
    c.result = std::move(t["result"].get_ref<std::string&>());
    c.source = std::move(t["source"].get_ref<std::string&>());
    c.input = std::move(t["input"]);
    c.expected = std::move(t["expected"]);
    out.tests.push_back(std::move(c));
  }
  return {};
}

std::vector<std::filesystem::path> find_vector_files(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> out;
  std::error_code ec;
  for (const auto& dir : std::filesystem::directory_iterator(root, ec)) {
    if (!dir.is_directory() || dir.path().filename() == "schema" ||
        dir.path().filename() == "gen") {
      continue;
    }
    for (const auto& file : std::filesystem::directory_iterator(dir.path(), ec)) {
      if (file.path().extension() == ".json") out.push_back(file.path());
    }
  }
  std::sort(out.begin(), out.end());
  return out;
}

// In order: $TOKCHECK_VECTORS; ../share/tokcheck/vectors next to the running
// binary (what `cmake --install` lays out, so an installed or moved tree works);
// the source tree the binary was built from.
std::filesystem::path default_vectors_root() {
  if (const char* env = std::getenv("TOKCHECK_VECTORS"); env && *env) return env;
  std::error_code ec;
  const std::filesystem::path exe = std::filesystem::read_symlink("/proc/self/exe", ec);
  if (!ec) {
    const std::filesystem::path installed =
        exe.parent_path().parent_path() / "share" / "tokcheck" / "vectors";
    if (std::filesystem::is_directory(installed, ec)) return installed;
  }
  return TOKCHECK_DEFAULT_VECTORS_DIR;
}

}  // namespace tokcheck::conformance
