'use strict';
// What every harness over an official npm package shares: the protocol loop
// (the starter adapter, reused as is), the answers' shapes, and the checks a
// Node user writes around a token library that only builds and parses.
// Nothing here is vendor code: it is the glue a service would write itself.

const path = require('node:path');
const { Adapter, log } = require(path.join(__dirname, '..', '..', 'adapters', 'node', 'tokcheck_adapter'));

// Some packages console.log() what they swallow (agora-access-token's
// fromString logs its exception). stdout is the protocol channel: a stray line
// there would be read as the next answer, so console output goes to stderr.
console.log = (...args) => log(args.map(String).join(' '));
console.info = console.log;
console.warn = console.log;

// TOKCHECK_HARNESS_FLIP=<scheme>/<op>#<n>: answer the n-th request of that
// pair (every one with #*) wrong on purpose (a valid verdict becomes bad_signature and a rejection
// becomes valid; a parse flips ok; a build swaps token and refusal). The compat
// gate's negative tests use it to prove the gate notices one changed answer.
function flipper() {
  const spec = process.env.TOKCHECK_HARNESS_FLIP || '';
  const m = /^([a-z0-9-]+)\/(build|parse|verify)#(\d+|\*)$/.exec(spec);
  if (!m) return (scheme, op, answer) => answer;
  const [, wantScheme, wantOp, nth] = m;
  let seen = 0;
  return (scheme, op, answer) => {
    if (scheme !== wantScheme || op !== wantOp) return answer;
    if (nth !== '*' && ++seen !== Number(nth)) return answer;
    log(`TOKCHECK_HARNESS_FLIP: flipping ${spec}`);
    if (op === 'verify') return answer.condition === 'valid' ? verdict('bad_signature') : verdict('valid');
    if (op === 'parse') return answer.ok ? parseFailure('malformed', 'truncated') : { ok: true, fields: {} };
    return answer.token !== undefined ? { error: { code: 'flipped' } } : { token: 'x' };
  };
}

// Wraps Adapter.register so every answer can pass through the flipper.
function makeAdapter(name, version) {
  const adapter = new Adapter(name, version);
  const flip = flipper();
  const register = adapter.register.bind(adapter);
  adapter.register = (scheme, op, handler) =>
    register(scheme, op, async (s, input) => flip(s, op, await handler(s, input)));
  return adapter;
}

function verdict(condition, extra = {}) {
  return { condition, malformation: null, privilege: null, ...extra };
}

function parseFailure(condition, malformation = null) {
  return { ok: false, condition, malformation };
}

// Exactly 32 hex characters: the shape Agora's own verifiers demand of app ids
// and certificates (agora-token's isUuid; docs/formats/agora.md §0).
const isHex32 = (s) => typeof s === 'string' && /^[0-9a-fA-F]{32}$/.test(s);

// A certificate given (non-empty) vs a token given: the presence rules every
// Agora verify vector starts with (docs/formats/agora.md "Check order").
function presence(input) {
  const hasToken = typeof input.token === 'string' && input.token !== '';
  const hasCert = typeof input.app_certificate === 'string' && input.app_certificate !== '';
  if (!hasToken && !hasCert) return verdict('valid');
  if (!hasToken) return verdict('token_missing');
  if (!hasCert) return verdict('token_unexpected');
  return null;
}

// Agora's uid rule, as the packages' own constructors apply it: 0 is "", any
// other number its decimal text, a string as given (BigInt: json_exact.js).
const uidText = (uid) => (uid === 0 || uid === 0n ? '' : `${uid}`);

// Token version prefix a Node user can read off the string: anything that is
// not the package's own version is "unsupported", an empty string malformed.
function versionFailure(token, version) {
  if (typeof token !== 'string' || token === '') return parseFailure('malformed', 'empty');
  if (token.startsWith(version)) return null;
  return /^\d{3}/.test(token) ? parseFailure('unsupported_version') : parseFailure('malformed', 'bad_prefix');
}

// A token's string bytes as the reference's parse shows them: UTF-8 text, each
// byte that starts no valid UTF-8 sequence written as \xHH (uppercase hex), as
// reference/schemes/json_output.cc escape_invalid_utf8 does. A Node user gets
// Buffers from the packages; Buffer.toString() would put U+FFFD there instead.
function bytesText(buf) {
  let out = '';
  let i = 0;
  while (i < buf.length) {
    const n = utf8Sequence(buf, i);
    if (n === 0) {
      out += `\\x${buf[i].toString(16).toUpperCase().padStart(2, '0')}`;
      i += 1;
    } else {
      out += buf.subarray(i, i + n).toString('utf8');
      i += n;
    }
  }
  return out;
}

// Length of the well-formed UTF-8 sequence at buf[i] (RFC 3629: no overlongs,
// no surrogates, at most U+10FFFF), or 0.
function utf8Sequence(buf, i) {
  const b = buf[i];
  if (b < 0x80) return 1;
  let n; let min; let cp;
  if (b >= 0xC2 && b <= 0xDF) { n = 2; min = 0x80; cp = b & 0x1F; }
  else if (b >= 0xE0 && b <= 0xEF) { n = 3; min = 0x800; cp = b & 0x0F; }
  else if (b >= 0xF0 && b <= 0xF4) { n = 4; min = 0x10000; cp = b & 0x07; }
  else return 0;
  if (i + n > buf.length) return 0;
  for (let k = 1; k < n; k++) {
    if ((buf[i + k] & 0xC0) !== 0x80) return 0;
    cp = (cp << 6) | (buf[i + k] & 0x3F);
  }
  if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return 0;
  return n;
}

module.exports = { makeAdapter, bytesText, verdict, parseFailure, isHex32, presence, uidText, versionFailure, log };
