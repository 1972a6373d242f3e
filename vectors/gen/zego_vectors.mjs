#!/usr/bin/env node
// Writes the ZEGO golden vectors: vectors/zego-04/{build,parse,verify}.json and
// vectors/zego-03/{build,parse,verify}.json (docs/VECTORS.md format).
//
// This is an independent implementation of docs/formats/zego.md in JavaScript, using
// only node:crypto for AES-256-CBC and AES-256-GCM; it never runs the C++ reference.
// - Tokens are built the way ZEGO's Node generator builds them (JSON.stringify of the
//   claims in its key order, big-endian envelope, standard base64), and the released
//   vector Z1 (token-formats.md ZEGO §3) must come out byte-for-byte or nothing is written.
// - GCM is sealed by node:crypto, after a self-check against the GCM spec's Test Case 15:
//   these vectors are the independent cross-check of the C++ GCM path.
// - Every expected outcome is computed by this file's own decoder/verifier (strict base64,
//   envelope, manual PKCS#7 check, its own strict JSON parser, the check order of
//   docs/formats/zego.md), and each mutation also asserts what it is meant to cause, so
//   a disagreement stops generation instead of being written down.
// - vendor_codes come from this file's own copy of the ZEGO code table.
//
// Run: node vectors/gen/zego_vectors.mjs   (deterministic; rerunning rewrites identical files)
import { createCipheriv, createDecipheriv } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const VECTORS = join(dirname(fileURLToPath(import.meta.url)), '..');
const GENERATOR = 'vectors/gen/zego_vectors.mjs';
const BUG_TYPES = new Set(['BASIC', 'AUTH_BYPASS', 'CONFIDENTIALITY', 'LEGACY', 'FUNCTIONALITY',
  'WEAK_PARAMS', 'CAN_OF_WORMS', 'MALLEABILITY', 'SIGNATURE_MALLEABILITY', 'BER_ENCODING',
  'EDGE_CASE', 'MISSING_STEP', 'KNOWN_BUG', 'WRONG_PRIMITIVE', 'MODIFIED_PARAMETER', 'DEFINED']);

function check(cond, what) {
  if (!cond) throw new Error(`zego_vectors: ${what}`);
}

// ---------------------------------------------------------------- vector files

// JSON text like Python's json.dump(indent=2, ensure_ascii=False), plus BigInt as digits
// (int64 values beyond 2^53 must be written exactly).
function dump(v, indent = '') {
  if (typeof v === 'bigint') return v.toString();
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  const inner = indent + '  ';
  if (Array.isArray(v)) {
    if (v.length === 0) return '[]';
    return '[\n' + v.map((x) => inner + dump(x, inner)).join(',\n') + '\n' + indent + ']';
  }
  const keys = Object.keys(v);
  if (keys.length === 0) return '{}';
  return '{\n' + keys.map((k) => inner + JSON.stringify(k) + ': ' + dump(v[k], inner))
    .join(',\n') + '\n' + indent + '}';
}

class VectorFile {
  constructor(scheme, operation, header, notes) {
    for (const [flag, note] of Object.entries(notes)) {
      check(BUG_TYPES.has(note.bugType), `${flag}: unknown bugType`);
    }
    Object.assign(this, { scheme, operation, header, notes, tests: [] });
  }
  add(comment, flags, result, source, input, expected) {
    check(['valid', 'invalid', 'acceptable'].includes(result), `bad result ${result}`);
    for (const f of flags) check(f in this.notes, `flag ${f} has no note`);
    check(result !== 'acceptable' || flags.length > 0, `acceptable without a flag: ${comment}`);
    this.tests.push({ tcId: this.tests.length + 1, comment, flags, result, source, input, expected });
  }
  write() {
    const used = new Set(this.tests.flatMap((t) => t.flags));
    const notes = Object.fromEntries(Object.entries(this.notes).filter(([k]) => used.has(k)));
    const doc = {
      schema: 'tokcheck_vectors_v1.schema.json', scheme: this.scheme, operation: this.operation,
      generator: GENERATOR, numberOfTests: this.tests.length, header: this.header, notes,
      tests: this.tests,
    };
    const path = join(VECTORS, this.scheme, `${this.operation}.json`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, dump(doc) + '\n');
    return path;
  }
}

// ---------------------------------------------------------------- the ZEGO code table
// An independent copy of docs/formats/zego.md "Vendor codes", per condition in table order.
const WEB_TOKEN_ERROR = ['web', 1102016, 'login token error (登录 Token 错误)'];
const LOGIN_AUTH = ['native', 1002033, 'RoomErrorAuthenticationFailed'];
const PUBLISH_AUTH = ['native', 1003072, 'PublisherErrorDispatchAuthError'];
const PLAY_AUTH = ['native', 1004003, 'PlayerErrorDispatchAuthError'];
const ZEGO_CODES = {
  valid: [],
  malformed: [['native', 1002075, 'RoomTokenFormatError'], ['web', 1011, 'token format error'],
    WEB_TOKEN_ERROR],
  unsupported_version: [['native', 1002079, 'RoomTokenVersionError'], WEB_TOKEN_ERROR],
  invalid_secret: [['native', 1002074, 'RoomTokenInnerError']],
  invalid_app_id: [['native', 1002076, 'RoomTokenAppidError'], WEB_TOKEN_ERROR],
  token_missing: [['native', 1002067, 'RoomNoToken']],
  decrypt_failed: [LOGIN_AUTH, PUBLISH_AUTH, PLAY_AUTH, WEB_TOKEN_ERROR],
  payload_invalid: [['native', 1002075, 'RoomTokenFormatError'], WEB_TOKEN_ERROR],
  expire_mismatch: [['native', 1002078, 'RoomTokenExpireError'], WEB_TOKEN_ERROR],
  expired: [['native', 1002078, 'RoomTokenExpireError'], PUBLISH_AUTH, PLAY_AUTH,
    ['web', 1102018, 'login token timeout (登录 Token 超时)']],
  app_id_mismatch: [['native', 1002076, 'RoomTokenAppidError'], WEB_TOKEN_ERROR],
  user_id_mismatch: [['native', 1002077, 'RoomTokenUseridError'], WEB_TOKEN_ERROR],
  room_mismatch: [LOGIN_AUTH, WEB_TOKEN_ERROR],
  privilege_missing: [LOGIN_AUTH, PUBLISH_AUTH, WEB_TOKEN_ERROR],
  stream_not_allowed: [PUBLISH_AUTH],
};
const vendorCodes = (condition) => {
  check(condition in ZEGO_CODES, `no code row for ${condition}`);
  return ZEGO_CODES[condition].map(([platform, code, name]) => ({ platform, code, name }));
};

// ---------------------------------------------------------------- primitives

const SECRET = 'fa94dd0f974cf2e293728a526b028271';   // ZEGO's Go/Node samples (§2)
const SECRET2 = '12345678900987654321123456789012';  // ZEGO's C++ sample (§2)
const CTIME = 1700000000;
const EFF = 3600;
const EXP = CTIME + EFF;
const NONCE = 123456789;
const IV16 = '0123456789abcdef';
const IV12 = '0123456789ab';
const I64_MAX = 9223372036854775807n;
const I64_MIN = -9223372036854775808n;
const U32_MAX = 4294967295n;
const Z1 = '04AAAAAGVT/xAAEDAxMjM0NTY3ODlhYmNkZWYAcPDOWcZeMCPxbh1dpHzCTREIwK2oIO5x78Qlcu9iUMPYkqBI5Tv' +
  'jB3JwCxC9+klE8/eu//t2uE7+o7gQ53yB/JkIFUA6xyD5rb5rd5NER5knvdDJH2auGOam8ZKJG5qT/1t+UUUnbL8ghIs' +
  'UgkbwAAg=';

const key = (secret) => Buffer.from(secret, 'utf8');

function pkcs7(buf) {
  const n = 16 - (buf.length % 16);
  return Buffer.concat([buf, Buffer.alloc(n, n)]);
}

// CBC over already padded data (so tests can also encrypt bad padding on purpose).
function cbcRaw(secret, iv, padded) {
  const c = createCipheriv('aes-256-cbc', key(secret), iv);
  c.setAutoPadding(false);
  return Buffer.concat([c.update(padded), c.final()]);
}

function seal(mode, secret, iv, plaintext) {
  if (mode === 'cbc') return cbcRaw(secret, iv, pkcs7(plaintext));
  const c = createCipheriv('aes-256-gcm', key(secret), iv);
  return Buffer.concat([c.update(plaintext), c.final(), c.getAuthTag()]);
}

// Self-check of the GCM primitive against McGrew & Viega, GCM spec Appendix B, Test Case 15.
{
  const k = Buffer.from('feffe9928665731c6d6a8f9467308308feffe9928665731c6d6a8f9467308308', 'hex');
  const c = createCipheriv('aes-256-gcm', k, Buffer.from('cafebabefacedbaddecaf888', 'hex'));
  const p = Buffer.from('d9313225f88406e5a55909c5aff5269a86a7a9531534f7da2e4c303d8a318a72' +
    '1c3c0c95956809532fcf0e2449a6b525b16aedf5aa0de657ba637b391aafd255', 'hex');
  const out = Buffer.concat([c.update(p), c.final(), c.getAuthTag()]).toString('hex');
  check(out === '522dc1f099567d07f47f37a32a84427d643a8cdcbfe5c0c97598a2bd2555d1aa' +
    '8cb08e48590dbb3da7b08b1056828838c5f61e6393ba7a0abcc9f662898015ad' +
    'b094dac5d93471bdec1a502270e3cc6c', 'node:crypto GCM does not match GCM spec Test Case 15');
}

// The envelope, with every field overridable so mutations change exactly one thing.
function envelope({ expire, iv, ct, mode, ivLen, ctLen, tail }) {
  const head = Buffer.alloc(8);
  head.writeBigInt64BE(BigInt(expire));
  const u16 = (n) => { const b = Buffer.alloc(2); b.writeUInt16BE(n); return b; };
  const parts = [head, u16(ivLen ?? iv.length), iv, u16(ctLen ?? ct.length), ct];
  if (mode === 'gcm') parts.push(Buffer.from([1]));
  if (tail) parts.push(tail);
  return Buffer.concat(parts);
}

const tokenOf = (version, body) => version + body.toString('base64');
const bodyOf = (token) => Buffer.from(token.slice(2), 'base64');

// JSON text of a value with JSON.stringify's spelling (what ZEGO's Node generator emits);
// BigInt prints as digits for the int64 nonces of Go's token03.
function stringify(v) {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return '[' + v.map(stringify).join(',') + ']';
  if (v !== null && typeof v === 'object') {
    return '{' + Object.entries(v).map(([k, x]) => JSON.stringify(k) + ':' + stringify(x))
      .join(',') + '}';
  }
  return JSON.stringify(v);
}

// ---------------------------------------------------------------- builders (§1.1–§1.6)

function claims04Text(c) {
  return stringify({ app_id: c.app_id, user_id: c.user_id, nonce: c.nonce, ctime: c.ctime,
    expire: c.expire, payload: c.payload });
}

function claims03Text(c) {
  return stringify({ app_id: c.app_id, room_id: c.room_id, user_id: c.user_id,
    privilege: c.privilege, create_time: c.create_time, expire_time: c.expire_time,
    nonce: c.nonce });
}

const ivBytes = (inp) => (inp.iv_hex !== undefined ? Buffer.from(inp.iv_hex, 'hex')
  : Buffer.from(inp.iv, 'utf8'));
const isInt = (v) => (typeof v === 'number' && Number.isInteger(v)) || typeof v === 'bigint';

// ZEGO's generator checks (Node order) then tokcheck's own; null when the input is fine.
function buildError04(inp) {
  if (!isInt(inp.app_id) || BigInt(inp.app_id) <= 0n || BigInt(inp.app_id) > U32_MAX) return 1;
  if (typeof inp.user_id !== 'string' || inp.user_id.length === 0 || inp.user_id.length > 64) {
    return 3;
  }
  if (typeof inp.secret !== 'string' || Buffer.byteLength(inp.secret) !== 32) return 5;
  const eff = inp.effective_time_in_seconds;
  if (!isInt(eff) || BigInt(eff) <= 0n) return 6;
  const mode = inp.mode ?? (ivBytes(inp).length === 16 ? 'cbc' : 'gcm');
  if (ivBytes(inp).length !== (mode === 'gcm' ? 12 : 16)) return 'iv_invalid';
  if (BigInt(inp.ctime) + BigInt(eff) > I64_MAX) return 'expire_out_of_range';
  return null;
}

function build04(inp) {
  const err = buildError04(inp);
  if (err !== null) return { error: err };
  const mode = inp.mode ?? (ivBytes(inp).length === 16 ? 'cbc' : 'gcm');
  const expire = BigInt(inp.ctime) + BigInt(inp.effective_time_in_seconds);
  const pt = claims04Text({ app_id: inp.app_id, user_id: inp.user_id, nonce: inp.nonce,
    ctime: inp.ctime, expire, payload: inp.payload ?? '' });
  const ct = seal(mode, inp.secret, ivBytes(inp), Buffer.from(pt, 'utf8'));
  if (ct.length > 65535) return { error: 'too_long' };
  return { token: tokenOf('04', envelope({ expire, iv: ivBytes(inp), ct, mode })), pt };
}

function privilegeInput03(p) {
  if (p === null || typeof p !== 'object' || Array.isArray(p)) return null;
  const keys = Object.keys(p);
  if (keys.length !== 2 || !keys.includes('1') || !keys.includes('2')) return null;
  const flag = (v) => (v === true ? 1 : v === false ? 0 : v === 0 || v === 1 ? v : null);
  const login = flag(p['1']);
  const publish = flag(p['2']);
  return login === null || publish === null ? null : { 1: login, 2: publish };
}

