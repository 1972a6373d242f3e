#include "conformance/lib/vector_digest.h"

#include <openssl/evp.h>
#include <sys/stat.h>

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
  begin(relative_path, bytes.size());
  update(bytes);
}

void VectorDigest::begin(const std::string& relative_path, std::size_t size) {
  if (!ctx_->ok) return;
  // Path and size frame each file, so moving bytes between files changes the digest.
  const std::string head = relative_path + '\0' + std::to_string(size) + '\0';
  EVP_DigestUpdate(ctx_->md.get(), head.data(), head.size());
}

void VectorDigest::update(std::string_view bytes) {
  if (ctx_->ok) EVP_DigestUpdate(ctx_->md.get(), bytes.data(), bytes.size());
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

DigestedFile::DigestedFile(const std::filesystem::path& file, const std::string& relative_path,
                           VectorDigest& digest)
    : file_(std::fopen(file.c_str(), "rb")), digest_(digest) {
  // The size of what was opened (fstat of the open file, not a second lookup).
  struct stat st {};
  if (file_ && fstat(fileno(file_), &st) == 0 && S_ISREG(st.st_mode)) {
    size_ = static_cast<std::size_t>(st.st_size);
  } else if (file_) {
    std::fclose(file_);
    file_ = nullptr;
  }
  digest_.begin(relative_path, size_);
}

DigestedFile::~DigestedFile() {
  if (file_) std::fclose(file_);
}

DigestedFile::int_type DigestedFile::underflow() {
  if (gptr() < egptr()) return traits_type::to_int_type(*gptr());
  if (!file_) return traits_type::eof();
  const std::size_t n = std::fread(buffer_.data(), 1, buffer_.size(), file_);
  if (n == 0) {
    read_error_ = read_error_ || std::ferror(file_) != 0;
    return traits_type::eof();
  }
  digest_.update(std::string_view(buffer_.data(), n));
  read_ += n;
  setg(buffer_.data(), buffer_.data(), buffer_.data() + n);
  return traits_type::to_int_type(*gptr());
}

bool DigestedFile::finish() {
  setg(buffer_.data(), buffer_.data(), buffer_.data());
  while (underflow() != traits_type::eof()) setg(buffer_.data(), egptr(), egptr());
  return !read_error_ && read_ == size_;
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
