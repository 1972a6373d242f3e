// The one strict JSON reader (RFC 8259 grammar, RFC 3629 UTF-8, RFC 7493 I-JSON
// unique member names and no lone surrogate escapes) for the claims inside tokens:
// ZEGO's claims and the privilege payload nested in them, Tencent's UserSig claims.
// Two passes over one buffer:
//
//  1. validate(): the text is exactly one RFC 8259 JSON value (whitespace around it
//     allowed), strings are valid UTF-8 with no lone surrogate escapes, no object
//     has two members with the same name after unescaping (RFC 7493 I-JSON §2.3),
//     numbers fit binary64, and nesting is at most kMaxDepth deep. Failing this is
//     "not strict JSON" (Malformation::kBadJson).
//  2. The pull methods (peek, begin_object, next_key, read_string, read_int, ...)
//     walk the validated text so a codec can check the claims' *shape* (member
//     names and types) and report anything unexpected as Condition::kPayloadInvalid.
//     For the top-level object validate() also keeps each member's name, type and
//     value span (root_object()), so the claims readers need no second walk.
//
// Why not a general JSON library: verification is a hot path (one verifier, many
// tokens) and libraries either accept duplicates silently (last one wins) or
// allocate a DOM per token. This reader keeps its scratch buffers across calls, so
// once they have grown it allocates nothing. It never throws and never reads out of
// bounds, whatever the input; the pull methods return false on anything they did
// not expect, even on text that skipped validate().
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <span>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

namespace tokcheck {

class StrictJsonReader {
 public:
  static constexpr int kMaxDepth = 32;

  enum class Type : std::uint8_t { kEnd, kObject, kArray, kString, kNumber, kBool, kNull, kBad };

  // Starts over on `text` (buffers keep their capacity).
  void reset(std::string_view text);

  // Pass 1. Leaves the cursor at the start again, ready for pass 2.
  bool validate();

  // Pass 2: the type of the next value (whitespace skipped).
  Type peek();
  bool begin_object();  // consumes '{'
  // Inside an object: true with `key` = the next member's name and the ':' consumed;
  // false when the closing '}' is reached (it is consumed).
  bool next_key(std::string& key);
  // The same, but `key` views the name without copying it: into the text when it
  // has no escapes, else into a buffer of the reader's that the next call reuses.
  bool next_key(std::string_view& key);
  bool begin_array();  // consumes '['
  // Inside an array: true when another element follows; false at ']' (consumed).
  bool next_element();
  bool read_string(std::string& out);  // unescaped UTF-8
  // An integer (no fraction, no exponent) within int64; false for any other number.
  bool read_int(std::int64_t& out);
  bool read_bool(bool& out);
  bool read_null();
  bool skip_value();
  bool at_end();  // only whitespace remains

  // Pass 2 without a second walk, for the top-level object: validate() keeps what
  // it saw of that object's members, and these methods answer from that what the
  // pull methods would answer walking the object.
  struct Member {
    std::string_view name;   // unescaped
    Type type = Type::kBad;  // of the value, as peek() would say at it
    std::size_t start = 0;   // the value's text is [start, end)
    std::size_t end = 0;
    bool escaped = false;  // a kString value holds escapes
  };
  // True when the last validate() returned true and the value is an object;
  // `members` are then its members in order (valid until reset() or validate()).
  bool root_object(std::span<const Member>& members) const;
  // What read_int() / read_string() would give at the member's value (so `out`
  // is 0 / empty whenever they return false). The cursor does not move.
  bool read_int(const Member& m, std::int64_t& out) const;
  bool read_string(const Member& m, std::string& out);
  // Moves the cursor to the member's value, to read it with the pull methods.
  void seek(const Member& m) { pos_ = m.start < text_.size() ? m.start : text_.size(); }