function buildError03(inp) {
  if (!isInt(inp.app_id) || BigInt(inp.app_id) <= 0n || BigInt(inp.app_id) > U32_MAX) return 1;
  if (typeof inp.room_id !== 'string' || inp.room_id.length === 0) return 2;
  if (typeof inp.user_id !== 'string' || inp.user_id.length === 0) return 3;
  if (typeof inp.secret !== 'string' || Buffer.byteLength(inp.secret) !== 32) return 5;
  if (privilegeInput03(inp.privilege) === null) return 4;
  const eff = inp.effective_time_in_seconds;
  if (!isInt(eff) || BigInt(eff) <= 0n) return 6;
  if (ivBytes(inp).length !== 16) return 'iv_invalid';
  if (BigInt(inp.create_time) + BigInt(eff) > I64_MAX) return 'expire_out_of_range';
  return null;
}

function build03(inp) {
  const err = buildError03(inp);
  if (err !== null) return { error: err };
  const expire = BigInt(inp.create_time) + BigInt(inp.effective_time_in_seconds);
  const pt = claims03Text({ app_id: inp.app_id, room_id: inp.room_id, user_id: inp.user_id,
    privilege: privilegeInput03(inp.privilege), create_time: inp.create_time,
    expire_time: expire, nonce: inp.nonce });
  const ct = seal('cbc', inp.secret, ivBytes(inp), Buffer.from(pt, 'utf8'));
  if (ct.length > 65535) return { error: 'too_long' };
  return { token: tokenOf('03', envelope({ expire, iv: ivBytes(inp), ct, mode: 'cbc' })), pt };
}

// A token around any plaintext (for JSON-level cases).
function sealText(version, mode, plaintext, { expire = EXP, secret = SECRET } = {}) {
  const iv = Buffer.from(mode === 'gcm' ? IV12 : IV16);
  const ct = seal(mode, secret, iv, Buffer.isBuffer(plaintext) ? plaintext : Buffer.from(plaintext));
  return tokenOf(version, envelope({ expire, iv, ct, mode }));
}

// ---------------------------------------------------------------- decoder and verifier

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const LENIENT = new Map([...B64].map((c, i) => [c, i]).concat([['-', 62], ['_', 63]]));

// Strict = canonical standard base64 (the only spelling of its bytes). Otherwise a string
// with any base64 character is non-canonical, and lenient mode reads it by skipping other
// characters, accepting - and _, stopping at the first '=' and dropping leftover bits.
function b64decode(s, mode) {
  if (s.length % 4 === 0 && /^[A-Za-z0-9+/]*={0,2}$/.test(s)) {
    const b = Buffer.from(s, 'base64');
    if (b.toString('base64') === s) return { body: b, lenient: false };
  }
  if (![...s].some((c) => LENIENT.has(c))) return { error: 'bad_base64' };
  if (mode !== 'lenient') return { error: 'non_canonical_base64' };
  let acc = 0;
  let bits = 0;
  const out = [];
  for (const c of s) {
    if (c === '=') break;
    const v = LENIENT.get(c);
    if (v === undefined) continue;
    acc = (acc << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out.push((acc >> bits) & 0xff);
      acc &= (1 << bits) - 1;
    }
  }
  return { body: Buffer.from(out), lenient: true };
}

function readEnvelope(b, gcmAllowed) {
  if (b.length < 8) return { error: 'truncated' };
  const expire = b.readBigInt64BE(0);
  let p = 8;
  const prefixed = () => {
    if (b.length - p < 2) return { error: 'truncated' };
    const n = b.readUInt16BE(p);
    if (b.length - p - 2 < n) return { error: 'length_overflow' };
    const v = b.subarray(p + 2, p + 2 + n);
    p += 2 + n;
    return { v };
  };
  const iv = prefixed();
  if (iv.error) return iv;
  const ct = prefixed();
  if (ct.error) return ct;
  const rest = b.length - p;
  let mode;
  if (rest === 0) {
    mode = 'cbc';
  } else if (rest === 1 && gcmAllowed) {
    if (b[p] !== 1) return { error: 'bad_mode' };
    mode = 'gcm';
  } else {
    return { error: 'trailing_bytes' };
  }
  if (mode === 'cbc' && (iv.v.length !== 16 || ct.v.length === 0 || ct.v.length % 16 !== 0)) {
    return { error: 'bad_field' };
  }
  if (mode === 'gcm' && (iv.v.length !== 12 || ct.v.length < 16)) return { error: 'bad_field' };
  return { expire, iv: iv.v, ct: ct.v, mode };
}

// The plaintext, or null when the tag (GCM) or the PKCS#7 padding (CBC) is wrong.
function decrypt(env, secret) {
  if (env.mode === 'gcm') {
    try {
      const d = createDecipheriv('aes-256-gcm', key(secret), env.iv);
      d.setAuthTag(env.ct.subarray(env.ct.length - 16));
      return Buffer.concat([d.update(env.ct.subarray(0, env.ct.length - 16)), d.final()]);
    } catch {
      return null;
    }
  }
  const d = createDecipheriv('aes-256-cbc', key(secret), env.iv);
  d.setAutoPadding(false);
  const raw = Buffer.concat([d.update(env.ct), d.final()]);
  const n = raw[raw.length - 1];
  if (n < 1 || n > 16) return null;
  for (let i = 1; i <= n; i++) if (raw[raw.length - i] !== n) return null;
  return raw.subarray(0, raw.length - n);
}

// Strict JSON (RFC 8259 + RFC 3629 UTF-8 + RFC 7493 unique names, no lone surrogates,
// nesting <= 32) into a small tree that keeps integers exact: null when not strict JSON.
const MAX_DEPTH = 32;
function parseStrictJson(buf) {
  let text;
  try {
    text = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true }).decode(buf);
  } catch {
    return null;
  }
  let i = 0;
  const fail = () => { throw new SyntaxError('not strict JSON'); };
  const ws = () => { while (i < text.length && ' \t\n\r'.includes(text[i])) i++; };
  const hex4 = () => {
    const h = text.slice(i, i + 4);
    if (!/^[0-9a-fA-F]{4}$/.test(h)) fail();
    i += 4;
    return parseInt(h, 16);
  };
  const str = () => {
    i++;
    let out = '';
    for (;;) {
      if (i >= text.length) fail();
      const c = text[i];
      if (c === '"') { i++; return out; }
      if (c.charCodeAt(0) < 0x20) fail();
      if (c !== '\\') { out += c; i++; continue; }
      const e = text[i + 1];
      i += 2;
      const simple = { '"': '"', '\\': '\\', '/': '/', b: '\b', f: '\f', n: '\n', r: '\r', t: '\t' };
      if (e !== undefined && e in simple) { out += simple[e]; continue; }
      if (e !== 'u') fail();
      const hi = hex4();
      if (hi >= 0xdc00 && hi <= 0xdfff) fail();
      if (hi >= 0xd800 && hi <= 0xdbff) {
        if (text.slice(i, i + 2) !== '\\u') fail();
        i += 2;
        const lo = hex4();
        if (lo < 0xdc00 || lo > 0xdfff) fail();
        out += String.fromCharCode(hi, lo);
      } else {
        out += String.fromCharCode(hi);
      }
    }
  };
  const NUM = /-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?/y;
  const num = () => {
    NUM.lastIndex = i;
    const m = NUM.exec(text);
    if (!m) fail();
    i += m[0].length;
    // Beyond binary64 is refused (RFC 7493 §2.2; docs/formats/zego.md): JS reads it as Infinity.
    if (!Number.isFinite(Number(m[0]))) fail();
    let int = null;
    if (m[2] === undefined && m[3] === undefined) {
      const v = BigInt(m[0]);
      if (v >= I64_MIN && v <= I64_MAX) int = v;
    }
    return { t: 'num', raw: m[0], int };
  };
  const value = (depth) => {
    ws();
    const c = text[i];
    if (c === '{' || c === '[') {
      if (depth >= MAX_DEPTH) fail();
      i++;
      const close = c === '{' ? '}' : ']';
      const node = c === '{' ? { t: 'obj', m: [] } : { t: 'arr', a: [] };
      const names = new Set();
      ws();
      if (text[i] === close) { i++; return node; }
      for (;;) {
        if (c === '{') {
          ws();
          if (text[i] !== '"') fail();
          const k = str();
          if (names.has(k)) fail();
          names.add(k);
          ws();
          if (text[i] !== ':') fail();
          i++;
          node.m.push([k, value(depth + 1)]);
        } else {
          node.a.push(value(depth + 1));
        }
        ws();
        if (text[i] === ',') { i++; continue; }
        if (text[i] === close) { i++; return node; }
        fail();
      }
    }
    if (c === '"') return { t: 'str', v: str() };
    for (const [word, node] of [['true', { t: 'bool', v: true }], ['false', { t: 'bool', v: false }],
      ['null', { t: 'null' }]]) {
      if (text.startsWith(word, i)) { i += word.length; return node; }
    }
    return num();
  };
  try {
    const v = value(0);
    ws();
    return i === text.length ? v : null;
  } catch (e) {
    if (e instanceof SyntaxError) return null;
    throw e;
  }
}

const asInt = (node) => (node.t === 'num' ? node.int : null);

function readPrivilegeObject(node) {
  if (node.t !== 'obj') return null;
  const out = { login: -1, publish: -1 };
  for (const [k, v] of node.m) {
    const n = asInt(v);
    if (n !== 0n && n !== 1n) return null;
    if (k === '1') out.login = Number(n);
    if (k === '2') out.publish = Number(n);
  }
  return out;
}

// Exactly the listed members, each of its kind; null = payload_invalid.
function readClaims(tree, spec) {
  if (tree.t !== 'obj') return null;
  const out = {};
  for (const [k, v] of tree.m) {
    const kind = spec[k];
    if (kind === undefined) return null;
    if (kind === 'str') {
      if (v.t !== 'str') return null;
      out[k] = v.v;
    } else if (kind === 'privilege') {
      out[k] = readPrivilegeObject(v);
      if (out[k] === null) return null;
    } else {
      const n = asInt(v);
      if (n === null || (kind === 'u32' && (n < 0n || n > U32_MAX))) return null;
      out[k] = n;
    }
  }
  return Object.keys(out).length === Object.keys(spec).length ? out : null;
}

const SPEC04 = { app_id: 'u32', user_id: 'str', nonce: 'int', ctime: 'int', expire: 'int',
  payload: 'str' };
const SPEC03 = { app_id: 'u32', room_id: 'str', user_id: 'str', privilege: 'privilege',
  create_time: 'int', expire_time: 'int', nonce: 'int' };

// The privilege payload of token04 (§1.3): "" = basic token; otherwise a JSON object whose
// known members have ZEGO's types (other members are skipped).
function readPayload(p) {
  const none = { kind: 'empty', room: null, login: -1, publish: -1, streams: null };
  if (p === '') return none;
  const tree = parseStrictJson(Buffer.from(p, 'utf8'));
  if (tree === null || tree.t !== 'obj') return { kind: 'invalid' };
  const out = { ...none, kind: 'privilege' };
  for (const [k, v] of tree.m) {
    if (k === 'room_id') {
      if (v.t !== 'str') return { kind: 'invalid' };
      out.room = v.v;
    } else if (k === 'privilege') {
      const flags = readPrivilegeObject(v);
      if (flags === null) return { kind: 'invalid' };
      Object.assign(out, flags);
    } else if (k === 'stream_id_list') {
      if (v.t === 'null') continue;
      if (v.t !== 'arr' || v.a.some((e) => e.t !== 'str')) return { kind: 'invalid' };
      out.streams = v.a.map((e) => e.v);
    }
  }
  return out;
}

// Token text to checked claims (both versions): {claims, env, lenient} or {condition, malformation}.
function decode(token, version, inp) {
  if (token === '') return { condition: 'malformed', malformation: 'empty' };
  if (!token.startsWith(version)) return { condition: 'unsupported_version', malformation: 'bad_prefix' };
  const b = b64decode(token.slice(version.length), inp.base64);
  if (b.error) return { condition: 'malformed', malformation: b.error };
  const env = readEnvelope(b.body, version === '04');
  if (env.error) return { condition: 'malformed', malformation: env.error };
  const pt = decrypt(env, inp.secret);
  if (pt === null) return { condition: 'decrypt_failed', malformation: null };
  const tree = parseStrictJson(pt);
  if (tree === null) return { condition: 'malformed', malformation: 'bad_json' };
  const claims = readClaims(tree, version === '04' ? SPEC04 : SPEC03);
  if (claims === null) return { condition: 'payload_invalid', malformation: null };
  const jsonExpire = version === '04' ? claims.expire : claims.expire_time;
  if (jsonExpire !== env.expire) return { condition: 'expire_mismatch', malformation: null };
  return { claims, env, lenient: b.lenient };
}

const num = (v) => (v >= -(2n ** 53n) && v <= 2n ** 53n ? Number(v) : v);

function parseToken(version, token, inp) {
  if (Buffer.byteLength(inp.secret) !== 32) {
    return { ok: false, condition: 'invalid_secret', malformation: null };
  }
  const d = decode(token, version, inp);
  if (d.condition) return { ok: false, condition: d.condition, malformation: d.malformation };
  const c = d.claims;
  const iv_hex = d.env.iv.toString('hex');
  if (version === '04') {
    return { ok: true, fields: { version: '04', mode: d.env.mode, iv_hex, app_id: num(c.app_id),
      user_id: c.user_id, nonce: num(c.nonce), ctime: num(c.ctime), expire: num(c.expire),
      payload: c.payload } };
  }
  const privilege = {};
  if (c.privilege.login >= 0) privilege['1'] = c.privilege.login;
  if (c.privilege.publish >= 0) privilege['2'] = c.privilege.publish;
  return { ok: true, fields: { version: '03', iv_hex, app_id: num(c.app_id), room_id: c.room_id,
    user_id: c.user_id, privilege, create_time: num(c.create_time),
    expire_time: num(c.expire_time), nonce: num(c.nonce) } };
}

