// Cross-checks the Agora golden vectors against Agora's own npm packages.
//
//   node vectors/gen/crosscheck_agora_npm.mjs
//
// Installs agora-token@2.0.6 and agora-access-token@2.0.4 into a fresh temp dir with
// `npm install --prefix` (set AGORA_NPM_PREFIX to reuse a dir that already holds them),
// then, with salt and time injected (token-formats.md §6):
//   agora-006/build   valid vectors are rebuilt byte-exact with AccessToken;
//   agora-006/verify  valid tokens (strict base64) are re-parsed with AccessToken.fromString
//                     and rebuilt for the bound channel/uid: the same token means the
//                     signature is right for that binding;
//   agora-006 AppIdNotHex  parse/verify: npm reads (and rebuilds) exactly the acceptable ones;
//   agora-007/build   valid vectors are built with AccessToken2 and must inflate to the same
//                     payload as ours (Node's zlib bytes may differ, §2); refusals must
//                     build "" (or throw);
//   agora-007/parse   tokens we parse must parse with AccessToken2.from_string to the same
//                     fields;
//   agora-007/verify  tokens we find valid must pass verifySignature(certificate), and
//                     bad_signature tokens must not.
// Known npm deviations are handled explicitly and never counted as passes: APaaS role 0 is
// built as -1 (`role || -1`), and its parser drops an RTM2 resource with no permission list
// (token-formats.md §5). The role is read back unsigned there and is converted here.
//
// Prints "N passed, N failed" and exits non-zero on any failure. A vector whose `source`
// claims this cross-check but which was not checked is a failure too.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const VECTORS = path.resolve(HERE, '..');
const CLAIM = 'crosscheck_agora_npm.mjs';

function install() {
  const reuse = process.env.AGORA_NPM_PREFIX;
  if (reuse && fs.existsSync(path.join(reuse, 'node_modules', 'agora-token'))) return reuse;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'agora-npm-'));
  execFileSync('npm', ['install', '--prefix', dir, '--no-audit', '--no-fund', '--silent',
                       'agora-token@2.0.6', 'agora-access-token@2.0.4'], { stdio: ['ignore', 'ignore', 'inherit'] });
  return dir;
}

const prefix = install();
const requireNpm = createRequire(path.join(prefix, 'node_modules', 'x.js'));
const A2 = requireNpm('agora-token/src/AccessToken2');
const { AccessToken } = requireNpm('agora-access-token/src/AccessToken');
const versions = {
  'agora-token': requireNpm('agora-token/package.json').version,
  'agora-access-token': requireNpm('agora-access-token/package.json').version,
};

let passed = 0;
let failed = 0;
const skipped = {};
const checked = new Set();
function pass(id) { passed++; checked.add(id); }
function fail(id, why) { failed++; checked.add(id); console.log(`FAIL ${id}: ${why}`); }
function skip(reason) { skipped[reason] = (skipped[reason] || 0) + 1; }

function load(scheme, op) {
  return JSON.parse(fs.readFileSync(path.join(VECTORS, scheme, `${op}.json`), 'utf8'));
}

const isHex32 = s => typeof s === 'string' && /^[0-9a-fA-F]{32}$/.test(s);
const inflate007 = token => zlib.inflateSync(Buffer.from(token.slice(3), 'base64'));

// ---------------------------------------------------------------- 006 (agora-access-token)
function build006(i) {
  const t = new AccessToken(i.app_id, i.app_certificate, i.channel_name, i.uid);
  t.salt = i.salt;
  t.ts = i.ts;
  for (const [k, v] of Object.entries(i.privileges)) t.addPriviledge(Number(k), v);
  return t.build();
}

for (const t of load('agora-006', 'build').tests) {
  const id = `agora-006/build#${t.tcId}`;
  if (t.result !== 'valid') { skip('006 build refusals (Node 006 builders do not check ids, §0)'); continue; }
  const got = build006(t.input);
  got === t.expected.token ? pass(id) : fail(id, `npm built ${got}`);
}