  // A shortcut past validate() for text in the one spelling generators write:
  // true only when the text (from reset()) is exactly
  //   {"names[0]":v0,"names[1]":v1,...}
  // with no whitespace anywhere, each value a string of plain bytes (printable
  // ASCII, no '"', no '\', no escapes) or an integer -?(0|[1-9][0-9]*) of at most
  // 19 digits. Such text is strict JSON, so validate() would return true, and
  // root_object() would then give exactly what this writes to members[0..n)
  // (names as views into the text, types, spans, escaped = false). False on
  // anything else, which tells nothing: the caller runs validate(). The names
  // must be pairwise distinct and of plain bytes (else duplicates would pass),
  // and members.size() >= names.size() > 0. The cursor and what root_object()
  // reports do not change.
  bool match_plain_object(std::span<const std::string_view> names, std::span<Member> members) const;

  // The same shortcut for objects whose names are not known in advance, in the
  // spellings of the generators that write them: true only when the text is
  //   {"n0":v0,"n1":v1,...}
  // where each ':' and each ',' may be followed by one space (Python's
  // json.dumps writes ": " and ", "), the text may end in one '\n' (Go's
  // json.Encoder adds it), each name and each string value is plain bytes as
  // above, each number an integer of at most 19 digits as above, and the names
  // are pairwise distinct. Then `count` members are written to members[0..count)
  // exactly as root_object() would give them after validate(). False on anything
  // else (including more members than members.size()), which tells nothing.
  bool scan_plain_object(std::span<Member> members, std::size_t& count) const;

 private:
  // A member name seen by validate(): `length` bytes at `offset` in text_, or in
  // names_ when the name had escapes (names_ may move while nested objects are
  // read, so names are located only when compared).
  struct NameSpan {
    std::size_t offset = 0;
    std::size_t length = 0;
    bool unescaped = false;
    char first = 0;  // the name's first byte (0 when empty), to tell names apart cheaply
  };

  bool validate_value(int depth);
  bool validate_object(int depth);
  bool validate_array(int depth);
  bool unique_names(std::size_t first);  // of the object whose names start at `first`
  std::string_view name(const NameSpan& s) const;
  // Reads a string at the cursor, appending its unescaped text to `out` unless
  // that is null (then it only validates). `escaped` tells whether the string
  // held a backslash escape.
  bool scan_string_append(std::string* out, bool& escaped);
  // The rest of a string after its plain start: escapes, non-ASCII, the end.
  bool scan_string_slow(std::string* out, bool& escaped);
  void add_name(std::size_t offset, std::size_t length, bool unescaped, char first);
  void add_member(std::size_t name_offset, std::size_t name_length, bool name_escaped,
                  std::size_t start, std::size_t end);
  bool scan_string(std::string* out);
  bool scan_literal(std::string_view word);
  // Inside an object, moves to the next member's name (past any ','); false at
  // the closing '}', which it consumes. Shared by both next_key overloads.
  bool to_next_member();
  static bool is_ws(char c) {
    // ' ', '\t', '\n', '\r' as one bit test.
    constexpr std::uint64_t kWs = (1ull << ' ') | (1ull << '\t') | (1ull << '\n') | (1ull << '\r');
    const auto u = static_cast<unsigned char>(c);
    return u <= ' ' && ((kWs >> u) & 1) != 0;
  }
  void skip_ws() {
    while (pos_ < text_.size() && is_ws(text_[pos_])) ++pos_;
  }
  bool consume(char c) {
    skip_ws();
    if (pos_ < text_.size() && text_[pos_] == c) {
      ++pos_;
      return true;
    }
    return false;
  }