// Check order (docs/formats/zego.md): secret → token present → decode → payload format (04)
// → app_id → user_id → expiry (now >= expire) → room → privileges → stream (04).
function verifyToken(version, inp) {
  const out = (condition, malformation = null, privilege = null) =>
    ({ condition, malformation, privilege, vendor_codes: vendorCodes(condition) });
  if (Buffer.byteLength(inp.secret) !== 32) return out('invalid_secret');
  const token = inp.token ?? '';
  if (token === '') return out('token_missing');
  const d = decode(token, version, inp);
  if (d.condition) {
    return out(d.condition, d.condition === 'malformed' ? d.malformation : null);
  }
  const c = d.claims;
  let payload = { room: null, login: -1, publish: -1, streams: null };
  if (version === '04') {
    payload = readPayload(c.payload);
    if (payload.kind === 'invalid') return out('payload_invalid');
  } else {
    payload = { room: c.room_id, ...c.privilege, streams: null };
  }
  if (inp.app_id !== undefined) {
    const a = BigInt(inp.app_id);
    if (a <= 0n || a > U32_MAX) return out('invalid_app_id');
    if (a !== c.app_id) return out('app_id_mismatch');
  }
  if (inp.user_id !== undefined && inp.user_id !== c.user_id) return out('user_id_mismatch');
  if (BigInt(inp.now) >= (version === '04' ? c.expire : c.expire_time)) return out('expired');
  if (inp.room_id !== undefined && payload.room !== null && inp.room_id !== payload.room) {
    return out('room_mismatch');
  }
  for (const p of inp.privileges ?? []) {
    const v = p === 1 ? payload.login : p === 2 ? payload.publish : -1;
    if (v !== 1) return out('privilege_missing', null, p);
  }
  if (inp.stream_id !== undefined && payload.streams !== null &&
      !payload.streams.includes(inp.stream_id)) {
    return out('stream_not_allowed');
  }
  return out('valid');
}

// ---------------------------------------------------------------- shared notes

const NOTES = {
  ReleasedVector: { bugType: 'BASIC', description: 'The computed vector Z1 of token-formats.md ZEGO §3, reproduced byte-for-byte by ZEGO\'s own zegoServerAssistant.js with its RNG and clock stubbed.' },
  CbcBuild: { bugType: 'BASIC', description: 'A CBC-era token (16-byte IV, PKCS#7, no mode byte), built as ZEGO\'s Node generator builds it.' },
  GcmBuild: { bugType: 'BASIC', description: 'A GCM-era token04 (12-byte nonce, ciphertext ‖ 16-byte tag, mode byte 1) sealed by Node\'s node:crypto aes-256-gcm: the independent cross-check of the C++ GCM path.' },
  JsonEscaping: { bugType: 'FUNCTIONALITY', description: 'Strings are escaped inside the claims exactly as JSON.stringify does (quotes, backslash, \\b\\f\\n\\r\\t short forms, other controls as \\u00xx, everything else verbatim).' },
  EdgeValue: { bugType: 'EDGE_CASE', description: 'Limits: u32 app id, 64-unit user id, negative/int32/int64 nonces, zero times, raw-byte IVs.' },
  ModeInference: { bugType: 'DEFINED', description: 'No "mode" in a build request: a 16-byte iv means cbc, anything else gcm (inferred, docs/formats/zego.md).' },
  GeneratorError: { bugType: 'MODIFIED_PARAMETER', description: 'ZEGO\'s generators refuse the input with their ErrorCode (1 appID, 2 roomID, 3 userID, 4 privilege, 5 secret, 6 effectiveTimeInSeconds), checked in the Node generator\'s order (token-formats.md ZEGO §1.4, §1.6).' },
  BuildRefusal: { bugType: 'MODIFIED_PARAMETER', description: 'tokcheck refuses an injected value no ZEGO generator can produce (IV length, int64 overflow, a ciphertext over the u16 length); the code is a string, not a ZEGO number (inferred).' },
  Truncated: { bugType: 'CAN_OF_WORMS', description: 'The body is cut at a field boundary or inside a field: a fixed-size field that runs out is truncated, bytes promised by a complete length prefix are length_overflow.' },
  LengthField: { bugType: 'CAN_OF_WORMS', description: 'A u16 length prefix (ivLen / ctLen) is changed so the envelope no longer lines up.' },
  ModeByte: { bugType: 'MODIFIED_PARAMETER', description: 'After the ciphertext: nothing = CBC, exactly one byte 1 = GCM; another single byte is bad_mode, more bytes are trailing_bytes, and the IV must be 16 (CBC) / 12 (GCM) bytes (token-formats.md ZEGO §1.1).' },
  ModeByteZero: { bugType: 'LEGACY', description: 'A CBC token followed by a mode byte 0 (AesEncryptModeCBCPKCS5Padding). No generator writes it (CBC-era tokens carry no byte, §1.1), so the reference rejects it as bad_mode; a server that maps 0 to CBC would accept it.' },
  ImpossibleLength: { bugType: 'CAN_OF_WORMS', description: 'A CBC ciphertext that is empty or not whole blocks, or a GCM ciphertext shorter than its tag: bad_field before any decryption.' },
  WrongSecret: { bugType: 'AUTH_BYPASS', description: 'The token was made under another 32-byte secret: GCM always fails its tag; CBC fails its padding check, except in the rare case the garbage happens to end in valid padding.' },
  InvalidSecret: { bugType: 'MODIFIED_PARAMETER', description: 'The server secret given to the parser/verifier is not 32 bytes.' },
  ModifiedCiphertext: { bugType: 'AUTH_BYPASS', description: 'Bits of the ciphertext, GCM tag or GCM nonce flipped: GCM always rejects; CBC garbles a block (bad JSON) or breaks the padding.' },
  CbcMalleability: { bugType: 'MALLEABILITY', description: 'CBC has no integrity: flipping a bit of the IV flips the same bit of plaintext block 0, here turning "app_id":1 into another digit. The token still decrypts to well-formed claims, so a verifier cannot tell; the vector records that it is accepted for the forged app id. This is why ZEGO moved token04 to GCM.' },
  BadPadding: { bugType: 'CAN_OF_WORMS', description: 'A CBC plaintext encrypted with wrong PKCS#7 padding (0, over 16, inconsistent bytes, none at all): decrypt_failed.' },
  NotStrictJson: { bugType: 'CAN_OF_WORMS', description: 'The decrypted claims are not strict JSON (syntax, trailing data, invalid UTF-8, lone surrogate escapes, a BOM, nesting): malformed / bad_json.' },
  DuplicateKey: { bugType: 'MALLEABILITY', description: 'An object with two members of one name (also when spelled with escapes): rejected as not strict JSON (RFC 7493 §2.3) because parsers disagree on which one wins.' },
  NumberRange: { bugType: 'EDGE_CASE', description: 'A number beyond IEEE 754 binary64 (1e400): RFC 8259 §6 leaves the range to the parser and parsers disagree (Go and nlohmann refuse it, Python and JavaScript read Infinity). The reference refuses it as bad_json (inferred, I-JSON RFC 7493 §2.2); found by fuzzing (tencent_usersig_json_fuzzer, same reader rule).' },
  WrongShape: { bugType: 'MODIFIED_PARAMETER', description: 'Strict JSON, but not the claims: not an object, a member missing or extra, a wrong type, a non-integer number, an app_id outside u32, an integer outside int64: payload_invalid.' },
  ExtraMember: { bugType: 'FUNCTIONALITY', description: 'The claims carry a member ZEGO\'s generators never write. The reference rejects it (payload_invalid, inferred); a server that ignores unknown members would accept it.' },
  JsonWhitespace: { bugType: 'EDGE_CASE', description: 'Whitespace around JSON tokens and escaped member names are valid RFC 8259; no generator writes them, but a strict parser must accept them.' },
  ExpireMismatch: { bugType: 'MODIFIED_PARAMETER', description: 'The clear-text header expire differs from the encrypted JSON expire (token-formats.md ZEGO §9): expire_mismatch.' },
  VersionConfusion: { bugType: 'WRONG_PRIMITIVE', description: 'A token03 body under "04" or a token04 body under "03" (the CBC envelope is identical, the claims are not), another prefix, or a GCM body where token03 allows no mode byte.' },
  NonCanonicalBase64: { bugType: 'MALLEABILITY', description: 'The body is base64 only under lenient rules (padding bits set, padding missing, URL alphabet, whitespace). The reference is strict (non_canonical_base64); ZEGO\'s servers are not documented, so another implementation may accept these.' },
  LenientBase64: { bugType: 'LEGACY', description: 'The same non-canonical inputs read with "base64": "lenient" (skip non-alphabet characters, - and _ for + and /, stop at the first =, ignore leftover bits).' },
  BadBase64: { bugType: 'CAN_OF_WORMS', description: 'Not base64 at all (no base64 character after the prefix), or an empty token.' },
  ExpiryBoundary: { bugType: 'EDGE_CASE', description: 'now = expire − 1 / expire / expire + 1: valid while now < expire (token-formats.md ZEGO §1.5 pseudo-code); expired at expire (inferred boundary, RFC 7519 exp).' },
  NoNotBefore: { bugType: 'DEFINED', description: 'ZEGO defines no not-before: a token presented before its ctime is judged by expiry only (inferred).' },
  BindingMismatch: { bugType: 'AUTH_BYPASS', description: 'The request\'s app id, user id or room id differs from the token\'s.' },
  InvalidAppId: { bugType: 'MODIFIED_PARAMETER', description: 'The bound app id is not a valid ZEGO AppID (0, negative, over u32): invalid_app_id (generator code 1 refuses such ids).' },
  TokenMissing: { bugType: 'DEFINED', description: 'No token at all: RoomNoToken 1002067 (no AppSign at createEngine and no Token at loginRoom).' },
  CheckOrder: { bugType: 'DEFINED', description: 'Several checks fail at once; the first in docs/formats/zego.md\'s check order is reported (app_id → user_id → expiry → room → privileges → stream).' },
  PrivilegePayload: { bugType: 'DEFINED', description: 'token04 privilege payload {"room_id","privilege":{"1":login,"2":publish},"stream_id_list"} (token-formats.md ZEGO §1.3): a required privilege must be 1; a bound room must equal room_id when present; a bound stream must be listed when stream_id_list is an array (null = no check).' },
  BasicToken: { bugType: 'DEFINED', description: 'payload "" is a basic token: it restricts no room or stream, and grants no privilege a request requires (inferred).' },
  PayloadFormat: { bugType: 'MODIFIED_PARAMETER', description: 'A non-empty payload that is not a JSON object, or a known member of the wrong type, is payload_invalid even with no binding: RoomTokenFormatError 1002075 "payload is in non-JSON format".' },
  Token03Privilege: { bugType: 'DEFINED', description: 'token03 claims carry privilege {"1": login, "2": publish} and room_id; a required privilege must be 1 and a bound room must match (token-formats.md ZEGO §1.6).' },
};

const SRC_Z1 = 'token-formats.md ZEGO §3 (Z1; reproduced by ZEGO\'s zegoServerAssistant.js)';
const SRC_GEN = GENERATOR;
const SRC_GCM = `${GENERATOR}: AES-256-GCM sealed by Node's node:crypto (self-checked against GCM spec Test Case 15), independent of the C++ EVP path`;
const SRC_LAYOUT = 'token-formats.md ZEGO §1.1 (envelope); docs/formats/zego.md';
const SRC_JSON = 'token-formats.md ZEGO §1.3 (claims); docs/formats/zego.md "Decisions"';
const SRC_CODES = 'token-formats.md ZEGO §1.4 (generator ErrorCode, Node order)';
const SRC_03 = 'token-formats.md ZEGO §1.6 (token03: Go token03.go, Node zegoServerAssistant.ts)';
const SRC_B64 = 'core/base64.h rules; docs/formats/zego.md "Decisions" (inferred strictness)';
const SRC_VERIFY = 'docs/formats/zego.md "Check order" (inferred)';

// ---------------------------------------------------------------- token04 cases

const base04 = () => ({ app_id: 1, user_id: 'demo', secret: SECRET,
  effective_time_in_seconds: EFF, payload: '', ctime: CTIME, nonce: NONCE });
const cbc04 = (extra = {}) => ({ ...base04(), iv: IV16, mode: 'cbc', ...extra });
const gcm04 = (extra = {}) => ({ ...base04(), iv: IV12, mode: 'gcm', ...extra });
const tok = (inp) => {
  const r = build04(inp);
  check(r.token, `build failed: ${JSON.stringify(r)}`);
  return r.token;
};

const ROOM_PAYLOAD = '{"room_id":"room1","privilege":{"1":1,"2":1},"stream_id_list":["s1","s2"]}';
const LOGIN_ONLY = '{"room_id":"room1","privilege":{"1":1,"2":0},"stream_id_list":null}';
const CPP_SAMPLE = '{"room_id":"demo","privilege":{"1":1,"2":1},"stream_id_list":["sample","sample2"]}';

