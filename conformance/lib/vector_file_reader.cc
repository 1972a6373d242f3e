#include "conformance/lib/vector_file_reader.h"

#include <istream>
#include <set>
#include <utility>

#include "conformance/lib/operation.h"

namespace tokcheck::conformance {
namespace {

const std::string kTests = "tests";

// The schema holds for `t` (validate_item said so): every member read here is
// there with its type. Moved out, not copied (deep copies of every input and
// expected object were ~9% of a conformance run).
VectorCase take_apart(Json& t) {
  VectorCase c;
  c.tc_id = t["tcId"].get<int>();
  c.comment = std::move(t["comment"].get_ref<std::string&>());
  for (Json& f : t["flags"]) c.flags.push_back(std::move(f.get_ref<std::string&>()));
  c.result = std::move(t["result"].get_ref<std::string&>());
  c.source = std::move(t["source"].get_ref<std::string&>());
  c.input = std::move(t["input"]);
  c.expected = std::move(t["expected"]);
  return c;
}

// One file, one pass: nlohmann's parser builds the document but for the items of
// "tests", each of which the parser callback checks, takes apart and leaves as a
// null (so numberOfTests and minItems still count them) as soon as it is read.
class Reader {
 public:
  Reader(const std::string& path, const JsonSchema& schema, VectorCaseSink& sink, Delivery delivery)
      : schema_(schema), sink_(sink), delivery_(delivery) {
    header_.path = path;
  }

  std::vector<std::string> read(std::streambuf& text) {
    std::istream in(&text);
    const Json doc = Json::parse(
        in,
        [this](int depth, Json::parse_event_t event, Json& parsed) {
          on_event(depth, event, parsed);
          return true;
        },
        /*allow_exceptions=*/false);
    if (doc.is_discarded()) return fail({"not valid JSON"});

    std::vector<std::string> errors = schema_.validate_except_items(doc, kTests);
    errors.insert(errors.end(), item_errors_.begin(), item_errors_.end());
    errors.insert(errors.end(), duplicates_.begin(), duplicates_.end());
    if (!errors.empty()) return fail(std::move(errors));

    // The whole schema holds from here: the header members are there, typed.
    if (doc["numberOfTests"].get<std::size_t>() != items_) {
      errors.push_back("numberOfTests is " + doc["numberOfTests"].dump() + " but there are " +
                       std::to_string(items_) + " tests");
    }
    if (unlinted_) {
      // The tests came before the scheme, operation or notes: lint them now
      // (the schema holds, so the members read here are there).
      header_.scheme = doc["scheme"].get<std::string>();
      header_.operation = doc["operation"].get<std::string>();
      for (const auto& [name, note] : doc["notes"].items()) notes_.insert(name);
      for (const VectorCase& c : held_) lint(c);
    }
    errors.insert(errors.end(), lint_errors_.begin(), lint_errors_.end());
    if (!errors.empty()) return fail(std::move(errors));

    for (VectorCase& c : held_) hand_on(c);
    held_.clear();
    if (begun_) sink_.end_file(header_, true);
    return {};
  }

 private:
  void on_event(int depth, Json::parse_event_t event, Json& parsed) {
    using E = Json::parse_event_t;
    const bool completes = event == E::value || event == E::object_end || event == E::array_end;
    if (depth == 0 && event == E::object_start) root_is_object_ = true;
    if (depth == 1 && root_is_object_) {
      if (event == E::key) {
        key_ = parsed.get<std::string>();
        if (!keys_.insert(key_).second) {
          // Quoted and escaped as JSON: the name is the file's, control bytes and all.
          duplicates_.push_back("/: member " + Json(key_).dump() + " appears twice");
        }
      } else if (event == E::array_start) {
        in_tests_ = key_ == kTests;
      } else if (completes) {
        on_member(parsed);
        in_tests_ = false;
      }
    } else if (depth == 2 && in_tests_ && completes) {
      on_test(parsed);
    }
  }

