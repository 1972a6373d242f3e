'use strict';
// tokcheck protocol v1 harness over the official npm package agora-access-token
// (AccessToken, "006"), through its public API: new AccessToken(appId, cert,
// channel, uid), addPriviledge(), build() and fromString(). Declares
// agora-006 build, parse and verify.
//
// verify: the package has NO verify. This harness composes one the way a Node
// user does with it (and as vectors/gen/crosscheck_agora_npm.mjs did): parse
// the token with fromString(), rebuild it for the bound app id, channel and uid
// with the parsed salt, ts and privileges, and accept it only if the rebuilt
// token carries the same signature (comparing signatures, not strings, keeps
// another base64 spelling of the same bytes valid, as fromString reads it);
// then judge expiry and privileges from the parsed fields.
// The channel and uid CRCs are compared first so a wrong binding is named.
//
// parse: fromString() keeps signature, crcs, salt, ts and messages on the
// object; the app id it reads is not kept, so it is taken from the token text
// exactly where fromString reads it (characters 3..34).

const path = require('node:path');
const crc32 = require('crc-32');  // the package's own dependency, for the binding CRCs
const h = require(path.join(__dirname, '..', 'common', 'harness_common'));
const { AccessToken } = require('agora-access-token/src/AccessToken');
const VERSION = require('agora-access-token/package.json').version;

const adapter = h.makeAdapter('agora-access-token (npm)', VERSION);

function build(appId, cert, channel, uid, salt, ts, privileges) {
  const t = new AccessToken(appId, cert, channel, uid);
  t.salt = salt;  // one random salt per process otherwise
  t.ts = ts;      // now + 24 h otherwise
  for (const [k, v] of Object.entries(privileges)) t.addPriviledge(Number(k), Number(v));
  return t.build();
}

adapter.register('agora-006', 'build', (scheme, i) => {
  // The package checks nothing: whatever it is given, it builds.
  const token = build(i.app_id, i.app_certificate, i.channel_name, typeof i.uid === 'bigint' ? Number(i.uid) : i.uid,
                      Number(i.salt), Number(i.ts), i.privileges || {});
  return { token };
});

function parse(token) {
  const failure = h.versionFailure(token, '006');
  if (failure) return { failure };
  const t = new AccessToken('', '', '', '');
  // fromString says only true or false; "truncated" is our guess at why.
  if (!t.fromString(token)) return { failure: h.parseFailure('malformed', 'truncated') };
  return { t, appId: token.substr(3, 32) };
}

const u32 = (n) => n >>> 0;
const crc = (text) => u32(crc32.str(text));

adapter.register('agora-006', 'parse', (scheme, i) => {
  const { t, appId, failure } = parse(i.token);
  if (failure) return failure;
  const privileges = {};
  for (const [k, v] of Object.entries(t.messages)) privileges[String(k)] = v;
  return {
    ok: true,
    fields: {
      version: '006', app_id: appId, signature: Buffer.from(t.signature).toString('hex'),
      crc_channel_name: t.crc_channel_name, crc_uid: t.crc_uid, salt: t.salt, ts: t.ts, privileges,
    },
  };
});

adapter.register('agora-006', 'verify', (scheme, i) => {
  const early = h.presence(i);
  if (early) return early;
  if (!h.isHex32(i.app_certificate)) return h.verdict('invalid_secret');
  const { t, appId, failure } = parse(i.token);
  if (failure) return h.verdict(failure.condition, { malformation: failure.malformation });
  if (i.app_id !== undefined) {
    if (!h.isHex32(i.app_id)) return h.verdict('invalid_app_id');
    if (i.app_id !== appId) return h.verdict('app_id_mismatch');
  }
  const channel = `${i.channel_name ?? ''}`;
  const uid = h.uidText(i.uid ?? '');
  if (t.crc_channel_name !== crc(channel)) return h.verdict('channel_mismatch');
  if (t.crc_uid !== crc(uid)) return h.verdict('uid_mismatch');
  const rebuilt = parse(build(appId, i.app_certificate, channel, uid, t.salt, t.ts, t.messages)).t;
  if (!rebuilt || !Buffer.from(rebuilt.signature).equals(Buffer.from(t.signature))) {
    return h.verdict('bad_signature');
  }
  const now = Number(i.now);
  if (now >= t.ts) return h.verdict('expired');
  for (const p of i.privileges || []) {
    const v = t.messages[Number(p)];
    if (v === undefined) return h.verdict('privilege_missing', { privilege: Number(p) });
    if (v !== 0 && now >= v) return h.verdict('privilege_expired', { privilege: Number(p) });
  }
  return h.verdict('valid');
});

adapter.serve();