for (const t of load('agora-006', 'verify').tests) {
  const id = `agora-006/verify#${t.tcId}`;
  const i = t.input;
  if (t.expected.condition !== 'valid' || !i.token || !i.app_certificate || (i.base64 || 'strict') !== 'strict') continue;
  const appId = i.token.substr(3, 32);
  const at = new AccessToken(appId, i.app_certificate, i.channel_name, i.uid);
  if (!at.fromString(i.token)) { fail(id, 'fromString failed'); continue; }
  const rebuilt = at.build();
  rebuilt === i.token ? pass(id) : fail(id, `rebuilt for the binding as ${rebuilt}`);
}

// AppIdNotHex (issue 8): Node's 006 code never checks the app id's shape (§0, §5). A token
// whose only flaw is a non-hex 32-character app id must parse and, in verify, rebuild for its
// binding (the vector is acceptable); one that no Agora parser reads must not parse (invalid).
function parses006(token) {
  const log = console.log;
  console.log = () => {};  // fromString logs the exception it swallows
  try {
    return new AccessToken('', '', '', '').fromString(token);
  } finally {
    console.log = log;
  }
}
for (const op of ['parse', 'verify']) {
  for (const t of load('agora-006', op).tests) {
    if (!t.flags.includes('AppIdNotHex')) continue;
    const id = `agora-006/${op}#${t.tcId}`;
    const i = t.input;
    let accepted = parses006(i.token);
    if (accepted && op === 'verify') {
      const at = new AccessToken(i.token.substr(3, 32), i.app_certificate, i.channel_name, i.uid);
      accepted = at.fromString(i.token) && at.build() === i.token;
    }
    const want = t.result === 'acceptable';
    accepted === want ? pass(id) : fail(id, `npm ${accepted ? 'accepts' : 'rejects'} it, the vector is ${t.result}`);
  }
}

// ---------------------------------------------------------------- 007 (agora-token)
function npmService(s) {
  const p = s.privileges || {};
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
      for (const [r, byType] of Object.entries(s.permissions || {})) {
        perms.details[Number(r)] = perms.details[Number(r)] || {};
        for (const [pt, names] of Object.entries(byType)) perms.add(Number(r), Number(pt), names);
      }
      svc = new A2.ServiceRtm2(s.user_id ?? '', perms);
      break;
    }
    case 9: svc = new A2.ServiceConvoAI(); break;
    case 10: svc = new A2.ServiceStt(); break;
    default: throw new Error(`npm has no service type ${s.type}`);
  }
  for (const [k, v] of Object.entries(p)) svc.add_privilege(Number(k), v);
  return svc;
}

function build007(i) {
  const t = new A2.AccessToken2(i.app_id, i.app_certificate, i.issue_ts, i.expire);
  t.issueTs = i.issue_ts;  // the constructor treats 0 as "now"
  t.salt = i.salt;
  for (const s of i.services) t.add_service(npmService(s));
  return t.build();
}

const role0 = i => i.services.some(s => s.type === 7 && s.role === 0);
let identical = 0;
for (const t of load('agora-007', 'build').tests) {
  const id = `agora-007/build#${t.tcId}`;
  const i = t.input;
  if (t.result !== 'valid') {
    if (!['bad_app_id', 'bad_certificate', 'no_services'].includes(t.expected.error.code)) {
      skip('007 build refusals npm cannot express (unknown types, 64 KiB fields)');
      continue;
    }
    let got;
    try { got = build007(i); } catch (e) { got = ''; }
    got === '' ? pass(id) : fail(id, `npm built ${got} where Agora refuses`);
    continue;
  }
  if (role0(i)) { skip('APaaS role 0 (npm builds role || -1 = -1)'); continue; }
  const got = build007(i);
  if (got === t.expected.token) identical++;
  inflate007(got).equals(inflate007(t.expected.token)) ? pass(id) : fail(id, `npm payload differs: ${got}`);
}

