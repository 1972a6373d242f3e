#include "reference/vendors/tencent/usersig.h"

#include <array>
#include <charconv>
#include <cstring>

#include "reference/core/crypto_util.h"

namespace tokcheck::tencent {
namespace {

constexpr std::string_view kVer = "TLS.ver";
constexpr std::string_view kIdentifier = "TLS.identifier";
constexpr std::string_view kSdkAppId = "TLS.sdkappid";
constexpr std::string_view kExpire = "TLS.expire";
constexpr std::string_view kTime = "TLS.time";
constexpr std::string_view kSig = "TLS.sig";
constexpr std::string_view kUserbuf = "TLS.userbuf";

// The claims' members by slot; kMemberCount means "not a UserSig member".
enum Slot : std::size_t {
  kSlotVer,
  kSlotIdentifier,
  kSlotSdkAppId,
  kSlotExpire,
  kSlotTime,
  kSlotSig,
  kSlotUserbuf,
  kMemberCount
};

// One pass over the members instead of a find() per name plus a scan for unknown
// names (7 x 7 string compares, ~8% of a verify by perf): the key's length picks
// the only candidate, one compare confirms it.
Slot slot_of(std::string_view key) {
  auto is = [key](std::string_view name, Slot slot) { return key == name ? slot : kMemberCount; };
  switch (key.size()) {
    case kVer.size():  // TLS.ver and TLS.sig share a length
      return key == kVer ? kSlotVer : is(kSig, kSlotSig);
    case kIdentifier.size():
      return is(kIdentifier, kSlotIdentifier);
    case kSdkAppId.size():
      return is(kSdkAppId, kSlotSdkAppId);
    case kExpire.size():
      return is(kExpire, kSlotExpire);
    case kTime.size():
      return is(kTime, kSlotTime);
    case kUserbuf.size():
      return is(kUserbuf, kSlotUserbuf);
    default:
      return kMemberCount;
  }
}
static_assert(kVer.size() == kSig.size() && kIdentifier.size() == 14 && kSdkAppId.size() == 12 &&
                  kExpire.size() == 10 && kTime.size() == 8 && kUserbuf.size() == 11,
              "slot_of dispatches on these lengths");

// The decoded claims, pointing into the reader's member storage and the buffers.
struct ClaimsView {
  std::string_view identifier;
  std::uint32_t sdkappid = 0;
  std::int64_t expire = 0;
  std::int64_t time = 0;
  std::int64_t expires_at = 0;  // time + expire, checked not to overflow
  // The three integers in decimal, as the signed string spells them (what
  // std::to_string gives in the SDKs): the JSON's own digits, see decimal_text.
  std::string_view sdkappid_text;
  std::string_view time_text;
  std::string_view expire_text;
  bool has_userbuf = false;
  std::string_view userbuf_text;  // TLS.userbuf as written
  bool userbuf_lenient = false;   // TLS.userbuf decoded only leniently
};

struct Decoded {
  Malformation error = Malformation::kNone;
  Condition condition = Condition::kValid;
  bool lenient = false;
};

Decoded fail(Malformation m, Condition c) { return {m, c, false}; }

const JsonMember* integer_member(const JsonMember* m) {
  if (m == nullptr || m->kind != JsonMember::Kind::kInteger || m->integer_overflow) return nullptr;
  return m;
}

// An integer's decimal text as the SDKs format its value for the signed string.
// A JSON integer has one spelling per value (RFC 8259 §6: no leading zeros, no
// '+'), which the strict reader enforced, except that "-0" is 0: so the text as
// written is the formatted value, without formatting it again (three to_chars
// were ~390 of a verify's ~15,300 instructions).
std::string_view decimal_text(const JsonMember& m) {
  return m.lexeme == "-0" ? std::string_view("0") : m.lexeme;
}

// Every buffer is the caller's, so a verifier reuses them.
struct Buffers {
  Inflater& inflater;
  std::vector<std::uint8_t>& compressed;
  std::vector<std::uint8_t>& json;
  JsonObjectReader& reader;
  std::vector<std::uint8_t>& signature;
  std::vector<std::uint8_t>& userbuf;
};

Decoded decode(std::string_view token, Base64Mode mode, Buffers& b, ClaimsView& v) {
  if (token.empty()) return fail(Malformation::kEmpty, Condition::kMalformed);
  const Base64Decoded outer = base64_decode(token, mode, b.compressed, Base64Alphabet::kTencent);
  if (outer.error != Malformation::kNone) return fail(outer.error, Condition::kMalformed);
  Decoded out;
  out.lenient = outer.lenient_used;
  if (Malformation m = b.inflater.inflate(b.compressed, b.json); m != Malformation::kNone) {
    return fail(m, Condition::kMalformed);
  }
  if (b.reader.parse(as_chars(b.json)) != Malformation::kNone) {
    return fail(Malformation::kBadJson, Condition::kMalformed);
  }
  std::array<const JsonMember*, kMemberCount> slot{};
  bool unknown_member = false;
  for (const JsonMember& m : b.reader.members()) {  // the reader refused duplicate names
    const Slot at = slot_of(m.key);
    if (at == kMemberCount) {
      unknown_member = true;
    } else {
      slot[at] = &m;
    }
  }

  // A missing TLS.ver is a version 1 (ECDSA) sig: the TLS C++ verifier's
  // get_sig_version() defaults it to "1.0".
  const JsonMember* ver = slot[kSlotVer];
  if (ver == nullptr) return fail(Malformation::kBadPrefix, Condition::kUnsupportedVersion);
  if (ver->kind != JsonMember::Kind::kString) {
    return fail(Malformation::kBadField, Condition::kPayloadInvalid);
  }
  if (ver->string_value != kUserSigVersion) {
    return fail(Malformation::kBadPrefix, Condition::kUnsupportedVersion);
  }
  if (unknown_member) return fail(Malformation::kBadField, Condition::kPayloadInvalid);

  const JsonMember* identifier = slot[kSlotIdentifier];
  const JsonMember* sdkappid = integer_member(slot[kSlotSdkAppId]);
  const JsonMember* expire = integer_member(slot[kSlotExpire]);
  const JsonMember* time = integer_member(slot[kSlotTime]);
  const JsonMember* sig = slot[kSlotSig];
  const JsonMember* userbuf = slot[kSlotUserbuf];
  if (identifier == nullptr || identifier->kind != JsonMember::Kind::kString ||
      sdkappid == nullptr || sdkappid->integer < 0 || sdkappid->integer > 0xFFFFFFFFll ||
      expire == nullptr || time == nullptr || time->integer < 0 || sig == nullptr ||
      sig->kind != JsonMember::Kind::kString ||
      (userbuf != nullptr && userbuf->kind != JsonMember::Kind::kString)) {
    return fail(Malformation::kBadField, Condition::kPayloadInvalid);
  }
  v.identifier = identifier->string_value;
  v.sdkappid = static_cast<std::uint32_t>(sdkappid->integer);
  v.expire = expire->integer;
  v.time = time->integer;
  v.sdkappid_text = decimal_text(*sdkappid);
  v.expire_text = decimal_text(*expire);
  v.time_text = decimal_text(*time);
  if (__builtin_add_overflow(v.time, v.expire, &v.expires_at)) {
    return fail(Malformation::kBadField, Condition::kPayloadInvalid);
  }

  const Base64Decoded s = base64_decode(sig->string_value, mode, b.signature);
  if (s.error != Malformation::kNone) return fail(s.error, Condition::kPayloadInvalid);
  out.lenient = out.lenient || s.lenient_used;
  v.has_userbuf = userbuf != nullptr;
  b.userbuf.clear();
  if (v.has_userbuf) {
    const Base64Decoded u = base64_decode(userbuf->string_value, mode, b.userbuf);
    if (u.error != Malformation::kNone) return fail(u.error, Condition::kPayloadInvalid);
    v.userbuf_text = userbuf->string_value;
    v.userbuf_lenient = u.lenient_used;
    out.lenient = out.lenient || u.lenient_used;
  }
  return out;
}

// Feeds the signed string to a MAC through one stack buffer: its twelve pieces are
// mostly a few bytes long, and twelve SHA256_Update calls cost ~45 ns of a ~1 µs
// verify (perf) where one call over the joined text costs a copy. A piece that
// does not fit flushes the buffer, so any length still hashes correctly.
class SignedText {
 public:
  explicit SignedText(HmacSha256::Session mac) : mac_(mac) {}
  void add(std::string_view piece) {
    if (piece.size() > buffer_.size() - used_) {
      flush();
      if (piece.size() > buffer_.size()) {
        mac_.update(as_bytes(piece));
        return;
      }
    }
    std::memcpy(buffer_.data() + used_, piece.data(), piece.size());
    used_ += piece.size();
  }
  Sha256Digest finish() {
    flush();
    return mac_.finish();
  }

