// A request field's name, JSON type and whether it may be left out: the words a
// scheme uses to declare its build, parse and verify requests
// (Scheme::request_fields). Checking a request against them: request_fields.h.
#pragma once

#include <string_view>
#include <vector>

namespace tokcheck::schemes {

enum class FieldType {
  kString,
  kInteger,
  kObject,
  kArray,
  kStringOrInteger,  // Agora uid: "123" or 123 (0 → ""), seed 000 / VECTORS.md
  kStringOrObject,   // Tencent verify "userbuf": an object, or "none"
  kStringOrNull,     // Agora "app_certificate": null or "" = no certificate
  kAny,              // ZEGO generator inputs: ZEGO's own error codes judge them
};
std::string_view to_string(FieldType t);

enum class Need {
  kOptional,
  kRequired,
  kDefaulted,  // build: absent → Scheme::fill_build_defaults fills it, as the vendor's builder does
};

struct FieldSpec {
  std::string_view name;
  FieldType type;
  Need need;
};

// Which of a scheme's three requests a table describes.
enum class RequestKind { kBuild, kParse, kVerify };

// One scheme's three tables, held by its adapter.
struct RequestTables {
  std::vector<FieldSpec> build;
  std::vector<FieldSpec> parse;
  std::vector<FieldSpec> verify;

  const std::vector<FieldSpec>& of(RequestKind kind) const {
    switch (kind) {
      case RequestKind::kBuild:
        return build;
      case RequestKind::kParse:
        return parse;
      case RequestKind::kVerify:
        break;
    }
    return verify;
  }
};

}  // namespace tokcheck::schemes
