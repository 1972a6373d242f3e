#include "cli/version.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>
#include <vector>

#include "cli/git_revision.h"  // generated at build time by cli/git_revision.cmake
#include "conformance/lib/vector_file.h"

namespace tokcheck::cli {

std::string vector_set_digest(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return "(not found)";
  std::vector<std::filesystem::path> files;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    // The vector files (and their schema) only, so the source tree (which also
    // holds the generators in gen/) and an installed copy give the same digest.
    if (it->is_regular_file(ec) && it->path().extension() == ".json") {
      files.push_back(std::filesystem::relative(it->path(), root, ec));
    }
  }
  std::sort(files.begin(), files.end());
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> ctx(EVP_MD_CTX_new(), EVP_MD_CTX_free);
  if (!ctx || EVP_DigestInit_ex(ctx.get(), EVP_sha256(), nullptr) != 1) return "(no SHA-256)";
  for (const auto& rel : files) {
    std::ifstream in(root / rel, std::ios::binary);
    const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const std::string head = rel.generic_string() + '\0' + std::to_string(bytes.size()) + '\0';
    EVP_DigestUpdate(ctx.get(), head.data(), head.size());
    EVP_DigestUpdate(ctx.get(), bytes.data(), bytes.size());
  }
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx.get(), md, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 0xF];
  }
  return out + " (" + std::to_string(files.size()) + " files)";
}

std::string version_text() {
  const std::filesystem::path root = conformance::default_vectors_root();
  return std::string("tokcheck ") + TOKCHECK_VERSION + "\ngit revision: " + kGitRevision +
         "\nvectors: " + root.string() + "\nvector set: " + vector_set_digest(root) + "\n";
}

}  // namespace tokcheck::cli