const i16 = v => (v >= 0x8000 ? v - 0x10000 : v);  // npm's getInt16 reads the role unsigned
function npmFields(t) {
  const services = t.services.map(s => {
    const type = s.service_type();
    const f = { type, privileges: Object.fromEntries(Object.entries(s.__privileges).map(([k, v]) => [String(k), v])) };
    switch (type) {
      case 1: f.channel_name = s.__channel_name.toString(); f.uid = s.__uid.toString(); break;
      case 2: case 5: f.user_id = s.__user_id.toString(); break;
      case 3: case 6: f.channel_name = s.__channel_name.toString(); f.account = s.__account.toString(); break;
      case 7: f.room_uuid = s.__room_uuid.toString(); f.user_uuid = s.__user_uuid.toString(); f.role = i16(s.__role); break;
      case 8: {
        f.user_id = s.__user_id.toString();
        f.permissions = {};
        for (const [r, byType] of Object.entries(s.__permissions.details)) {
          f.permissions[r] = Object.fromEntries(Object.entries(byType).map(([p, names]) => [p, names.map(String)]));
        }
        break;
      }
      default: break;
    }
    return f;
  });
  return { app_id: t.appId.toString(), issue_ts: t.issueTs, expire: t.expire, salt: t.salt,
           signature: t.__signature.toString('hex'), services };
}
function ourFields(f) {
  return { app_id: f.app_id, issue_ts: f.issue_ts, expire: f.expire, salt: f.salt, signature: f.signature,
           services: f.services.map(({ name, ...rest }) => rest) };
}
const emptyRtm2Resource = f => f.services.some(s => s.type === 8 && Object.values(s.permissions).some(p => Object.keys(p).length === 0));

for (const t of load('agora-007', 'parse').tests) {
  const id = `agora-007/parse#${t.tcId}`;
  if (!t.expected.ok) continue;
  if (emptyRtm2Resource(t.expected.fields)) { skip('RTM2 resource without permission lists (npm drops it)'); continue; }
  const at = new A2.AccessToken2();
  if (!at.from_string(t.input.token)) { fail(id, 'from_string failed'); continue; }
  const a = JSON.stringify(npmFields(at));
  const b = JSON.stringify(ourFields(t.expected.fields));
  a === b ? pass(id) : fail(id, `npm parsed ${a}\n   expected ${b}`);
}

for (const t of load('agora-007', 'verify').tests) {
  const id = `agora-007/verify#${t.tcId}`;
  const i = t.input;
  const cond = t.expected.condition;
  if (!['valid', 'bad_signature'].includes(cond) || !i.token || !isHex32(i.app_certificate)) continue;
  const at = new A2.AccessToken2();
  const ok = at.from_string(i.token) && at.verifySignature(i.app_certificate);
  (ok === (cond === 'valid')) ? pass(id) : fail(id, `npm verifySignature ${ok}, we expect ${cond}`);
}

// Every vector that claims this cross-check must have been checked.
let claimedUnchecked = 0;
let checkedUnclaimed = 0;
for (const scheme of ['agora-006', 'agora-007']) {
  for (const op of ['build', 'parse', 'verify']) {
    for (const t of load(scheme, op).tests) {
      const id = `${scheme}/${op}#${t.tcId}`;
      const claims = t.source.includes(CLAIM);
      if (claims && !checked.has(id)) { claimedUnchecked++; fail(id, 'source claims the npm cross-check, which did not run for it'); }
      if (!claims && checked.has(id)) checkedUnclaimed++;
    }
  }
}

console.log(`npm ${JSON.stringify(versions)}, node ${process.versions.node}, zlib ${process.versions.zlib}`);
console.log(`007 builds byte-identical to C zlib: ${identical}`);
for (const [reason, n] of Object.entries(skipped)) console.log(`not cross-checked: ${n} × ${reason}`);
if (checkedUnclaimed) console.log(`checked but not yet claimed in source: ${checkedUnclaimed}`);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed ? 1 : 0);