function zego04Build() {
  const f = new VectorFile('zego-04', 'build', [
    'ZEGO token04 build (token-formats.md ZEGO §1; docs/formats/zego.md).',
    `Generated by ${GENERATOR}, an independent Node implementation using node:crypto; Z1 is copied from the notes and rebuilt byte-for-byte before anything is written.`,
    'ctime, nonce, iv (text; iv_hex for raw bytes) and mode are injected so builds are reproducible; the claims are JSON.stringify of {app_id,user_id,nonce,ctime,expire,payload}.',
    'Errors: ZEGO\'s integer ErrorCode for generator inputs (Node order: app id, user id, secret, effective time), string codes for tokcheck\'s own refusals.',
  ], NOTES);
  const ok = (comment, flags, source, inp) => {
    const r = build04(inp);
    check(r.token, `expected a token: ${comment}`);
    const back = parseToken('04', r.token, { secret: inp.secret });
    check(back.ok && back.fields.user_id === inp.user_id && back.fields.payload === (inp.payload ?? ''),
      `round trip: ${comment}`);
    f.add(comment, flags, 'valid', source, inp, { token: r.token });
    return r.token;
  };
  const err = (comment, flags, source, inp, code) => {
    const r = build04(inp);
    check(r.error === code, `${comment}: expected error ${code}, got ${JSON.stringify(r.error ?? r.token)}`);
    f.add(comment, flags, 'invalid', source, inp, { error: { code } });
  };

  const z1 = ok('Z1: CBC, app 1, "demo", payload "", ctime 1700000000 + 3600, nonce 123456789, iv "0123456789abcdef"',
    ['ReleasedVector', 'CbcBuild'], SRC_Z1, cbc04());
  check(z1 === Z1, 'Z1 does not rebuild byte-for-byte');
  ok('Z1 inputs sealed with GCM (nonce "0123456789ab")', ['GcmBuild'], SRC_GCM, gcm04());
  for (const [mode, mk] of [['cbc', cbc04], ['gcm', gcm04]]) {
    const flags = mode === 'cbc' ? ['CbcBuild'] : ['GcmBuild'];
    const src = mode === 'cbc' ? `${SRC_GEN} (token-formats.md ZEGO §1.1–§1.3)` : SRC_GCM;
    ok(`${mode}: privilege payload (room1, login+publish, two streams)`, flags, src, mk({ payload: ROOM_PAYLOAD }));
    ok(`${mode}: C++ sample privilege payload, secret 1234…9012, user "demo"`, flags,
      `${src}; token-formats.md ZEGO §2 (C++ sample inputs)`, mk({ payload: CPP_SAMPLE, secret: SECRET2 }));
    ok(`${mode}: user id with quote, backslash, slash, controls, DEL, U+2028 and non-ASCII`,
      [...flags, 'JsonEscaping'], src, mk({ user_id: 'a"b\\c/d\u0001\u001f\n\t\u007f\u2028é中😀' }));
    ok(`${mode}: user id "\\u0000"`, [...flags, 'JsonEscaping', 'EdgeValue'], src, mk({ user_id: '\u0000' }));
    ok(`${mode}: payload that is not JSON is still embedded verbatim`, [...flags, 'JsonEscaping'], src,
      mk({ payload: 'free text </script> & "quotes"' }));
    ok(`${mode}: app id 4294967295 (u32 max)`, [...flags, 'EdgeValue'], src, mk({ app_id: 4294967295 }));
    ok(`${mode}: user id of 64 characters (the limit)`, [...flags, 'EdgeValue'], src, mk({ user_id: 'u'.repeat(64) }));
    ok(`${mode}: user id of 32 emoji = 64 UTF-16 units (128 bytes)`, [...flags, 'EdgeValue'], src,
      mk({ user_id: '😀'.repeat(32) }));
    ok(`${mode}: nonce -2147483648 (GCM-era Node draws a signed int32)`, [...flags, 'EdgeValue'], src,
      mk({ nonce: -2147483648 }));
    ok(`${mode}: nonce 2147483647`, [...flags, 'EdgeValue'], src, mk({ nonce: 2147483647 }));
    ok(`${mode}: ctime 0, effective time 1`, [...flags, 'EdgeValue'], src,
      mk({ ctime: 0, effective_time_in_seconds: 1 }));
    ok(`${mode}: effective time of 100 years`, [...flags, 'EdgeValue'], src,
      mk({ effective_time_in_seconds: 3155760000 }));
  }
  // Plaintext lengths around the CBC block size: the padding is 1..16 bytes.
  for (const extra of [0, 1, 12, 13, 14]) {
    const payload = 'p'.repeat(extra);
    const pt = claims04Text({ app_id: 1, user_id: 'demo', nonce: NONCE, ctime: CTIME, expire: EXP, payload });
    ok(`cbc: plaintext of ${pt.length} bytes (${16 - (pt.length % 16)} bytes of padding)`,
      ['CbcBuild', 'EdgeValue'], `${SRC_GEN} (PKCS#7, RFC 5652 §6.3)`, cbc04({ payload }));
  }
  ok('cbc: raw-byte IV (iv_hex, zeros and 0xff)', ['CbcBuild', 'EdgeValue'], `${SRC_GEN}; token-formats.md ZEGO §9 (raw IV)`,
    { ...base04(), iv_hex: '00ff00ff00ff00ff00ff00ff00ff00ff', mode: 'cbc' });
  ok('gcm: raw-byte nonce (iv_hex), as Go/Node/Java/C# GCM generators draw it', ['GcmBuild', 'EdgeValue'], SRC_GCM,
    { ...base04(), iv_hex: '000102030405060708090a0b', mode: 'gcm' });
  ok('no mode, 16-byte iv: cbc (Z1 again)', ['ModeInference', 'CbcBuild'], SRC_Z1, { ...base04(), iv: IV16 });
  ok('no mode, 12-byte iv: gcm', ['ModeInference', 'GcmBuild'], SRC_GCM, { ...base04(), iv: IV12 });

  // ZEGO's generator errors, in Node's order.
  const E = ['GeneratorError'];
  err('app id 0', E, SRC_CODES, cbc04({ app_id: 0 }), 1);
  err('app id -1', E, `${SRC_CODES}; u32 in Go/C++ (inferred for negatives)`, cbc04({ app_id: -1 }), 1);
  err('app id 4294967296 (over u32)', E, `${SRC_CODES}; u32 in Go/C++`, cbc04({ app_id: 4294967296 }), 1);
  err('app id "1" (a string: Node typeof check)', E, SRC_CODES, cbc04({ app_id: '1' }), 1);
  err('app id 1.5 (not an integer)', E, `${SRC_CODES} (inferred: integer types elsewhere)`, cbc04({ app_id: 1.5 }), 1);
  const noApp = cbc04();
  delete noApp.app_id;
  err('app id missing', E, SRC_CODES, noApp, 1);
  err('user id ""', E, SRC_CODES, gcm04({ user_id: '' }), 3);
  err('user id of 65 characters', E, `${SRC_CODES} (GCM-era Node/Java > 64)`, gcm04({ user_id: 'u'.repeat(65) }), 3);
  err('user id of 32 emoji + "x" = 65 UTF-16 units', E, `${SRC_CODES} (JS length counts UTF-16 units)`,
    gcm04({ user_id: '😀'.repeat(32) + 'x' }), 3);
  err('user id 7 (a number)', E, SRC_CODES, gcm04({ user_id: 7 }), 3);
  err('secret of 31 bytes', E, SRC_CODES, cbc04({ secret: SECRET.slice(1) }), 5);
  err('secret of 33 bytes', E, SRC_CODES, cbc04({ secret: SECRET + '0' }), 5);
  err('secret of 32 characters but 33 bytes (é)', E, `${SRC_CODES} (the key is the secret's bytes; inferred)`,
    cbc04({ secret: 'é' + SECRET.slice(1) }), 5);
  const noSecret = cbc04();
  delete noSecret.secret;
  err('secret missing', E, SRC_CODES, noSecret, 5);
  err('effective time 0', E, SRC_CODES, gcm04({ effective_time_in_seconds: 0 }), 6);
  err('effective time -3600', E, SRC_CODES, gcm04({ effective_time_in_seconds: -3600 }), 6);
  err('effective time "3600" (a string)', E, SRC_CODES, gcm04({ effective_time_in_seconds: '3600' }), 6);
  err('app id 0 and user id "" and short secret: app id first', [...E, 'CheckOrder'], SRC_CODES,
    cbc04({ app_id: 0, user_id: '', secret: 'x' }), 1);
  err('user id "" and short secret: user id first', [...E, 'CheckOrder'], SRC_CODES,
    cbc04({ user_id: '', secret: 'x' }), 3);
  err('short secret and effective time 0: secret first', [...E, 'CheckOrder'], SRC_CODES,
    cbc04({ secret: 'x', effective_time_in_seconds: 0 }), 5);
  // tokcheck's own refusals.
  const R = ['BuildRefusal'];
  err('cbc with a 12-byte iv', R, SRC_LAYOUT, cbc04({ iv: IV12 }), 'iv_invalid');
  err('gcm with a 16-byte iv', R, SRC_LAYOUT, gcm04({ iv: IV16 }), 'iv_invalid');
  err('no mode, 15-byte iv (gcm assumed, wrong length)', [...R, 'ModeInference'], SRC_LAYOUT,
    { ...base04(), iv: IV16.slice(1) }, 'iv_invalid');
  err('ctime + effective time overflows int64', R, SRC_LAYOUT,
    cbc04({ ctime: I64_MAX - 10n, effective_time_in_seconds: 11 }), 'expire_out_of_range');
  // 99 + 65421 bytes of plaintext + 16 of tag = 65536: one byte over the u16 length.
  err('gcm: payload of 65421 bytes makes a 65536-byte ciphertext, one over the u16 length', R, SRC_LAYOUT,
    gcm04({ payload: 'p'.repeat(65421) }), 'too_long');
  return f;
}