 private:
  void flush() {
    mac_.update(as_bytes(std::string_view(buffer_.data(), used_)));
    used_ = 0;
  }
  HmacSha256::Session mac_;
  std::array<char, 256> buffer_;
  std::size_t used_ = 0;
};

// The signed string (Go TLSSigAPI.go hmacsha256), fed without a heap copy; the
// integers come as their decimal text.
Sha256Digest sign(HmacSha256::Session mac, std::string_view identifier, std::string_view sdkappid,
                  std::string_view time, std::string_view expire,
                  const std::string_view* userbuf_base64) {
  SignedText text(mac);
  text.add("TLS.identifier:");
  text.add(identifier);
  text.add("\nTLS.sdkappid:");
  text.add(sdkappid);
  text.add("\nTLS.time:");
  text.add(time);
  text.add("\nTLS.expire:");
  text.add(expire);
  text.add("\n");
  if (userbuf_base64 != nullptr) {
    text.add("TLS.userbuf:");
    text.add(*userbuf_base64);
    text.add("\n");
  }
  return text.finish();
}

// An integer in decimal (std::to_chars: the shortest form, '-' for negatives).
class Decimal {
 public:
  template <typename Integer>
  explicit Decimal(Integer n) {
    const auto [end, ec] = std::to_chars(digits_.data(), digits_.data() + digits_.size(), n);
    length_ = static_cast<std::size_t>(end - digits_.data());
  }
  std::string_view text() const { return {digits_.data(), length_}; }

