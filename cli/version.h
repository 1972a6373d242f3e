// `tokcheck --version`: what a bug report needs to reproduce a result — the
// release, the git revision built, and which vector set the binary will use
// (its directory and a digest of its files, so two machines can compare).
#pragma once

#include <filesystem>
#include <string>

namespace tokcheck::cli {

// "sha256:<hex> (<n> files)" over every .json file under `root`, in path
// order, each as its relative path, a NUL, its size and its bytes; or
// "(not found)" when `root` is not a directory.
std::string vector_set_digest(const std::filesystem::path& root);

std::string version_text();

}  // namespace tokcheck::cli
