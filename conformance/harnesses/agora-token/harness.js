'use strict';
// tokcheck protocol v1 harness over the official npm package agora-token
// (AccessToken2, "007"), through its public API only: AccessToken2, the Service*
// classes, build(), from_string() and verifySignature(). Declares agora-007
// build, parse and verify; the package's 006 code (src/AccessToken.js) is the
// same as agora-access-token's and is tested through that package's harness.
//
// verify: the package checks only the signature (verifySignature). Expiry,
// bindings and privileges are composed here the way a Node service would do it
// after from_string(): compare the parsed fields with the request, in the
// order of docs/formats/agora.md "Check order".
//
// parse: the package keeps what it parsed in "__"-prefixed properties (no
// getters), which a Node user reads as here; it does not report which service
// type stopped it, so unknown_service_type is always null.

const path = require('node:path');
const h = require(path.join(__dirname, '..', 'common', 'harness_common'));
const A2 = require('agora-token/src/AccessToken2');
const VERSION = require('agora-token/package.json').version;

const adapter = h.makeAdapter('agora-token (npm)', VERSION);

// One service of the request, made with the package's own constructors.
function makeService(s) {
  let svc;
  switch (s.type) {
    case 1: svc = new A2.ServiceRtc(s.channel_name ?? '', s.uid ?? ''); break;
    case 2: svc = new A2.ServiceRtm(s.user_id ?? ''); break;
    case 3: svc = new A2.ServiceStreaming(s.channel_name ?? '', s.account ?? ''); break;
    case 4: svc = new A2.ServiceFpa(); break;
    case 5: svc = new A2.ServiceChat(s.user_id ?? ''); break;
    case 6: svc = new A2.ServiceFCdn(s.channel_name ?? '', s.account ?? ''); break;
    case 7: svc = new A2.ServiceApaas(s.room_uuid ?? '', s.user_uuid ?? '', s.role); break;
    case 8: {
      const perms = new A2.Rtm2Permissions();
      for (const [resource, byType] of Object.entries(s.permissions || {})) {
        perms.details[Number(resource)] ??= {};  // a resource without lists too
        for (const [ptype, names] of Object.entries(byType)) perms.add(Number(resource), Number(ptype), names);
      }
      svc = new A2.ServiceRtm2(s.user_id ?? '', perms);
      break;
    }
    case 9: svc = new A2.ServiceConvoAI(); break;
    case 10: svc = new A2.ServiceStt(); break;
    default: return null;  // the package has no class for it: it cannot build it
  }
  for (const [k, v] of Object.entries(s.privileges || {})) svc.add_privilege(Number(k), Number(v));
  return svc;
}

adapter.register('agora-007', 'build', (scheme, i) => {
  const token = new A2.AccessToken2(i.app_id, i.app_certificate, Number(i.issue_ts), Number(i.expire));
  token.issueTs = Number(i.issue_ts);  // the constructor turns 0 into "now"
  token.salt = Number(i.salt);         // the builder draws a random salt otherwise
  for (const s of i.services || []) {
    const svc = makeService(s);
    if (!svc) return { error: { code: 'unknown_service', message: `no npm class for type ${s.type}` } };
    token.add_service(svc);
  }
  let built;
  try {
    built = token.build();
  } catch (e) {  // e.g. a RangeError from a string over 65535 bytes
    return { error: { code: 'exception', message: String(e.message) } };
  }
  // build() returns "" on refusal, without saying why.
  return built ? { token: built } : { error: { code: 'refused', message: 'build() returned ""' } };
});

