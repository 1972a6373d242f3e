#include "cli/version.h"

#include "cli/git_revision.h"  // generated at build time by cli/git_revision.cmake
#include "conformance/lib/vector_digest.h"
#include "conformance/lib/vector_file.h"

namespace tokcheck::cli {

std::string vector_set_digest(const std::filesystem::path& root) {
  std::error_code ec;
  if (!std::filesystem::is_directory(root, ec)) return "(not found)";
  const auto files = conformance::vector_set_files(root);
  return conformance::vector_digest(root, files) + " (" + std::to_string(files.size()) + " files)";
}

std::string version_text() {
  const std::filesystem::path root = conformance::default_vectors_root();
  return std::string("tokcheck ") + TOKCHECK_VERSION + "\ngit revision: " + kGitRevision +
         "\nvectors: " + root.string() + "\nvector set: " + vector_set_digest(root) + "\n";
}

}  // namespace tokcheck::cli