  // A header member, kept when a case needs it: what runs it (scheme,
  // operation) and what its flags must be described in (notes).
  void on_member(const Json& value) {
    if (key_ == "scheme" && value.is_string()) {
      header_.scheme = value.get<std::string>();
      scheme_known_ = true;
    } else if (key_ == "operation" && value.is_string() &&
               operation_from_string(value.get_ref<const std::string&>())) {
      header_.operation = value.get<std::string>();
      operation_known_ = true;
    } else if (key_ == "notes" && value.is_object()) {
      for (const auto& [name, note] : value.items()) notes_.insert(name);
      notes_known_ = true;
    }
  }

  void on_test(Json& item) {
    const std::size_t index = items_++;
    auto errors = schema_.validate_item(kTests, index, item);
    if (!errors.empty()) {
      item_errors_.insert(item_errors_.end(), errors.begin(), errors.end());
      schema_failed_ = true;
    }
    if (schema_failed_) {
      // The file will not load, and only its schema errors are reported.
      item = nullptr;
      return;
    }
    VectorCase c = take_apart(item);
    item = nullptr;
    if (!header_known()) {
      held_.push_back(std::move(c));
      unlinted_ = true;
      return;
    }
    // Every case is linted, so the file's every lint error is reported.
    if (!lint(c)) lint_failed_ = true;
    if (lint_failed_) return;
    if (delivery_ == Delivery::kAsRead) {
      hand_on(c);
    } else {
      held_.push_back(std::move(c));
    }
  }

  // The rules the schema cannot say: tcIds unique, every flag described in
  // notes, an expectation the operation reads, every acceptable test flagged.
  bool lint(const VectorCase& c) {
    const std::size_t before = lint_errors_.size();
    const std::string where = "tcId " + std::to_string(c.tc_id);
    if (!ids_.insert(c.tc_id).second) lint_errors_.push_back(where + ": duplicate tcId");
    for (const std::string& f : c.flags) {
      if (!notes_.count(f)) {
        lint_errors_.push_back(where + ": flag " + Json(f).dump() + " has no entry in notes");
      }
    }
    // What each operation's expectation must contain, or the case judges nothing.
    const std::string& op = header_.operation;
    const Json& e = c.expected;
    const bool has_expectation = (op == "build" && (e.contains("token") || e.contains("error"))) ||
                                 (op == "parse" && e.contains("ok")) ||
                                 (op == "verify" && e.contains("condition")) ||
                                 (op == "scenario" && e.contains("outputs"));
    if (!has_expectation) {
      lint_errors_.push_back(where + ": expected says nothing for a " + op + " case");
    }
    if (c.result == "acceptable" && c.flags.empty()) {
      lint_errors_.push_back(where + ": an acceptable test must carry a flag");
    }
    return lint_errors_.size() == before;
  }

  bool header_known() const { return scheme_known_ && operation_known_ && notes_known_; }

  void hand_on(VectorCase& c) {
    if (!begun_) {
      sink_.begin_file(header_);
      begun_ = true;
    }
    sink_.take_case(header_, c);
  }

  std::vector<std::string> fail(std::vector<std::string> errors) {
    if (begun_) sink_.end_file(header_, false);
    return errors;
  }

  const JsonSchema& schema_;
  VectorCaseSink& sink_;
  Delivery delivery_;
  VectorFile header_;
  bool root_is_object_ = false;
  std::string key_;  // the top-level member being read
  std::set<std::string> keys_;
  bool in_tests_ = false;  // reading the items of the top-level "tests" array
  bool scheme_known_ = false;
  bool operation_known_ = false;
  bool notes_known_ = false;
  std::set<std::string> notes_;
  std::size_t items_ = 0;
  std::set<int> ids_;
  std::vector<VectorCase> held_;
  bool unlinted_ = false;       // held_ came before the header: lint at the end
  bool schema_failed_ = false;  // nothing more is taken apart, linted or handed on
  bool lint_failed_ = false;    // nothing more is handed on
  bool begun_ = false;
  std::vector<std::string> item_errors_;
  std::vector<std::string> lint_errors_;
  std::vector<std::string> duplicates_;
};

}  // namespace

std::vector<std::string> read_vector_file(std::streambuf& text, const std::string& path,
                                          const JsonSchema& schema, VectorCaseSink& sink,
                                          Delivery delivery) {
  return Reader(path, schema, sink, delivery).read(text);
}

}  // namespace tokcheck::conformance