function zego04Parse() {
  const f = new VectorFile('zego-04', 'parse', [
    'ZEGO token04 parse with the 32-byte server secret (token-formats.md ZEGO §1; docs/formats/zego.md).',
    `Generated by ${GENERATOR}; expected outcomes come from its own decoder (strict base64, envelope, PKCS#7 / GCM tag, strict JSON, claims shape, header expire == JSON expire).`,
    'fields: version, mode, iv_hex, app_id, user_id, nonce, ctime, expire, payload (verbatim). The payload\'s own format is judged by verify, not parse.',
  ], NOTES);
  const add = (comment, flags, source, token, { secret = SECRET, base64, result, expect } = {}) => {
    const inp = { token, secret };
    if (base64) inp.base64 = base64;
    const r = parseToken('04', token, inp);
    if (expect) {
      const got = r.ok ? 'ok' : `${r.condition}/${r.malformation}`;
      check(got === expect, `${comment}: meant ${expect}, decoder says ${got}`);
    }
    // A malformation is named only under "malformed" (docs/VECTORS.md), as verify does.
    const expected = r.ok ? { ok: true, fields: r.fields }
      : { ok: false, condition: r.condition, malformation: r.condition === 'malformed' ? r.malformation : null };
    f.add(comment, flags, result ?? (r.ok ? 'valid' : 'invalid'), source, inp, expected);
  };

  add('Z1', ['ReleasedVector', 'CbcBuild'], SRC_Z1, Z1, { expect: 'ok' });
  const gcm = tok(gcm04());
  add('GCM token with Z1\'s inputs', ['GcmBuild'], SRC_GCM, gcm, { expect: 'ok' });
  add('GCM privilege token', ['GcmBuild'], SRC_GCM, tok(gcm04({ payload: ROOM_PAYLOAD })), { expect: 'ok' });
  add('CBC privilege token', ['CbcBuild'], SRC_GEN, tok(cbc04({ payload: LOGIN_ONLY })), { expect: 'ok' });
  add('GCM, escaped user id', ['GcmBuild', 'JsonEscaping'], SRC_GCM,
    tok(gcm04({ user_id: 'a"b\\c/d\u0001\n\u2028é😀' })), { expect: 'ok' });
  add('GCM, raw-byte nonce', ['GcmBuild', 'EdgeValue'], SRC_GCM,
    tok({ ...base04(), iv_hex: 'ffffffffffffffffffffffff', mode: 'gcm' }), { expect: 'ok' });
  add('CBC, non-JSON payload parses (verify judges it)', ['CbcBuild', 'PayloadFormat'], SRC_GEN,
    tok(cbc04({ payload: 'not json' })), { expect: 'ok' });

  // Prefix and base64.
  add('empty token', ['BadBase64'], SRC_LAYOUT, '', { expect: 'malformed/empty' });
  add('"04" alone: empty body', ['Truncated'], SRC_LAYOUT, '04', { expect: 'malformed/truncated' });
  add('Z1 body under "03"', ['VersionConfusion'], SRC_LAYOUT, '03' + Z1.slice(2),
    { expect: 'unsupported_version/bad_prefix' });
  add('Z1 body under "4"', ['VersionConfusion'], SRC_LAYOUT, Z1.slice(1),
    { expect: 'unsupported_version/bad_prefix' });
  add('Z1 body under "004"', ['VersionConfusion'], SRC_LAYOUT, '0' + Z1,
    { expect: 'unsupported_version/bad_prefix' });
  add('"04!!!!": no base64 character', ['BadBase64'], SRC_B64, '04!!!!', { expect: 'malformed/bad_base64' });
  const variants = [
    ['padding bits set (…AAg= → …AAh=)', Z1.slice(0, -2) + 'h='],
    ['padding removed', Z1.slice(0, -1)],
    ['a newline inside', Z1.slice(0, 40) + '\n' + Z1.slice(40)],
    ['URL alphabet (+ → -, / → _)', Z1.replaceAll('+', '-').replaceAll('/', '_')],
    ['a superfluous "=" appended', Z1 + '='],
  ];
  for (const [what, t] of variants) {
    add(`Z1 with ${what}`, ['NonCanonicalBase64'], SRC_B64, t,
      { result: 'acceptable', expect: 'malformed/non_canonical_base64' });
    add(`Z1 with ${what}, base64 lenient`, ['LenientBase64'], SRC_B64, t,
      { base64: 'lenient', result: 'acceptable', expect: 'ok' });
  }

  // Envelope truncation at every boundary (and inside each field).
  for (const [name, t, ivLen] of [['cbc', Z1, 16], ['gcm', gcm, 12]]) {
    const body = bodyOf(t);
    const ctStart = 12 + ivLen;
    const cuts = [[0, 'empty body'], [4, 'inside expire'], [8, 'after expire'], [9, 'inside ivLen'],
      [10, 'after ivLen'], [10 + ivLen / 2, 'inside the IV'], [10 + ivLen, 'after the IV'],
      [11 + ivLen, 'inside ctLen'], [ctStart, 'after ctLen'], [ctStart + 40, 'inside the ciphertext'],
      [name === 'cbc' ? body.length - 1 : body.length - 2, 'last ciphertext byte missing']];
    if (name === 'gcm') cuts.push([body.length - 1, 'mode byte missing: a 12-byte IV with no mode byte']);
    for (const [cut, what] of cuts) {
      const m = cut < 10 || (cut >= 10 + ivLen && cut < ctStart) ? 'truncated'
        : cut === body.length - 1 && name === 'gcm' ? 'bad_field' : 'length_overflow';
      add(`${name}: cut at ${cut} of ${body.length} (${what})`, [m === 'bad_field' ? 'ModeByte' : 'Truncated'],
        SRC_LAYOUT, tokenOf('04', body.subarray(0, cut)), { expect: `malformed/${m}` });
    }
  }
  // Length fields.
  const z1b = bodyOf(Z1);
  const withU16 = (b, at, v) => { const c = Buffer.from(b); c.writeUInt16BE(v, at); return c; };
  add('cbc: ivLen 17 (one byte too many)', ['LengthField'], SRC_LAYOUT, tokenOf('04', withU16(z1b, 8, 17)));
  add('cbc: ivLen 0', ['LengthField'], SRC_LAYOUT, tokenOf('04', withU16(z1b, 8, 0)));
  add('cbc: ivLen 65535', ['LengthField'], SRC_LAYOUT, tokenOf('04', withU16(z1b, 8, 65535)),
    { expect: 'malformed/length_overflow' });
  add('cbc: ctLen one block too long', ['LengthField'], SRC_LAYOUT, tokenOf('04', withU16(z1b, 26, 128)),
    { expect: 'malformed/length_overflow' });
  add('cbc: ctLen one block short (16 bytes left over)', ['LengthField'], SRC_LAYOUT,
    tokenOf('04', withU16(z1b, 26, 96)), { expect: 'malformed/trailing_bytes' });
  add('cbc: ctLen one byte short (1 byte left over, not a mode byte of 1)', ['LengthField'], SRC_LAYOUT,
    tokenOf('04', withU16(z1b, 26, 111)));
  // Mode byte.
  const gb = bodyOf(gcm);
  const tail = (b, bytes) => tokenOf('04', Buffer.concat([b, Buffer.from(bytes)]));
  add('cbc + mode byte 0', ['ModeByteZero'], SRC_LAYOUT, tail(z1b, [0]), { result: 'acceptable', expect: 'malformed/bad_mode' });
  add('cbc + mode byte 2', ['ModeByte'], SRC_LAYOUT, tail(z1b, [2]), { expect: 'malformed/bad_mode' });
  add('cbc + mode byte 255', ['ModeByte'], SRC_LAYOUT, tail(z1b, [255]), { expect: 'malformed/bad_mode' });
  add('cbc + mode byte 1: GCM needs a 12-byte nonce', ['ModeByte'], SRC_LAYOUT, tail(z1b, [1]), { expect: 'malformed/bad_field' });
  add('cbc + two bytes', ['ModeByte'], SRC_LAYOUT, tail(z1b, [1, 1]), { expect: 'malformed/trailing_bytes' });
  add('gcm with mode byte 0', ['ModeByte'], SRC_LAYOUT, tail(gb.subarray(0, -1), [0]), { expect: 'malformed/bad_mode' });
  add('gcm with mode byte 2', ['ModeByte'], SRC_LAYOUT, tail(gb.subarray(0, -1), [2]), { expect: 'malformed/bad_mode' });
  add('gcm + an extra byte after the mode byte', ['ModeByte'], SRC_LAYOUT, tail(gb, [1]), { expect: 'malformed/trailing_bytes' });
  // Impossible lengths.
  const iv16 = Buffer.from(IV16);
  const iv12 = Buffer.from(IV12);
  add('cbc: empty ciphertext', ['ImpossibleLength'], SRC_LAYOUT,
    tokenOf('04', envelope({ expire: EXP, iv: iv16, ct: Buffer.alloc(0), mode: 'cbc' })), { expect: 'malformed/bad_field' });
  add('cbc: ciphertext of 17 bytes', ['ImpossibleLength'], SRC_LAYOUT,
    tokenOf('04', envelope({ expire: EXP, iv: iv16, ct: z1b.subarray(28, 45), mode: 'cbc' })), { expect: 'malformed/bad_field' });
  add('gcm: ciphertext of 15 bytes (shorter than the tag)', ['ImpossibleLength'], SRC_LAYOUT,
    tokenOf('04', envelope({ expire: EXP, iv: iv12, ct: Buffer.alloc(15), mode: 'gcm' })), { expect: 'malformed/bad_field' });
  add('cbc layout with an 8-byte IV', ['ImpossibleLength'], SRC_LAYOUT,
    tokenOf('04', envelope({ expire: EXP, iv: iv16.subarray(0, 8), ct: z1b.subarray(28), mode: 'cbc' })), { expect: 'malformed/bad_field' });
  add('gcm: empty plaintext (ciphertext = tag only) decrypts to "": not JSON', ['NotStrictJson'], SRC_GCM,
    sealText('04', 'gcm', ''), { expect: 'malformed/bad_json' });

  // Secrets and tampering.
  add('Z1 under the C++ sample secret (wrong key)', ['WrongSecret'], SRC_GEN, Z1, { secret: SECRET2, expect: 'decrypt_failed/null' });
  add('GCM under the C++ sample secret (wrong key)', ['WrongSecret'], SRC_GCM, gcm, { secret: SECRET2, expect: 'decrypt_failed/null' });
  add('GCM, secret differing in the last character', ['WrongSecret'], SRC_GCM, gcm,
    { secret: SECRET.slice(0, -1) + '0', expect: 'decrypt_failed/null' });
  // A wrong key whose CBC garbage happens to end in valid padding (found by search).
  for (let n = 0; ; n++) {
    const wrong = `wrong-secret-${String(n).padStart(6, '0')}-01234567890123`.slice(0, 32);
    const env = readEnvelope(z1b, true);
    if (decrypt(env, wrong) === null) continue;
    add(`Z1 under wrong secret #${n}: the padding check passes by chance, the garbage is not JSON`,
      ['WrongSecret'], `${SRC_GEN} (searched for a key with valid-looking padding)`, Z1,
      { secret: wrong, expect: 'malformed/bad_json' });
    break;
  }
  add('secret of 31 bytes', ['InvalidSecret'], SRC_CODES, Z1, { secret: SECRET.slice(1), expect: 'invalid_secret/null' });
  add('empty secret', ['InvalidSecret'], SRC_CODES, gcm, { secret: '', expect: 'invalid_secret/null' });
  const flip = (b, at, mask = 1) => { const c = Buffer.from(b); c[at] ^= mask; return c; };
  const ctG = 24;  // gcm ciphertext start (8 + 2 + 12 + 2)
  add('gcm: first ciphertext bit flipped', ['ModifiedCiphertext'], SRC_GCM, tokenOf('04', flip(gb, ctG)), { expect: 'decrypt_failed/null' });
  add('gcm: ciphertext bit in the middle flipped', ['ModifiedCiphertext'], SRC_GCM, tokenOf('04', flip(gb, ctG + 50, 0x80)), { expect: 'decrypt_failed/null' });
  add('gcm: first tag bit flipped', ['ModifiedCiphertext'], SRC_GCM, tokenOf('04', flip(gb, gb.length - 17)), { expect: 'decrypt_failed/null' });
  add('gcm: last tag bit flipped', ['ModifiedCiphertext'], SRC_GCM, tokenOf('04', flip(gb, gb.length - 2, 0x80)), { expect: 'decrypt_failed/null' });
  add('gcm: nonce bit flipped', ['ModifiedCiphertext'], SRC_GCM, tokenOf('04', flip(gb, 10)), { expect: 'decrypt_failed/null' });
  add('gcm: tag dropped and ctLen adjusted', ['ModifiedCiphertext'], SRC_GCM,
    tokenOf('04', envelope({ expire: EXP, iv: iv12, ct: gb.subarray(ctG, gb.length - 17), mode: 'gcm' })),
    { expect: 'decrypt_failed/null' });
  add('cbc: bit in the last ciphertext block flipped (padding destroyed)', ['ModifiedCiphertext'], SRC_GEN,
    tokenOf('04', flip(z1b, z1b.length - 1)));
  add('cbc: bit in the first ciphertext block flipped (block 0 garbled)', ['ModifiedCiphertext'], SRC_GEN,
    tokenOf('04', flip(z1b, 28)));
  add('cbc: IV bit flipped, "app_id":1 becomes 0 (CBC malleability)', ['CbcMalleability'], SRC_GEN,
    tokenOf('04', flip(z1b, 10 + 10, 0x01)), { expect: 'ok' });
  add('cbc: IV edited, "app_id":1 becomes 9 (CBC malleability)', ['CbcMalleability'], SRC_GEN,
    tokenOf('04', flip(z1b, 10 + 10, 0x31 ^ 0x39)), { expect: 'ok' });
  // Bad padding, encrypted on purpose.
  const pt = Buffer.from(claims04Text({ app_id: 1, user_id: 'demo', nonce: NONCE, ctime: CTIME, expire: EXP, payload: '' }));
  const cbcWith = (padded) => tokenOf('04', envelope({ expire: EXP, iv: iv16, ct: cbcRaw(SECRET, iv16, padded), mode: 'cbc' }));
  const pad = (n, bytes) => Buffer.concat([pt, Buffer.from(bytes ?? Array(n).fill(n))]);
  check(pt.length % 16 === 3, 'Z1 plaintext is 99 bytes');
  add('cbc: last pad byte 0x00', ['BadPadding'], SRC_GEN, cbcWith(pad(13, [...Array(12).fill(13), 0])), { expect: 'decrypt_failed/null' });
  add('cbc: pad bytes 0x11 (over 16)', ['BadPadding'], SRC_GEN, cbcWith(Buffer.concat([pt, Buffer.alloc(29, 0x11)])), { expect: 'decrypt_failed/null' });
  add('cbc: pad bytes inconsistent (…0c 0d)', ['BadPadding'], SRC_GEN, cbcWith(pad(13, [...Array(12).fill(12), 13])), { expect: 'decrypt_failed/null' });
  add('cbc: no padding (spaces fill the block, last byte 0x20)', ['BadPadding'], SRC_GEN,
    cbcWith(Buffer.concat([pt, Buffer.alloc(13, 0x20)])), { expect: 'decrypt_failed/null' });
  add('cbc: a 1-byte pad over 12 spaces: valid padding, trailing spaces are JSON whitespace',
    ['JsonWhitespace'], SRC_GEN, cbcWith(Buffer.concat([pt, Buffer.alloc(12, 0x20), Buffer.from([1])])),
    { expect: 'ok' });

  // Claims JSON.
  const claims = (o) => stringify(o);
  const good = { app_id: 1, user_id: 'demo', nonce: NONCE, ctime: CTIME, expire: EXP, payload: '' };
  const J = (comment, flags, text, expect, { mode = 'gcm', result, expire } = {}) =>
    add(comment, flags, SRC_JSON, sealText('04', mode, text, { expire }), { expect, result });
  J('claims with whitespace everywhere', ['JsonWhitespace'], ' {\n "app_id" : 1 ,\t"user_id":"demo","nonce":123456789,"ctime":1700000000,"expire":1700003600,"payload":"" } \r\n', 'ok');
  J('member names escaped (\\u0061pp_id)', ['JsonWhitespace'], claims(good).replace('"app_id"', '"\\u0061pp_id"'), 'ok');
  J('members in Go struct order (app_id,user_id,ctime,expire,nonce,payload)', ['EdgeValue'],
    claims({ app_id: 1, user_id: 'demo', ctime: CTIME, expire: EXP, nonce: NONCE, payload: '' }), 'ok');
  J('nonce 9223372036854775807 (int64 max)', ['EdgeValue'], claims({ ...good, nonce: I64_MAX }), 'ok');
  J('nonce -0', ['EdgeValue'], claims(good).replace('"nonce":123456789', '"nonce":-0'), 'ok');
  J('app id 0 inside the token (parse reads it; verify binds)', ['EdgeValue'], claims({ ...good, app_id: 0 }), 'ok');
  J('not JSON at all', ['NotStrictJson'], 'hello', 'malformed/bad_json');
  J('truncated JSON', ['NotStrictJson'], claims(good).slice(0, 30), 'malformed/bad_json');
  J('trailing data after the object', ['NotStrictJson'], claims(good) + 'x', 'malformed/bad_json');
  J('two objects', ['NotStrictJson'], claims(good) + claims(good), 'malformed/bad_json');
  J('a UTF-8 BOM before the object', ['NotStrictJson'], '\ufeff' + claims(good), 'malformed/bad_json');
  J('single quotes', ['NotStrictJson'], claims(good).replaceAll('"', "'"), 'malformed/bad_json');
  J('a trailing comma', ['NotStrictJson'], claims(good).slice(0, -1) + ',}', 'malformed/bad_json');
  J('a raw newline inside user_id', ['NotStrictJson'], claims(good).replace('demo', 'de\nmo'), 'malformed/bad_json');
  J('a lone surrogate escape in user_id', ['NotStrictJson'], claims(good).replace('demo', 'de\\ud800mo'), 'malformed/bad_json');
  J('a leading zero (app_id 01)', ['NotStrictJson'], claims(good).replace('"app_id":1', '"app_id":01'), 'malformed/bad_json');
  add('invalid UTF-8 (0xff) inside user_id', ['NotStrictJson'], SRC_JSON,
    sealText('04', 'gcm', Buffer.concat([Buffer.from('{"app_id":1,"user_id":"de'), Buffer.from([0xff]),
      Buffer.from('mo","nonce":1,"ctime":1,"expire":1700003600,"payload":""}')])), { expect: 'malformed/bad_json' });
  add('overlong UTF-8 (c0 af) inside user_id', ['NotStrictJson'], SRC_JSON,
    sealText('04', 'gcm', Buffer.concat([Buffer.from('{"app_id":1,"user_id":"'), Buffer.from([0xc0, 0xaf]),
      Buffer.from('","nonce":1,"ctime":1,"expire":1700003600,"payload":""}')])), { expect: 'malformed/bad_json' });
  J('app_id twice', ['DuplicateKey'], claims(good).replace('{', '{"app_id":2,'), 'malformed/bad_json');
  J('payload twice', ['DuplicateKey'], claims(good).slice(0, -1) + ',"payload":"x"}', 'malformed/bad_json');
  J('user_id twice, once escaped (\\u0075ser_id)', ['DuplicateKey'],
    claims(good).replace('{', '{"\\u0075ser_id":"admin",'), 'malformed/bad_json');
  J('an array', ['WrongShape'], '[1,"demo"]', 'payload_invalid/null');
  J('a string', ['WrongShape'], '"claims"', 'payload_invalid/null');
  J('a number', ['WrongShape'], '42', 'payload_invalid/null');
  J('null', ['WrongShape'], 'null', 'payload_invalid/null');
  J('an empty object', ['WrongShape'], '{}', 'payload_invalid/null');
  for (const k of Object.keys(good)) {
    const o = { ...good };
    delete o[k];
    J(`${k} missing`, ['WrongShape'], claims(o), 'payload_invalid/null');
  }
  J('an extra member "room_id"', ['ExtraMember'], claims({ ...good, room_id: 'r' }), 'payload_invalid/null', { result: 'acceptable' });
  J('app_id as a string', ['WrongShape'], claims({ ...good, app_id: '1' }), 'payload_invalid/null');
  J('app_id 1.0', ['WrongShape'], claims(good).replace('"app_id":1', '"app_id":1.0'), 'payload_invalid/null');
  J('app_id -1', ['WrongShape'], claims({ ...good, app_id: -1 }), 'payload_invalid/null');
  J('app_id 4294967296', ['WrongShape'], claims({ ...good, app_id: 4294967296 }), 'payload_invalid/null');
  J('user_id a number', ['WrongShape'], claims({ ...good, user_id: 7 }), 'payload_invalid/null');
  J('user_id null', ['WrongShape'], claims({ ...good, user_id: null }), 'payload_invalid/null');
  J('nonce 1.5', ['WrongShape'], claims({ ...good, nonce: 1.5 }), 'payload_invalid/null');
  J('nonce 9223372036854775808 (over int64)', ['WrongShape'], claims({ ...good, nonce: I64_MAX + 1n }), 'payload_invalid/null');
  J('ctime as a string', ['WrongShape'], claims({ ...good, ctime: String(CTIME) }), 'payload_invalid/null');
  J('expire 1.7000036e9 (exponent)', ['WrongShape'], claims(good).replace('"expire":1700003600', '"expire":1.7000036e9'), 'payload_invalid/null');
  J('payload an object (not a string)', ['WrongShape'], claims({ ...good, payload: { room_id: 'r' } }), 'payload_invalid/null');
  J('payload null', ['WrongShape'], claims({ ...good, payload: null }), 'payload_invalid/null');
  J('payload true', ['WrongShape'], claims({ ...good, payload: true }), 'payload_invalid/null');
  // Header vs JSON expire.
  J('header expire = JSON expire + 1', ['ExpireMismatch'], claims(good), 'expire_mismatch/null', { expire: EXP + 1 });
  J('header expire = JSON expire - 1', ['ExpireMismatch'], claims(good), 'expire_mismatch/null', { expire: EXP - 1 });
  J('header expire 0', ['ExpireMismatch'], claims(good), 'expire_mismatch/null', { expire: 0 });
  J('cbc: header expire = JSON expire + 2^32', ['ExpireMismatch'], claims(good), 'expire_mismatch/null',
    { mode: 'cbc', expire: BigInt(EXP) + 2n ** 32n });
  J('negative expire in both header and JSON', ['EdgeValue'], claims({ ...good, expire: -1 }), 'ok', { expire: -1 });
  // token03 under 04.
  const t03 = tok03(base03());
  add('a token03 body under "04": same CBC envelope, token03 claims', ['VersionConfusion'], SRC_03,
    '04' + t03.slice(2), { expect: 'payload_invalid/null' });
  add('a token03 token as it is', ['VersionConfusion'], SRC_03, t03, { expect: 'unsupported_version/bad_prefix' });
  // Appended last so earlier tcIds stay stable.
  J('nonce 1e400 (beyond binary64)', ['NumberRange'], claims(good).replace('"nonce":123456789', '"nonce":1e400'), 'malformed/bad_json', { result: 'acceptable' });
  J('expire 1.7976931348623159e308 (rounds to infinity)', ['NumberRange'], claims(good).replace('"expire":1700003600', '"expire":1.7976931348623159e308'), 'malformed/bad_json', { result: 'acceptable' });
  J('nonce 1.7976931348623157e308 (the largest double: finite, not an integer)', ['WrongShape'], claims(good).replace('"nonce":123456789', '"nonce":1.7976931348623157e308'), 'payload_invalid/null');
  return f;
}

