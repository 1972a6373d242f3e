#include "conformance/lib/vector_file.h"

#include <algorithm>
#include <cstdlib>
#include <fstream>
#include <map>
#include <stdexcept>
#include <streambuf>

#include "conformance/lib/vector_file_reader.h"

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

namespace {

// The text already in memory, read where it is (no copy into a stream).
class TextBuf : public std::streambuf {
 public:
  explicit TextBuf(const std::string& text) {
    // The get area is only read; streambuf wants non-const pointers.
    char* begin = const_cast<char*>(text.data());
    setg(begin, begin, begin + text.size());
  }
};

}  // namespace

std::vector<std::string> load_vector_file(const std::string& text, const JsonSchema& schema,
                                          VectorFile& out) {
  TextBuf buf(text);
  // Held until loaded: `out` is filled only when the file loads (path kept).
  WholeFiles keep([&out](VectorFile& file) { out = std::move(file); });
  return read_vector_file(buf, out.path, schema, keep, Delivery::kWhenLoaded);
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
