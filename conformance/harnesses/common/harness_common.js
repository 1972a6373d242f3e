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

module.exports = { makeAdapter, verdict, parseFailure, isHex32, presence, uidText, versionFailure, log };