function zego04Verify() {
  const f = new VectorFile('zego-04', 'verify', [
    'ZEGO token04 verify (docs/formats/zego.md "Check order").',
    `Generated by ${GENERATOR}; outcomes come from its own verifier. Check order: secret shape → token present → version → base64 → envelope → decrypt → strict JSON → claims → header expire == JSON expire → payload format → app_id → user_id → expiry (valid while now < expire) → room → privileges → stream.`,
    'Bindings: app_id, user_id, room_id, privileges [1 login | 2 publish], stream_id; unbound fields are not checked.',
    'vendor_codes restate the ZEGO table (token-formats.md ZEGO §4, seed 000_8bca4052b8130c0a.txt) per condition, in table order.',
  ], NOTES);
  const V = (comment, flags, source, inp, { result, expect } = {}) => {
    const full = { secret: SECRET, ...inp };
    const r = verifyToken('04', full);
    if (expect) check(r.condition === expect, `${comment}: meant ${expect}, verifier says ${r.condition}`);
    f.add(comment, flags, result ?? (r.condition === 'valid' ? 'valid' : 'invalid'), source, full, r);
  };
  const bind = { app_id: 1, user_id: 'demo' };
  const gcm = tok(gcm04());
  V('Z1 at expire - 1 with app and user bound', ['ReleasedVector', 'ExpiryBoundary'], SRC_Z1,
    { token: Z1, now: EXP - 1, ...bind }, { expect: 'valid' });
  V('Z1 at expire', ['ReleasedVector', 'ExpiryBoundary'], SRC_Z1, { token: Z1, now: EXP, ...bind }, { expect: 'expired' });
  V('Z1 at expire + 1', ['ReleasedVector', 'ExpiryBoundary'], SRC_Z1, { token: Z1, now: EXP + 1, ...bind }, { expect: 'expired' });
  V('Z1 at ctime', ['ReleasedVector'], SRC_Z1, { token: Z1, now: CTIME, ...bind }, { expect: 'valid' });
  V('Z1 before ctime (no not-before)', ['NoNotBefore'], SRC_VERIFY, { token: Z1, now: CTIME - 86400, ...bind }, { expect: 'valid' });
  V('Z1 with no binding', ['ReleasedVector'], SRC_Z1, { token: Z1, now: CTIME }, { expect: 'valid' });
  V('gcm at expire - 1', ['GcmBuild', 'ExpiryBoundary'], SRC_GCM, { token: gcm, now: EXP - 1, ...bind }, { expect: 'valid' });
  V('gcm at expire', ['GcmBuild', 'ExpiryBoundary'], SRC_GCM, { token: gcm, now: EXP, ...bind }, { expect: 'expired' });
  V('gcm at expire + 1', ['GcmBuild', 'ExpiryBoundary'], SRC_GCM, { token: gcm, now: EXP + 1, ...bind }, { expect: 'expired' });
  const oneSecond = tok(gcm04({ effective_time_in_seconds: 1 }));
  V('effective time 1: valid at ctime', ['EdgeValue', 'ExpiryBoundary'], SRC_GCM, { token: oneSecond, now: CTIME }, { expect: 'valid' });
  V('effective time 1: expired at ctime + 1', ['EdgeValue', 'ExpiryBoundary'], SRC_GCM, { token: oneSecond, now: CTIME + 1 }, { expect: 'expired' });
  // Presence, secret, version, format.
  V('no token', ['TokenMissing'], 'token-formats.md ZEGO §4 (1002067 RoomNoToken)', { token: '', now: CTIME }, { expect: 'token_missing' });
  const noToken = { now: CTIME };
  V('token field absent', ['TokenMissing'], 'token-formats.md ZEGO §4 (1002067 RoomNoToken)', noToken, { expect: 'token_missing' });
  V('secret of 31 bytes', ['InvalidSecret'], SRC_VERIFY, { token: Z1, secret: SECRET.slice(1), now: CTIME }, { expect: 'invalid_secret' });
  V('a token03 token', ['VersionConfusion'], SRC_03, { token: tok03(base03()), now: CTIME }, { expect: 'unsupported_version' });
  V('a "05" prefix', ['VersionConfusion'], SRC_VERIFY, { token: '05' + Z1.slice(2), now: CTIME }, { expect: 'unsupported_version' });
  V('not base64', ['BadBase64'], SRC_B64, { token: '04!!!!', now: CTIME }, { expect: 'malformed' });
  V('padding bits set', ['NonCanonicalBase64'], SRC_B64, { token: Z1.slice(0, -2) + 'h=', now: CTIME },
    { expect: 'malformed', result: 'acceptable' });
  V('padding bits set, base64 lenient', ['LenientBase64'], SRC_B64, { token: Z1.slice(0, -2) + 'h=', now: CTIME, base64: 'lenient' },
    { expect: 'valid', result: 'acceptable' });
  V('cut inside the ciphertext', ['Truncated'], SRC_LAYOUT, { token: tokenOf('04', bodyOf(gcm).subarray(0, 60)), now: CTIME }, { expect: 'malformed' });
  V('gcm without its mode byte', ['ModeByte'], SRC_LAYOUT, { token: tokenOf('04', bodyOf(gcm).subarray(0, -1)), now: CTIME }, { expect: 'malformed' });
  V('cbc + mode byte 0', ['ModeByteZero'], SRC_LAYOUT, { token: tokenOf('04', Buffer.concat([bodyOf(Z1), Buffer.from([0])])), now: CTIME },
    { expect: 'malformed', result: 'acceptable' });
  V('wrong secret (cbc)', ['WrongSecret'], SRC_GEN, { token: Z1, secret: SECRET2, now: CTIME }, { expect: 'decrypt_failed' });
  V('wrong secret (gcm)', ['WrongSecret'], SRC_GCM, { token: gcm, secret: SECRET2, now: CTIME }, { expect: 'decrypt_failed' });
  const gb = bodyOf(gcm);
  const flipped = Buffer.from(gb);
  flipped[gb.length - 2] ^= 1;
  V('gcm tag bit flipped', ['ModifiedCiphertext'], SRC_GCM, { token: tokenOf('04', flipped), now: CTIME }, { expect: 'decrypt_failed' });
  V('claims JSON with a duplicate member', ['DuplicateKey'], SRC_JSON,
    { token: sealText('04', 'gcm', '{"app_id":1,"app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1700003600,"payload":""}'), now: CTIME },
    { expect: 'malformed' });
  V('claims missing payload', ['WrongShape'], SRC_JSON,
    { token: sealText('04', 'gcm', '{"app_id":1,"user_id":"demo","nonce":1,"ctime":1,"expire":1700003600}'), now: CTIME },
    { expect: 'payload_invalid' });
  V('header and JSON expire differ', ['ExpireMismatch'], SRC_JSON,
    { token: sealText('04', 'gcm', claims04Text({ app_id: 1, user_id: 'demo', nonce: 1, ctime: CTIME, expire: EXP, payload: '' }), { expire: EXP + 3600 }), now: CTIME },
    { expect: 'expire_mismatch' });
  // Bindings.
  V('app id 2 bound', ['BindingMismatch'], SRC_VERIFY, { token: Z1, now: CTIME, app_id: 2 }, { expect: 'app_id_mismatch' });
  V('app id 4294967295 bound', ['BindingMismatch'], SRC_VERIFY, { token: Z1, now: CTIME, app_id: 4294967295 }, { expect: 'app_id_mismatch' });
  V('app id 0 bound', ['InvalidAppId'], SRC_VERIFY, { token: Z1, now: CTIME, app_id: 0 }, { expect: 'invalid_app_id' });
  V('app id -1 bound', ['InvalidAppId'], SRC_VERIFY, { token: Z1, now: CTIME, app_id: -1 }, { expect: 'invalid_app_id' });
  V('app id 4294967296 bound', ['InvalidAppId'], SRC_VERIFY, { token: Z1, now: CTIME, app_id: 4294967296 }, { expect: 'invalid_app_id' });
  V('user id "Demo" bound (case matters)', ['BindingMismatch'], SRC_VERIFY, { token: Z1, now: CTIME, user_id: 'Demo' }, { expect: 'user_id_mismatch' });
  V('user id "" bound', ['BindingMismatch'], SRC_VERIFY, { token: Z1, now: CTIME, user_id: '' }, { expect: 'user_id_mismatch' });
  V('user id "demo " bound', ['BindingMismatch'], SRC_VERIFY, { token: Z1, now: CTIME, user_id: 'demo ' }, { expect: 'user_id_mismatch' });
  const esc = tok(gcm04({ user_id: 'a"b\\c😀' }));
  V('escaped user id binds by its unescaped value', ['JsonEscaping'], SRC_GCM, { token: esc, now: CTIME, user_id: 'a"b\\c😀' }, { expect: 'valid' });
  // CBC malleability.
  const z1b = bodyOf(Z1);
  const forged = Buffer.from(z1b);
  forged[20] ^= 0x31 ^ 0x39;
  V('IV-edited Z1 claims app 9: accepted for app 9', ['CbcMalleability'], SRC_GEN, { token: tokenOf('04', forged), now: CTIME, app_id: 9, user_id: 'demo' }, { expect: 'valid' });
  V('IV-edited Z1 presented for app 1', ['CbcMalleability', 'BindingMismatch'], SRC_GEN, { token: tokenOf('04', forged), now: CTIME, app_id: 1 }, { expect: 'app_id_mismatch' });
  // Check order.
  V('app mismatch and expired: app first', ['CheckOrder'], SRC_VERIFY, { token: Z1, now: EXP, app_id: 2, user_id: 'x' }, { expect: 'app_id_mismatch' });
  V('user mismatch and expired: user first', ['CheckOrder'], SRC_VERIFY, { token: Z1, now: EXP, user_id: 'x' }, { expect: 'user_id_mismatch' });
  // Privilege payloads.
  const room = tok(gcm04({ payload: ROOM_PAYLOAD }));
  const loginOnly = tok(cbc04({ payload: LOGIN_ONLY }));
  const P = ['PrivilegePayload'];
  V('room1, login+publish, stream s1: all granted', P, SRC_GCM, { token: room, now: CTIME, ...bind, room_id: 'room1', privileges: [1, 2], stream_id: 's1' }, { expect: 'valid' });
  V('stream s2 (second in the list)', P, SRC_GCM, { token: room, now: CTIME, stream_id: 's2' }, { expect: 'valid' });
  V('stream s3 not in the list', P, SRC_GCM, { token: room, now: CTIME, privileges: [2], stream_id: 's3' }, { expect: 'stream_not_allowed' });
  V('room2 bound', P, SRC_GCM, { token: room, now: CTIME, room_id: 'room2' }, { expect: 'room_mismatch' });
  V('room "Room1" bound (case matters)', P, SRC_GCM, { token: room, now: CTIME, room_id: 'Room1' }, { expect: 'room_mismatch' });
  V('login-only token, login required', P, SRC_GEN, { token: loginOnly, now: CTIME, room_id: 'room1', privileges: [1] }, { expect: 'valid' });
  V('login-only token, publish required', P, SRC_GEN, { token: loginOnly, now: CTIME, room_id: 'room1', privileges: [1, 2] }, { expect: 'privilege_missing' });
  V('login-only token, publish required first', P, SRC_GEN, { token: loginOnly, now: CTIME, privileges: [2, 1] }, { expect: 'privilege_missing' });
  V('stream_id_list null: any stream', P, SRC_GEN, { token: loginOnly, now: CTIME, stream_id: 'anything' }, { expect: 'valid' });
  const denied = tok(gcm04({ payload: '{"room_id":"room1","privilege":{"1":0,"2":0},"stream_id_list":null}' }));
  V('login denied (0)', P, SRC_GCM, { token: denied, now: CTIME, privileges: [1] }, { expect: 'privilege_missing' });
  V('login denied, but none required', P, SRC_GCM, { token: denied, now: CTIME, room_id: 'room1' }, { expect: 'valid' });
  const emptyList = tok(gcm04({ payload: '{"room_id":"r","privilege":{"1":1,"2":1},"stream_id_list":[]}' }));
  V('stream_id_list []: no stream allowed', P, SRC_GCM, { token: emptyList, now: CTIME, stream_id: 's1' }, { expect: 'stream_not_allowed' });
  const noRoom = tok(gcm04({ payload: '{"privilege":{"1":1,"2":1}}' }));
  V('payload without room_id: any room', P, SRC_GCM, { token: noRoom, now: CTIME, room_id: 'any', privileges: [1, 2] }, { expect: 'valid' });
  const noPriv = tok(gcm04({ payload: '{"room_id":"r"}' }));
  V('payload without privilege: login required → missing', P, SRC_GCM, { token: noPriv, now: CTIME, privileges: [1] }, { expect: 'privilege_missing' });
  const extra = tok(gcm04({ payload: '{"room_id":"r","privilege":{"1":1,"2":1,"3":0},"note":{"a":[1,null]}}' }));
  V('unknown payload members and privilege keys are skipped', P, SRC_GCM, { token: extra, now: CTIME, room_id: 'r', privileges: [1, 2] }, { expect: 'valid' });
  V('C++ sample payload, stream "sample2"', P, `${SRC_GCM}; token-formats.md ZEGO §2`,
    { token: tok(gcm04({ payload: CPP_SAMPLE, secret: SECRET2 })), secret: SECRET2, now: CTIME, room_id: 'demo', privileges: [1, 2], stream_id: 'sample2' },
    { expect: 'valid' });
  V('expired privilege token with the wrong room: expired first', ['CheckOrder'], SRC_VERIFY,
    { token: room, now: EXP, room_id: 'room2' }, { expect: 'expired' });
  V('room mismatch and privilege missing: room first', ['CheckOrder'], SRC_VERIFY,
    { token: loginOnly, now: CTIME, room_id: 'x', privileges: [2] }, { expect: 'room_mismatch' });
  V('privilege missing and stream not listed: privilege first', ['CheckOrder'], SRC_VERIFY,
    { token: tok(gcm04({ payload: '{"privilege":{"1":1,"2":0},"stream_id_list":["s1"]}' })), now: CTIME, privileges: [2], stream_id: 'x' },
    { expect: 'privilege_missing' });
  // Basic tokens.
  V('basic token, room bound: no room restriction', ['BasicToken'], SRC_VERIFY, { token: Z1, now: CTIME, room_id: 'any' }, { expect: 'valid' });
  V('basic token, login required', ['BasicToken'], SRC_VERIFY, { token: Z1, now: CTIME, privileges: [1] }, { expect: 'privilege_missing' });
  V('basic token, stream bound: no stream restriction', ['BasicToken'], SRC_VERIFY, { token: gcm, now: CTIME, stream_id: 's' }, { expect: 'valid' });
  // Payload format.
  const badPayloads = [
    ['free text', 'not json'],
    ['truncated JSON', '{"room_id":"r"'],
    ['an array', '["room1"]'],
    ['a JSON string', '"room1"'],
    ['room_id a number', '{"room_id":1}'],
    ['privilege an array', '{"privilege":[1,1]}'],
    ['privilege value 2', '{"privilege":{"1":2}}'],
    ['privilege value "1"', '{"privilege":{"1":"1"}}'],
    ['privilege value true', '{"privilege":{"1":true}}'],
    ['stream_id_list a string', '{"stream_id_list":"s1"}'],
    ['stream_id_list with a number', '{"stream_id_list":[1]}'],
    ['duplicate room_id', '{"room_id":"a","room_id":"b"}'],
  ];
  for (const [what, payload] of badPayloads) {
    V(`payload ${what}: payload_invalid with no binding`, ['PayloadFormat'], 'token-formats.md ZEGO §4 (1002075 "payload is in non-JSON format"); docs/formats/zego.md',
      { token: tok(gcm04({ payload })), now: CTIME }, { expect: 'payload_invalid' });
  }
  V('payload format is judged before the app id', ['PayloadFormat', 'CheckOrder'], SRC_VERIFY,
    { token: tok(gcm04({ payload: 'x' })), now: CTIME, app_id: 2 }, { expect: 'payload_invalid' });
  return f;
}

