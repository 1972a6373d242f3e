// Small hand-made runs for the report unit tests: one of each kind of case
// (pass, failure with stderr, allowed, acceptable, not declared, not run).
#pragma once

#include <string>
#include <vector>

#include "conformance/lib/runner.h"

namespace tokcheck::conformance::testing {

inline CaseRecord make_case(const std::string& file, int tc, Status status, bool failed) {
  CaseRecord c;
  c.file = file;
  c.tc_id = tc;
  c.id = file + "#" + std::to_string(tc);
  c.scheme = file.substr(0, file.find('/'));
  c.operation = file.substr(file.find('/') + 1, file.find('.') - file.find('/') - 1);
  c.comment = "case " + std::to_string(tc);
  c.result = "valid";
  c.status = status;
  c.failed = failed;
  c.expected = {{"condition", "valid"}};
  c.got = {{"id", c.id}, {"condition", "valid"}};
  c.duration = std::chrono::microseconds(100 + tc);
  return c;
}

inline RunReport make_run(const std::string& name) {
  RunReport r;
  r.implementation = name + " --serve";
  r.hello = {{"id", "hello"}, {"protocol", 1}, {"implementation", {{"name", name}}}};
  r.protocol = 1;
  r.tool_version = "1.2.3";
  r.vectors_digest = "sha256:" + std::string(64, 'a');
  r.cases.push_back(make_case("agora-007/verify.json", 1, Status::kPass, false));
  CaseRecord bad = make_case("agora-007/verify.json", 2, Status::kShouldHaveFailed, true);
  bad.got = {{"id", bad.id}, {"condition", "valid"}};
  bad.expected = {{"condition", "expired"}};
  bad.message = "accepted an expired token";
  bad.stderr_excerpt = "oops\x01\xff";
  r.cases.push_back(bad);
  CaseRecord allowed = make_case("agora-007/verify.json", 3, Status::kWrongOutput, false);
  allowed.allowed = true;
  allowed.allow_reason = "known";
  r.cases.push_back(allowed);
  CaseRecord acceptable = make_case("agora-007/parse.json", 4, Status::kAcceptable, false);
  acceptable.flags = {"LenientHex"};
  acceptable.result = "acceptable";
  r.cases.push_back(acceptable);
  r.cases.push_back(make_case("zego-04/verify.json", 5, Status::kNotDeclared, false));
  r.cases.push_back(make_case("zego-04/verify.json", 6, Status::kNotRun, true));
  r.executed = 4;
  r.passed = 2;
  r.failed = 2;
  r.allowed = 1;
  r.skipped = 1;
  r.not_run = 1;
  r.stale_allowlist = {"agora-007/verify.json#99"};
  r.stop_reason = "--max-time of 10 ms reached";
  r.errors = {r.stop_reason};
  return r;
}

}  // namespace tokcheck::conformance::testing
