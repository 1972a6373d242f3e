#include "reference/lifecycle/tokens.h"

#include <limits>

#include "reference/schemes/json_fields.h"
#include "reference/schemes/registry.h"
#include "reference/vendors/agora/agora_scheme_common.h"

namespace tokcheck::lifecycle {

TokenSpec parse_token_spec(const Json& v, std::string_view path, std::string_view label,
                           const ClaimNames& names) {
  TokenSpec t;
  t.label = std::string(label);
  if (!v.is_object()) usage(path, "a token is an object of claims or {\"encoded\": ...}");
  if (has(v, "encoded")) {
    only_keys(v, path, {"encoded", "scheme"});
    t.encoded = req_string(v, path, "encoded");
    t.scheme = opt_string(v, path, "scheme").value_or("");
    if (!t.scheme.empty() && !schemes::find_scheme(t.scheme)) {
      usage(join_path(path, "scheme"), "\"" + t.scheme + "\" is not a scheme in the registry");
    }
    if (t.scheme.empty()) {
      const schemes::Scheme* s = schemes::detect_scheme(*t.encoded);
      if (!s) usage(join_path(path, "encoded"), "no scheme in the registry recognises this token");
      t.scheme = std::string(s->id());
    }
    return t;
  }
  std::vector<std::string_view> allowed{"expire", "secret_generation", "malformed", names.app,
                                        names.user};
  if (!names.room.empty()) allowed.push_back(names.room);
  if (names.version) allowed.push_back("version");
  if (names.privileges) allowed.push_back("privileges");
  for (auto it = v.begin(); it != v.end(); ++it) {
    bool ok = false;
    for (std::string_view a : allowed) ok = ok || it.key() == a;
    if (!ok) {
      std::string list;
      for (std::string_view a : allowed) list += (list.empty() ? "" : ", ") + std::string(a);
      usage(join_path(path, it.key()), "unknown claim (claims here: " + list + ")");
    }
  }
  t.expire = opt_int(v, path, "expire");
  if (names.u32_expire && t.expire && (*t.expire < 0 || *t.expire > 0xFFFFFFFFLL)) {
    usage(join_path(path, "expire"),
          "a Volcengine expire_at is 0 (never expires) or unix seconds up to 4294967295");
  }
  // ZEGO app ids are numbers; they compare as their decimal text.
  if (has(v, names.app) && v.at(std::string(names.app)).is_number_integer()) {
    t.app = std::to_string(*opt_int(v, path, names.app));
  } else {
    t.app = opt_string(v, path, names.app);
  }
  if (!names.room.empty()) t.room = opt_string(v, path, names.room);
  if (names.int_uid && has(v, names.user) && v.at(std::string(names.user)).is_number()) {
    try {
      t.user = schemes::agora_adapter::agora_uid(v.at(std::string(names.user)), names.user);
    } catch (const UsageError& err) {
      usage(join_path(path, names.user), err.what());
    }
    t.user_is_int = true;
  } else {
    t.user = opt_string(v, path, names.user);
    if (names.int_uid && t.user) t.user_is_int = false;
  }
  if (names.version) {
    t.version = opt_string(v, path, "version").value_or("");
    if (!t.version.empty() && t.version != "03" && t.version != "04") {
      usage(join_path(path, "version"), "must be \"03\" or \"04\"");
    }
  }
  t.secret_generation = opt_int(v, path, "secret_generation").value_or(1);
  t.malformed = opt_bool(v, path, "malformed", false);
  if (names.privileges && has(v, "privileges")) {
    const std::string p = join_path(path, "privileges");
    only_keys(v["privileges"], p, {"login", "publish"});
    t.login_privilege = opt_bool(v["privileges"], p, "login", true);
    t.publish_privilege = opt_bool(v["privileges"], p, "publish", true);
  }
  return t;
}

bool is_expired(std::optional<std::int64_t> expire, std::int64_t t, bool expired_at_expire) {
  if (!expire) return false;
  return expired_at_expire ? t >= *expire : t > *expire;
}

Evaluation evaluate_claims(const TokenSpec& token, const TokenCheck& check) {
  Evaluation e;
  e.expire = token.expire;
  if (check.zero_expire_never && e.expire == 0) e.expire.reset();
  e.version = token.version.empty() ? check.default_version : token.version;
  e.publish_privilege = token.publish_privilege;
  auto fail = [&e](Condition c) {
    e.condition = c;
    return e;
  };
  if (token.malformed) return fail(Condition::kMalformed);
  if (check.version_supported && !check.version_supported(e.version)) {
    return fail(Condition::kUnsupportedVersion);
  }
  if (token.secret_generation != check.secret_generation) return fail(check.wrong_secret);
  if (check.app && token.app && *check.app != *token.app) return fail(Condition::kAppIdMismatch);
  if (check.room && token.room && *check.room != *token.room) return fail(check.room_mismatch);
  if (check.user && token.user &&
      (*check.user != *token.user ||
       (check.user_is_int && token.user_is_int && *check.user_is_int != *token.user_is_int))) {
    return fail(check.user_mismatch);
  }
  if (is_expired(e.expire, check.now, check.expired_at_expire)) {
    return fail(Condition::kExpired);
  }
  if (check.require_login_privilege && !token.login_privilege) {
    return fail(Condition::kPrivilegeMissing);
  }
  return e;
}

Evaluation evaluate_encoded(const TokenSpec& token, Json request, const TokenCheck& check) {
  const schemes::Scheme* scheme = schemes::find_scheme(token.scheme);
  if (!scheme) throw UsageError("token \"" + token.label + "\": unknown scheme " + token.scheme);
  Evaluation e;
  // The codec's own version ("04" for zego-04); only ZEGO sessions check it.
  e.version = std::string(scheme->token_version());
  if (check.version_supported && !check.version_supported(e.version)) {
    e.condition = Condition::kUnsupportedVersion;
    return e;
  }
  request["token"] = *token.encoded;
  request["now"] = check.now;
  e.condition = scheme->verify(request).verdict.condition;
  // Parse needs what verify needs to read the token (ZEGO decrypts with the secret).
  const schemes::ParseOutcome parsed = scheme->parse(request);
  if (parsed.error == Malformation::kNone && parsed.fields.is_object()) {
    for (const schemes::TimeFact& f : scheme->timeline(parsed.fields)) {
      if (!f.is_expiry || f.unix <= 0) continue;
      if (!e.expire || f.unix < *e.expire) e.expire = f.unix;
    }
  }
  return e;
}

}  // namespace tokcheck::lifecycle