// ---------------------------------------------------------------- token03 cases

const base03 = (extra = {}) => ({ app_id: 1, room_id: 'demo', user_id: 'demo', secret: SECRET,
  privilege: { 1: 1, 2: 0 }, create_time: CTIME, effective_time_in_seconds: EFF,
  nonce: 1700000000123, iv: IV16, ...extra });
function tok03(inp) {
  const r = build03(inp);
  check(r.token, `build03 failed: ${JSON.stringify(r)}`);
  return r.token;
}
const SRC_03GEN = `${GENERATOR} (${SRC_03})`;

function zego03Build() {
  const f = new VectorFile('zego-03', 'build', [
    'ZEGO token03 build, the deprecated CBC-only format (token-formats.md ZEGO §1.6; docs/formats/zego.md).',
    `Generated by ${GENERATOR}, an independent Node implementation using node:crypto (no released token03 vector exists).`,
    'Claims: JSON.stringify of {app_id,room_id,user_id,privilege:{"1","2"},create_time,expire_time,nonce} (Node/Go order); create_time, nonce and iv are injected.',
    'Errors: ZEGO\'s ErrorCode in the Node token03 order: app id 1, room id 2, user id 3, secret 5, privilege 4, effective time 6.',
  ], NOTES);
  const ok = (comment, flags, inp) => {
    const r = build03(inp);
    check(r.token, comment);
    const back = parseToken('03', r.token, { secret: inp.secret });
    check(back.ok && back.fields.room_id === inp.room_id, `round trip: ${comment}`);
    f.add(comment, flags, 'valid', SRC_03GEN, inp, { token: r.token });
  };
  const err = (comment, flags, inp, code) => {
    const r = build03(inp);
    check(r.error === code, `${comment}: expected ${code}, got ${JSON.stringify(r.error ?? r.token)}`);
    f.add(comment, flags, 'invalid', SRC_03GEN, inp, { error: { code } });
  };
  ok('app 1, room "demo", user "demo", login only, nonce in ms (Node Date.now())', ['CbcBuild'], base03());
  ok('login and publish', ['CbcBuild'], base03({ privilege: { 1: 1, 2: 1 } }));
  ok('no privileges', ['CbcBuild'], base03({ privilege: { 1: 0, 2: 0 } }));
  ok('privilege given as booleans (Node canLoginRoom/canPublishStream)', ['CbcBuild', 'EdgeValue'],
    base03({ privilege: { 1: true, 2: false } }));
  ok('C++ sample secret, room and user "demo"', ['CbcBuild'], base03({ secret: SECRET2 }));
  ok('room and user ids with escapes and non-ASCII', ['CbcBuild', 'JsonEscaping'],
    base03({ room_id: 'r"o\\o/m\u0001\u2028', user_id: 'ユーザー😀\t' }));
  ok('user id of 200 characters (token03 sets no limit)', ['CbcBuild', 'EdgeValue'], base03({ user_id: 'u'.repeat(200) }));
  ok('Go-style int64 nonce -9223372036854775808', ['CbcBuild', 'EdgeValue'], base03({ nonce: I64_MIN }));
  ok('nonce 9223372036854775807', ['CbcBuild', 'EdgeValue'], base03({ nonce: I64_MAX }));
  ok('app id 4294967295, create time 0, effective time 1', ['CbcBuild', 'EdgeValue'],
    base03({ app_id: 4294967295, create_time: 0, effective_time_in_seconds: 1 }));
  ok('raw-byte IV (iv_hex)', ['CbcBuild', 'EdgeValue'], (() => { const b = base03({ iv_hex: 'ffeeddccbbaa99887766554433221100' }); delete b.iv; return b; })());
  for (const extra of [0, 1, 2, 3]) {
    ok(`room id padded to change the plaintext length (+${extra})`, ['CbcBuild', 'EdgeValue'], base03({ room_id: 'demo' + 'x'.repeat(extra) }));
  }
  const E = ['GeneratorError'];
  err('app id 0', E, base03({ app_id: 0 }), 1);
  err('app id "1"', E, base03({ app_id: '1' }), 1);
  err('app id 4294967296', E, base03({ app_id: 4294967296 }), 1);
  err('room id ""', E, base03({ room_id: '' }), 2);
  err('room id 5 (a number)', E, base03({ room_id: 5 }), 2);
  const noRoom = base03();
  delete noRoom.room_id;
  err('room id missing', E, noRoom, 2);
  err('user id ""', E, base03({ user_id: '' }), 3);
  err('secret of 16 bytes', E, base03({ secret: SECRET.slice(0, 16) }), 5);
  err('privilege missing key 2', E, base03({ privilege: { 1: 1 } }), 4);
  err('privilege with an extra key 3', E, base03({ privilege: { 1: 1, 2: 1, 3: 1 } }), 4);
  err('privilege value 2', E, base03({ privilege: { 1: 2, 2: 0 } }), 4);
  err('privilege value "1"', E, base03({ privilege: { 1: '1', 2: 0 } }), 4);
  err('privilege an array', E, base03({ privilege: [1, 1] }), 4);
  const noPriv = base03();
  delete noPriv.privilege;
  err('privilege missing', E, noPriv, 4);
  err('effective time 0', E, base03({ effective_time_in_seconds: 0 }), 6);
  err('effective time -1', E, base03({ effective_time_in_seconds: -1 }), 6);
  err('room id "" and user id "": room first', [...E, 'CheckOrder'], base03({ room_id: '', user_id: '' }), 2);
  err('bad secret and bad privilege: secret first (Node order)', [...E, 'CheckOrder'], base03({ secret: 'x', privilege: {} }), 5);
  err('bad privilege and effective time 0: privilege first', [...E, 'CheckOrder'], base03({ privilege: {}, effective_time_in_seconds: 0 }), 4);
  err('12-byte iv (token03 is CBC only)', ['BuildRefusal'], base03({ iv: IV12 }), 'iv_invalid');
  err('create time + effective time overflows int64', ['BuildRefusal'], base03({ create_time: I64_MAX, effective_time_in_seconds: 1 }), 'expire_out_of_range');
  return f;
}