  std::string_view text_;
  std::size_t pos_ = 0;
  // Member names of the objects currently open during validate(); each open
  // object owns the tail of name_spans_ (and of names_) that starts where it began.
  std::string names_;
  std::vector<NameSpan> name_spans_;  // [0, name_count_) in use; grows, never shrinks
  std::size_t name_count_ = 0;
  // The top-level object's members (root_object()): [0, member_count_) of members_,
  // their names located by member_names_ (escaped ones copied into root_names_,
  // which only validate() writes) until validate() ends and sets the views.
  std::vector<Member> members_;
  std::vector<NameSpan> member_names_;
  std::size_t member_count_ = 0;
  std::string root_names_;
  bool record_members_ = false;  // validate() has not reached the top-level value yet
  bool root_object_ = false;
  bool last_string_escaped_ = false;  // of the last string value validate_value() read
  std::string scratch_;
};

// Whether the member name `key` is `name` (a string literal): lengths first, then
// bytes, in a comparison the compiler can inline.
template <std::size_t N>
bool key_is(std::string_view key, const char (&name)[N]) {
  return key.size() == N - 1 && std::memcmp(key.data(), name, N - 1) == 0;
}

// Reads an object whose members are exactly `names`, each once in any order (a
// closed claims set): read(i, m) for the member m named names[i]. False when a
// member's name is not in the table, a read returns false, or a name of the table
// is missing. Names are unique in `members` (validate() refuses duplicates).
// `matched`: the members are what match_plain_object() wrote for these names, so
// member i is names[i] and no name is compared again (the hot paths' case).
template <std::size_t N, class Read>
bool read_exact_members(std::span<const StrictJsonReader::Member> members,
                        const std::string_view (&names)[N], Read&& read, bool matched = false) {
  static_assert(N > 0 && N < 32, "one bit per name");
  if (matched) {
    for (std::size_t i = 0; i < N; ++i) {
      if (!read(i, members[i])) return false;
    }
    return true;
  }
  // Generators write the names in the table's order: try the member's own
  // position first, then the others.
  std::uint32_t seen = 0;
  std::size_t position = 0;
  for (const StrictJsonReader::Member& m : members) {
    std::size_t i = position < N ? position : 0;
    std::size_t tried = 0;
    while (tried < N && m.name != names[i]) {
      i = i + 1 == N ? 0 : i + 1;
      ++tried;
    }
    if (tried == N || !read(i, m)) return false;
    seen |= 1u << i;
    ++position;
  }
  return seen == (1u << N) - 1;
}

// A member's value read into a destination of its JSON type: an integer into
// int64_t, an integer in [0, 2^32-1] into uint32_t, a string into std::string.
// A format adds overloads for its own types beside them (found by ADL).
inline bool read_member(StrictJsonReader& r, const StrictJsonReader::Member& m, std::int64_t& out) {
  return r.read_int(m, out);
}
inline bool read_member(StrictJsonReader& r, const StrictJsonReader::Member& m,
                        std::uint32_t& out) {
  std::int64_t v = 0;
  if (!r.read_int(m, v) || v < 0 || v > 0xFFFFFFFFll) return false;
  out = static_cast<std::uint32_t>(v);
  return true;
}
inline bool read_member(StrictJsonReader& r, const StrictJsonReader::Member& m, std::string& out) {
  return r.read_string(m, out);
}

// A closed object read by a member table: names[i] goes to the i-th destination
// of `to` (std::tie / std::forward_as_tuple), by read_member(); otherwise as
// read_exact_members().
template <std::size_t N, class Destinations>
bool read_members(StrictJsonReader& r, std::span<const StrictJsonReader::Member> members,
                  const std::string_view (&names)[N], Destinations&& to, bool matched = false) {
  static_assert(std::tuple_size_v<std::remove_cvref_t<Destinations>> == N,
                "one destination per name");
  auto read_into = [&]<std::size_t... I>(std::size_t i, const StrictJsonReader::Member& m,
                                         std::index_sequence<I...>) {
    bool ok = false;
    (void)((i == I && (ok = read_member(r, m, std::get<I>(to)), true)) || ...);
    return ok;
  };
  return read_exact_members(
      members, names,
      [&](std::size_t i, const StrictJsonReader::Member& m) {
        return read_into(i, m, std::make_index_sequence<N>{});
      },
      matched);
}

}  // namespace tokcheck