// The parsed token as docs/formats/agora.md "Parse fields" names it.
const SERVICE_NAMES = { 1: 'rtc', 2: 'rtm', 3: 'streaming', 4: 'fpa', 5: 'chat', 6: 'fcdn', 7: 'apaas', 8: 'rtm2', 9: 'convoai', 10: 'stt' };
const i16 = (v) => (v >= 0x8000 ? v - 0x10000 : v);  // getInt16 reads the role unsigned
function serviceFields(s) {
  const type = s.service_type();
  const privileges = {};
  for (const [k, v] of Object.entries(s.__privileges)) privileges[String(k)] = v;
  const f = { type, name: SERVICE_NAMES[type], privileges };
  switch (type) {
    case 1: f.channel_name = h.bytesText(s.__channel_name); f.uid = h.bytesText(s.__uid); break;
    case 2: case 5: f.user_id = h.bytesText(s.__user_id); break;
    case 3: case 6: f.channel_name = h.bytesText(s.__channel_name); f.account = h.bytesText(s.__account); break;
    case 7: f.room_uuid = h.bytesText(s.__room_uuid); f.user_uuid = h.bytesText(s.__user_uuid); f.role = i16(s.__role); break;
    case 8: {
      f.user_id = h.bytesText(s.__user_id);
      f.permissions = {};
      for (const [r, byType] of Object.entries(s.__permissions.details)) {
        f.permissions[r] = Object.fromEntries(Object.entries(byType).map(([p, names]) => [p, names.map(String)]));
      }
      break;
    }
    default: break;
  }
  return f;
}

function parse(token) {
  const failure = h.versionFailure(token, '007');
  if (failure) return { failure };
  const t = new A2.AccessToken2();
  // from_string says only true or false; "truncated" is our guess at why.
  if (!t.from_string(token)) return { failure: h.parseFailure('malformed', 'truncated') };
  return { t };
}

adapter.register('agora-007', 'parse', (scheme, i) => {
  const { t, failure } = parse(i.token);
  if (failure) return failure;
  return {
    ok: true,
    fields: {
      version: '007', signature: t.__signature.toString('hex'), app_id: `${t.appId}`,
      issue_ts: t.issueTs, expire: t.expire, salt: t.salt,
      services: t.services.map(serviceFields), unknown_service_type: null,
    },
  };
});

// Which service a request binds (docs/formats/agora.md "Decisions").
function wantedType(i) {
  if (i.service_type !== undefined) return Number(i.service_type);
  if (i.channel_name !== undefined || i.uid !== undefined || i.account !== undefined) return 1;
  if (i.user_id !== undefined) return 2;
  if (i.privileges !== undefined) return 1;
  return null;
}

adapter.register('agora-007', 'verify', (scheme, i) => {
  const early = h.presence(i);
  if (early) return early;
  if (!h.isHex32(i.app_certificate)) return h.verdict('invalid_secret');
  const { t, failure } = parse(i.token);
  if (failure) return h.verdict(failure.condition, { malformation: failure.malformation });
  if (!t.verifySignature(i.app_certificate)) return h.verdict('bad_signature');
  if (i.app_id !== undefined) {
    if (!h.isHex32(i.app_id)) return h.verdict('invalid_app_id');
    if (i.app_id !== `${t.appId}`) return h.verdict('app_id_mismatch');
  }
  const now = Number(i.now);
  if (now >= t.issueTs + t.expire) return h.verdict('expired');
  const type = wantedType(i);
  if (type === null) return h.verdict('valid');
  const candidates = t.getServices(type);
  if (candidates.length === 0) return h.verdict('service_missing');
  // Bound fields, in the order their mismatch is named; each against the
  // same-named field of the service, "" where the service type has none (an RTC
  // service has no account, Streaming no uid).
  const checks = [];
  if (i.channel_name !== undefined) checks.push(['channel_mismatch', (s) => `${s.__channel_name ?? ''}` === i.channel_name]);
  if (i.uid !== undefined) checks.push(['uid_mismatch', (s) => `${s.__uid ?? ''}` === h.uidText(i.uid)]);
  if (i.account !== undefined) checks.push(['uid_mismatch', (s) => `${s.__account ?? ''}` === `${i.account}`]);
  if (i.user_id !== undefined) checks.push(['user_id_mismatch', (s) => `${s.__user_id ?? ''}` === `${i.user_id}`]);
  const match = candidates.find((s) => checks.every(([, ok]) => ok(s)));
  if (!match) {
    const missing = checks.find(([, ok]) => !candidates.some(ok));
    return h.verdict(missing ? missing[0] : checks[0][0]);
  }
  for (const p of i.privileges || []) {
    const v = match.__privileges[Number(p)];
    if (v === undefined) return h.verdict('privilege_missing', { privilege: Number(p) });
    if (v !== 0 && now >= t.issueTs + v) return h.verdict('privilege_expired', { privilege: Number(p) });
  }
  return h.verdict('valid');
});

adapter.serve();