function zego03Parse() {
  const f = new VectorFile('zego-03', 'parse', [
    'ZEGO token03 parse with the 32-byte server secret (token-formats.md ZEGO §1.6; docs/formats/zego.md).',
    `Generated by ${GENERATOR}; expected outcomes come from its own decoder. token03 is CBC only: any byte after the ciphertext is trailing.`,
    'fields: version, iv_hex, app_id, room_id, user_id, privilege (the keys present), create_time, expire_time, nonce.',
  ], NOTES);
  const add = (comment, flags, source, token, { secret = SECRET, base64, result, expect } = {}) => {
    const inp = { token, secret };
    if (base64) inp.base64 = base64;
    const r = parseToken('03', token, inp);
    if (expect) {
      const got = r.ok ? 'ok' : `${r.condition}/${r.malformation}`;
      check(got === expect, `${comment}: meant ${expect}, decoder says ${got}`);
    }
    // A malformation is named only under "malformed" (docs/VECTORS.md), as verify does.
    const expected = r.ok ? { ok: true, fields: r.fields }
      : { ok: false, condition: r.condition, malformation: r.condition === 'malformed' ? r.malformation : null };
    f.add(comment, flags, result ?? (r.ok ? 'valid' : 'invalid'), source, inp, expected);
  };
  const t = tok03(base03());
  const b = bodyOf(t);
  add('login-only token', ['CbcBuild'], SRC_03GEN, t, { expect: 'ok' });
  add('login and publish, escaped ids', ['CbcBuild', 'JsonEscaping'], SRC_03GEN,
    tok03(base03({ privilege: { 1: 1, 2: 1 }, room_id: 'r"1', user_id: 'ü\\' })), { expect: 'ok' });
  add('int64 nonce extremes', ['CbcBuild', 'EdgeValue'], SRC_03GEN, tok03(base03({ nonce: I64_MIN })), { expect: 'ok' });
  add('empty token', ['BadBase64'], SRC_LAYOUT, '', { expect: 'malformed/empty' });
  add('token04 Z1 as it is', ['VersionConfusion'], SRC_LAYOUT, Z1, { expect: 'unsupported_version/bad_prefix' });
  add('Z1\'s body under "03": token04 claims', ['VersionConfusion'], SRC_LAYOUT, '03' + Z1.slice(2), { expect: 'payload_invalid/null' });
  const gcm = tok(gcm04());
  add('a GCM token04 body under "03": token03 has no mode byte', ['VersionConfusion'], SRC_LAYOUT,
    '03' + gcm.slice(2), { expect: 'malformed/trailing_bytes' });
  add('"03" body + byte 0', ['ModeByte'], SRC_LAYOUT, tokenOf('03', Buffer.concat([b, Buffer.from([0])])), { expect: 'malformed/trailing_bytes' });
  add('"03" body + byte 1', ['ModeByte'], SRC_LAYOUT, tokenOf('03', Buffer.concat([b, Buffer.from([1])])), { expect: 'malformed/trailing_bytes' });
  add('not base64', ['BadBase64'], SRC_B64, '03***', { expect: 'malformed/bad_base64' });
  const spaced = t.slice(0, 30) + ' ' + t.slice(30);
  add('a space inside', ['NonCanonicalBase64'], SRC_B64, spaced,
    { result: 'acceptable', expect: 'malformed/non_canonical_base64' });
  add('a space inside, base64 lenient', ['LenientBase64'], SRC_B64, spaced,
    { base64: 'lenient', result: 'acceptable', expect: 'ok' });
  add('URL alphabet', ['NonCanonicalBase64'], SRC_B64, t.replaceAll('+', '-').replaceAll('/', '_'), { result: 'acceptable' });
  for (const [cut, what] of [[0, 'empty body'], [5, 'inside expire'], [9, 'inside ivLen'], [17, 'inside the IV'],
    [27, 'inside ctLen'], [28, 'after ctLen'], [60, 'inside the ciphertext'], [b.length - 1, 'last byte missing']]) {
    add(`cut at ${cut} of ${b.length} (${what})`, ['Truncated'], SRC_LAYOUT, tokenOf('03', b.subarray(0, cut)));
  }
  add('12-byte IV in a CBC envelope', ['ImpossibleLength'], SRC_LAYOUT,
    tokenOf('03', envelope({ expire: EXP, iv: Buffer.from(IV12), ct: b.subarray(28), mode: 'cbc' })), { expect: 'malformed/bad_field' });
  add('ciphertext not whole blocks', ['ImpossibleLength'], SRC_LAYOUT,
    tokenOf('03', envelope({ expire: EXP, iv: Buffer.from(IV16), ct: b.subarray(28, b.length - 1), mode: 'cbc' })), { expect: 'malformed/bad_field' });
  add('wrong secret', ['WrongSecret'], SRC_03GEN, t, { secret: SECRET2 });
  add('secret of 33 bytes', ['InvalidSecret'], SRC_03GEN, t, { secret: SECRET + 'x', expect: 'invalid_secret/null' });
  const flip = (at, mask = 1) => { const c = Buffer.from(b); c[at] ^= mask; return tokenOf('03', c); };
  add('bit in the last ciphertext block flipped', ['ModifiedCiphertext'], SRC_03GEN, flip(b.length - 1));
  add('bit in the first ciphertext block flipped', ['ModifiedCiphertext'], SRC_03GEN, flip(28));
  add('IV edited: "app_id":1 becomes 9 (CBC malleability)', ['CbcMalleability'], SRC_03GEN, flip(20, 0x31 ^ 0x39), { expect: 'ok' });
  const good = { app_id: 1, room_id: 'r', user_id: 'u', privilege: { 1: 1, 2: 1 }, create_time: CTIME, expire_time: EXP, nonce: 5 };
  const J = (comment, flags, text, expect, { result, expire } = {}) =>
    add(comment, flags, `${SRC_03}; docs/formats/zego.md`, sealText('03', 'cbc', text, { expire }), { expect, result });
  J('hand-built claims', ['CbcBuild'], stringify(good), 'ok');
  J('privilege {} (no keys: nothing granted)', ['EdgeValue'], stringify({ ...good, privilege: {} }), 'ok');
  J('privilege with an extra key "3"', ['EdgeValue'], stringify({ ...good, privilege: { 1: 1, 2: 0, 3: 1 } }), 'ok');
  J('not JSON', ['NotStrictJson'], 'token03', 'malformed/bad_json');
  J('duplicate room_id', ['DuplicateKey'], stringify(good).replace('{', '{"room_id":"x",'), 'malformed/bad_json');
  J('duplicate key inside privilege', ['DuplicateKey'], stringify(good).replace('{"1":1,', '{"1":1,"1":0,'), 'malformed/bad_json');
  J('an array', ['WrongShape'], '[]', 'payload_invalid/null');
  for (const k of Object.keys(good)) {
    const o = { ...good };
    delete o[k];
    J(`${k} missing`, ['WrongShape'], stringify(o), 'payload_invalid/null');
  }
  J('an extra member "payload"', ['ExtraMember'], stringify({ ...good, payload: '' }), 'payload_invalid/null', { result: 'acceptable' });
  J('privilege value 2', ['WrongShape'], stringify({ ...good, privilege: { 1: 2, 2: 0 } }), 'payload_invalid/null');
  J('privilege value true', ['WrongShape'], stringify({ ...good, privilege: { 1: true, 2: 0 } }), 'payload_invalid/null');
  J('privilege an array', ['WrongShape'], stringify({ ...good, privilege: [1, 1] }), 'payload_invalid/null');
  J('room_id a number', ['WrongShape'], stringify({ ...good, room_id: 1 }), 'payload_invalid/null');
  J('nonce 1e3', ['WrongShape'], stringify(good).replace('"nonce":5', '"nonce":1e3'), 'payload_invalid/null');
  J('header expire = expire_time + 1', ['ExpireMismatch'], stringify(good), 'expire_mismatch/null', { expire: EXP + 1 });
  J('JSON uses token04\'s "expire" name', ['WrongShape'], stringify(good).replace('expire_time', 'expire'), 'payload_invalid/null');
  // Appended last so earlier tcIds stay stable.
  J('nonce -1e400 (beyond binary64)', ['NumberRange'], stringify(good).replace('"nonce":5', '"nonce":-1e400'), 'malformed/bad_json', { result: 'acceptable' });
  return f;
}

function zego03Verify() {
  const f = new VectorFile('zego-03', 'verify', [
    'ZEGO token03 verify (docs/formats/zego.md "Check order").',
    `Generated by ${GENERATOR}; outcomes come from its own verifier. Check order: secret shape → token present → version → base64 → envelope → decrypt → strict JSON → claims → header expire == expire_time → app_id → user_id → expiry (valid while now < expire_time) → room → privileges.`,
    'Bindings: app_id, user_id, room_id, privileges [1 login | 2 publish].',
    'vendor_codes restate the ZEGO table (token-formats.md ZEGO §4, seed 000_8bca4052b8130c0a.txt) per condition, in table order.',
  ], NOTES);
  const V = (comment, flags, source, inp, { result, expect } = {}) => {
    const full = { secret: SECRET, ...inp };
    const r = verifyToken('03', full);
    if (expect) check(r.condition === expect, `${comment}: meant ${expect}, verifier says ${r.condition}`);
    f.add(comment, flags, result ?? (r.condition === 'valid' ? 'valid' : 'invalid'), source, full, r);
  };
  const t = tok03(base03());
  const both = tok03(base03({ privilege: { 1: 1, 2: 1 } }));
  const none = tok03(base03({ privilege: { 1: 0, 2: 0 } }));
  const all = { app_id: 1, user_id: 'demo', room_id: 'demo' };
  const S = SRC_03GEN;
  V('all bound, login required, at expire - 1', ['Token03Privilege', 'ExpiryBoundary'], S, { token: t, now: EXP - 1, ...all, privileges: [1] }, { expect: 'valid' });
  V('at expire', ['ExpiryBoundary'], S, { token: t, now: EXP, ...all }, { expect: 'expired' });
  V('at expire + 1', ['ExpiryBoundary'], S, { token: t, now: EXP + 1, ...all }, { expect: 'expired' });
  V('before create_time', ['NoNotBefore'], S, { token: t, now: 0, ...all }, { expect: 'valid' });
  V('no binding', ['CbcBuild'], S, { token: t, now: CTIME }, { expect: 'valid' });
  V('publish required, login-only token', ['Token03Privilege'], S, { token: t, now: CTIME, privileges: [2] }, { expect: 'privilege_missing' });
  V('login+publish token, both required', ['Token03Privilege'], S, { token: both, now: CTIME, ...all, privileges: [1, 2] }, { expect: 'valid' });
  V('no-privilege token, login required', ['Token03Privilege'], S, { token: none, now: CTIME, privileges: [1] }, { expect: 'privilege_missing' });
  V('no-privilege token, nothing required', ['Token03Privilege'], S, { token: none, now: CTIME, ...all }, { expect: 'valid' });
  const noKeys = sealText('03', 'cbc', stringify({ app_id: 1, room_id: 'demo', user_id: 'demo', privilege: {}, create_time: CTIME, expire_time: EXP, nonce: 1 }));
  V('privilege {}: login required', ['Token03Privilege', 'EdgeValue'], S, { token: noKeys, now: CTIME, privileges: [1] }, { expect: 'privilege_missing' });
  V('room "other" bound', ['Token03Privilege', 'BindingMismatch'], S, { token: t, now: CTIME, room_id: 'other' }, { expect: 'room_mismatch' });
  V('room "" bound', ['BindingMismatch'], S, { token: t, now: CTIME, room_id: '' }, { expect: 'room_mismatch' });
  V('app 2 bound', ['BindingMismatch'], S, { token: t, now: CTIME, app_id: 2 }, { expect: 'app_id_mismatch' });
  V('app 0 bound', ['InvalidAppId'], S, { token: t, now: CTIME, app_id: 0 }, { expect: 'invalid_app_id' });
  V('user "Demo" bound', ['BindingMismatch'], S, { token: t, now: CTIME, user_id: 'Demo' }, { expect: 'user_id_mismatch' });
  V('app mismatch and expired: app first', ['CheckOrder'], S, { token: t, now: EXP, app_id: 2 }, { expect: 'app_id_mismatch' });
  V('expired and room mismatch: expired first', ['CheckOrder'], S, { token: t, now: EXP, room_id: 'x' }, { expect: 'expired' });
  V('room mismatch and privilege missing: room first', ['CheckOrder'], S, { token: t, now: CTIME, room_id: 'x', privileges: [2] }, { expect: 'room_mismatch' });
  V('user mismatch and room mismatch: user first', ['CheckOrder'], S, { token: t, now: CTIME, user_id: 'x', room_id: 'x' }, { expect: 'user_id_mismatch' });
  V('no token', ['TokenMissing'], S, { token: '', now: CTIME }, { expect: 'token_missing' });
  V('secret of 31 bytes', ['InvalidSecret'], S, { token: t, secret: SECRET.slice(1), now: CTIME }, { expect: 'invalid_secret' });
  V('a token04', ['VersionConfusion'], S, { token: Z1, now: CTIME }, { expect: 'unsupported_version' });
  V('a token04 CBC body under "03"', ['VersionConfusion'], S, { token: '03' + Z1.slice(2), now: CTIME }, { expect: 'payload_invalid' });
  V('a token04 GCM body under "03"', ['VersionConfusion'], S, { token: '03' + tok(gcm04()).slice(2), now: CTIME }, { expect: 'malformed' });
  V('wrong secret', ['WrongSecret'], S, { token: t, secret: SECRET2, now: CTIME });
  V('truncated', ['Truncated'], S, { token: tokenOf('03', bodyOf(t).subarray(0, 20)), now: CTIME }, { expect: 'malformed' });
  V('header expire differs', ['ExpireMismatch'], S,
    { token: sealText('03', 'cbc', claims03Text({ app_id: 1, room_id: 'demo', user_id: 'demo', privilege: { 1: 1, 2: 1 }, create_time: CTIME, expire_time: EXP, nonce: 1 }), { expire: EXP + 60 }), now: CTIME },
    { expect: 'expire_mismatch' });
  const forged = Buffer.from(bodyOf(both));
  forged[20] ^= 0x31 ^ 0x39;
  V('IV-edited token claims app 9: accepted for app 9', ['CbcMalleability'], S, { token: tokenOf('03', forged), now: CTIME, app_id: 9, room_id: 'demo', privileges: [1, 2] }, { expect: 'valid' });
  V('privilege value 2 inside the token', ['WrongShape'], S,
    { token: sealText('03', 'cbc', stringify({ app_id: 1, room_id: 'demo', user_id: 'demo', privilege: { 1: 2, 2: 1 }, create_time: CTIME, expire_time: EXP, nonce: 1 })), now: CTIME },
    { expect: 'payload_invalid' });
  V('a newline inside the base64', ['NonCanonicalBase64'], SRC_B64, { token: t.slice(0, 30) + '\n' + t.slice(30), now: CTIME },
    { expect: 'malformed', result: 'acceptable' });
  V('a newline inside the base64, base64 lenient', ['LenientBase64'], SRC_B64,
    { token: t.slice(0, 30) + '\n' + t.slice(30), now: CTIME, base64: 'lenient', room_id: 'demo' }, { expect: 'valid', result: 'acceptable' });
  return f;
}

// ---------------------------------------------------------------- main

const files = [zego04Build(), zego04Parse(), zego04Verify(), zego03Build(), zego03Parse(), zego03Verify()];

// Every condition and vendor code of the table must be reached by some verify vector.
const reached = new Set();
const codesSeen = new Set();
for (const f of files.filter((x) => x.operation === 'verify')) {
  for (const t of f.tests) {
    reached.add(t.expected.condition);
    for (const c of t.expected.vendor_codes) codesSeen.add(`${c.platform}:${c.code}`);
  }
}
for (const condition of Object.keys(ZEGO_CODES)) check(reached.has(condition), `no verify vector reaches ${condition}`);
const allCodes = new Set(Object.values(ZEGO_CODES).flat().map(([p, c]) => `${p}:${c}`));
for (const c of allCodes) check(codesSeen.has(c), `no verify vector reaches vendor code ${c}`);

for (const f of files) {
  const path = f.write();
  console.log(`${path.slice(VECTORS.length - 'vectors'.length)}: ${f.tests.length} tests`);
}
console.log(`conditions reached: ${reached.size}/${Object.keys(ZEGO_CODES).length}; vendor codes reached: ${codesSeen.size}/${allCodes.size}`);
