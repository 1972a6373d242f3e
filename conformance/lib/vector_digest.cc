#include "conformance/lib/vector_digest.h"

#include <openssl/evp.h>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <memory>

namespace tokcheck::conformance {

std::vector<std::filesystem::path> vector_set_files(const std::filesystem::path& root) {
  std::vector<std::filesystem::path> files;
  std::error_code ec;
  for (auto it = std::filesystem::recursive_directory_iterator(root, ec);
       !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
    if (it->is_regular_file(ec) && it->path().extension() == ".json")
      files.push_back(std::filesystem::relative(it->path(), root, ec));
  }
  std::sort(files.begin(), files.end());
  return files;
}

struct VectorDigest::Context {
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> md{EVP_MD_CTX_new(), EVP_MD_CTX_free};
  bool ok = false;
};

VectorDigest::VectorDigest() : ctx_(std::make_unique<Context>()) {
  ctx_->ok = ctx_->md && EVP_DigestInit_ex(ctx_->md.get(), EVP_sha256(), nullptr) == 1;
}

VectorDigest::~VectorDigest() = default;

void VectorDigest::add(const std::string& relative_path, std::string_view bytes) {
  if (!ctx_->ok) return;
  // Path and size frame each file, so moving bytes between files changes the digest.
  const std::string head = relative_path + '\0' + std::to_string(bytes.size()) + '\0';
  EVP_DigestUpdate(ctx_->md.get(), head.data(), head.size());
  EVP_DigestUpdate(ctx_->md.get(), bytes.data(), bytes.size());
}

std::string VectorDigest::finish() {
  if (!ctx_->ok) return "(no SHA-256)";
  unsigned char md[EVP_MAX_MD_SIZE];
  unsigned int len = 0;
  EVP_DigestFinal_ex(ctx_->md.get(), md, &len);
  static constexpr char kHex[] = "0123456789abcdef";
  std::string out = "sha256:";
  for (unsigned int i = 0; i < len; ++i) {
    out += kHex[md[i] >> 4];
    out += kHex[md[i] & 0xF];
  }
  return out;
}

std::string vector_digest(const std::filesystem::path& root,
                          const std::vector<std::filesystem::path>& relative_files) {
  VectorDigest digest;
  std::string bytes;
  for (const auto& rel : relative_files) {
    // Read at once (a character-by-character istreambuf_iterator copy was slow).
    std::ifstream in(root / rel, std::ios::binary | std::ios::ate);
    bytes.assign(in ? static_cast<std::size_t>(in.tellg()) : 0, '\0');
    in.seekg(0);
    in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
    bytes.resize(static_cast<std::size_t>(in.gcount()));
    digest.add(rel.generic_string(), bytes);
  }
  return digest.finish();
}

}  // namespace tokcheck::conformance