 private:
  std::array<char, 24> digits_{};
  std::size_t length_ = 0;
};

}  // namespace

std::string_view to_string(UserSigBuildError e) {
  switch (e) {
    case UserSigBuildError::kNone:
      return "none";
    case UserSigBuildError::kBadKey:
      return "bad_key";
    case UserSigBuildError::kBadIdentifier:
      return "bad_identifier";
    case UserSigBuildError::kBadTime:
      return "bad_time";
  }
  return "unknown";
}

Sha256Digest usersig_hmac(std::string_view key, std::string_view identifier, std::uint64_t sdkappid,
                          std::int64_t time, std::int64_t expire,
                          const std::vector<std::uint8_t>* userbuf) {
  const HmacSha256 hmac(as_bytes(key));
  const Decimal sdkappid_text(sdkappid), time_text(time), expire_text(expire);
  if (userbuf == nullptr) {
    return sign(hmac.begin(), identifier, sdkappid_text.text(), time_text.text(),
                expire_text.text(), nullptr);
  }
  const std::string encoded = base64_encode(*userbuf);
  const std::string_view view = encoded;
  return sign(hmac.begin(), identifier, sdkappid_text.text(), time_text.text(), expire_text.text(),
              &view);
}

UserSigBuildInput rebuild_input(const UserSig& t, std::string_view key) {
  return {.sdkappid = t.sdkappid,
          .key = std::string(key),
          .identifier = t.identifier,
          .expire = t.expire,
          .time = t.time,
          .userbuf = t.userbuf,
          .style = t.style.value_or(JsonStyle::kPython)};
}

UserSigBuildResult build_usersig(const UserSigBuildInput& in) {
  if (in.key.empty()) return {UserSigBuildError::kBadKey, {}};
  if (in.identifier.empty() || !is_valid_utf8(in.identifier)) {
    return {UserSigBuildError::kBadIdentifier, {}};
  }
  std::int64_t sum = 0;
  if (in.time < 0 || __builtin_add_overflow(in.time, in.expire, &sum)) {
    return {UserSigBuildError::kBadTime, {}};
  }
  const Sha256Digest mac = usersig_hmac(in.key, in.identifier, in.sdkappid, in.time, in.expire,
                                        in.userbuf ? &*in.userbuf : nullptr);
  const std::string sig_base64 = base64_encode(mac);
  std::optional<std::string> userbuf_base64;
  if (in.userbuf) userbuf_base64 = base64_encode(*in.userbuf);
  ClaimsJson claims{
      kUserSigVersion,
      in.identifier,
      in.sdkappid,
      in.expire,
      in.time,
      userbuf_base64 ? std::optional<std::string_view>(*userbuf_base64) : std::nullopt,
      sig_base64};
  const std::string json = write_claims_json(claims, in.style);
  const std::vector<std::uint8_t> compressed = compress_for_style(as_bytes(json), in.style);
  return {UserSigBuildError::kNone, base64_encode(compressed, Base64Alphabet::kTencent)};
}

UserSigParseResult parse_usersig(std::string_view token, Base64Mode mode) {
  UserSigParseResult out;
  Inflater inflater;
  std::vector<std::uint8_t> compressed;
  std::vector<std::uint8_t> json;
  JsonObjectReader reader;
  std::vector<std::uint8_t> signature;
  std::vector<std::uint8_t> userbuf;
  Buffers b{inflater, compressed, json, reader, signature, userbuf};
  ClaimsView v;
  const Decoded d = decode(token, mode, b, v);
  out.error = d.error;
  out.condition = d.condition;
  out.lenient_base64 = d.lenient;
  if (d.error != Malformation::kNone) return out;

  UserSig& t = out.token;
  t.ver = std::string(kUserSigVersion);
  t.identifier = std::string(v.identifier);
  t.sdkappid = v.sdkappid;
  t.expire = v.expire;
  t.time = v.time;
  t.signature = signature;
  if (v.has_userbuf) t.userbuf = userbuf;

  // Which SDK wrote exactly these bytes: re-encode the claims in each style.
  const std::string sig_base64 = base64_encode(signature);
  const std::string userbuf_base64 = base64_encode(userbuf);
  const ClaimsJson claims{
      kUserSigVersion,
      t.identifier,
      t.sdkappid,
      t.expire,
      t.time,
      v.has_userbuf ? std::optional<std::string_view>(userbuf_base64) : std::nullopt,
      sig_base64};
  for (JsonStyle style : kAllJsonStyles) {
    const std::string text = write_claims_json(claims, style);
    if (text == as_chars(json) && compress_for_style(as_bytes(text), style) == compressed) {
      t.style = style;
      break;
    }
  }
  return out;
}

UserSigVerifier::UserSigVerifier(std::string_view key)
    : hmac_(as_bytes(key)), key_ok_(!key.empty()) {}

Verdict UserSigVerifier::verify(std::string_view token, std::int64_t now,
                                const UserSigBinding& binding, Base64Mode mode) {
  if (!key_ok_) return Verdict::of(Condition::kInvalidSecret);
  if (token.empty()) return Verdict::of(Condition::kTokenMissing);
  Buffers b{inflater_, compressed_, json_, reader_, signature_, userbuf_};
  ClaimsView v;
  const Decoded d = decode(token, mode, b, v);
  if (d.condition == Condition::kMalformed) return Verdict::malformed(d.error);
  if (d.condition != Condition::kValid) return Verdict::of(d.condition);

  Verdict verdict;
  verdict.lenient_base64 = d.lenient;
  auto fail_with = [&verdict](Condition c) {
    verdict.condition = c;
    return verdict;
  };
  if (binding.sdkappid && *binding.sdkappid != v.sdkappid) {
    return fail_with(Condition::kAppIdMismatch);
  }
  if (binding.identifier && *binding.identifier != v.identifier) {
    return fail_with(Condition::kUserIdMismatch);
  }
  if (now > v.expires_at) return fail_with(Condition::kExpired);
  switch (binding.userbuf_rule) {
    case UserSigBinding::Userbuf::kUnchecked:
      break;
    case UserSigBinding::Userbuf::kAbsent:
      if (v.has_userbuf) return fail_with(Condition::kUserbufMismatch);
      break;
    case UserSigBinding::Userbuf::kEquals:
      if (!v.has_userbuf || userbuf_ != binding.userbuf) {
        return fail_with(Condition::kUserbufMismatch);
      }
      break;
  }
  // The signed string carries the canonical base64 of the userbuf bytes (Go
  // re-encodes what it decoded); a strict decode guarantees the text already is.
  std::string reencoded;
  std::string_view userbuf_text = v.userbuf_text;
  if (v.has_userbuf && v.userbuf_lenient) {
    reencoded = base64_encode(userbuf_);
    userbuf_text = reencoded;
  }
  const Sha256Digest expected = sign(hmac_.begin(), v.identifier, v.sdkappid_text, v.time_text,
                                     v.expire_text, v.has_userbuf ? &userbuf_text : nullptr);
  if (!constant_time_equal(expected, signature_)) return fail_with(Condition::kBadSignature);
  return verdict;
}

}  // namespace tokcheck::tencent
