#!/usr/bin/env node
'use strict';
// Times the official npm packages on the same tokens as bench/ (issue 13, item 2):
//
//   node bench/official/run.js --fixtures FILE --repetitions N --out FILE [--min-batch-ms MS]
//
// FILE is what build/<dir>/bench/tokcheck_bench_fixtures prints:
//   {"tokens":[{"scheme":"agora-006"|"agora-007","token","app_id","app_certificate","channel","uid","now"},
//              {"scheme":"tencent-usersig","token","sdk_app_id","secret_key","user_id","now"}]}
//
// The packages are the ones the compatibility harnesses already pin: each is
// required from conformance/harnesses/<package>/node_modules, which
// scripts/install_harnesses.sh installs with `npm ci` from that harness's
// package-lock.json (exact version and integrity hash). So every version is
// pinned once, in the harness lockfile, and nothing here is downloaded.
//
// What is timed is the closest equivalent of tokcheck's verify each package
// allows, through its public API, with the checks a Node service would write
// around it (our code, no vendor code copied). Each result's "timed" says
// exactly what. Before timing, each token must verify as valid (else the run
// aborts: a failing path is never timed unnoticed), and every timed call's
// answer is checked again (any non-"valid" answer aborts).
//
// Method: per token a warm-up of at least --warmup-ms (default 1000 ms) of calls,
// then a batch size calibrated on the warm code so one batch takes at least
// --min-batch-ms (default 50 ms); then N repetitions, interleaved over the
// tokens (repetition r times token 1, 2, 3 in turn, so load on a shared machine
// moves every token alike), each timed with process.hrtime.bigint(). A
// repetition's figure is its batch's wall time divided by the batch size; the
// output gives their median, min and max in ns per token, and the shortest
// timed batch in ms (so a reader can see the batches were as long as asked).
//
// --paced (bench/official/paired.py drives it): after the warm-up and sizing,
// prints "ready" on stdout, then runs repetition r only when a line "go" arrives
// on stdin and answers with one JSON line {"repetition": r, "ns_per_token":
// {scheme: ns}}. The driver times tokcheck's verify of the same tokens between
// the repetitions, so each speed-up is a ratio of two figures measured seconds
// apart, not minutes (the host's speed moved ~1.4x within minutes, 2026-12-07).
//
// Why the warm-up comes first: sized on the first calls, the batch was sized by
// code the JIT had not optimised yet. agora-006's first batches cost ~26 us a
// call against ~5.5 us warm, so its "50 ms" batches took ~10 ms (2026-12-07).

const crypto = require('node:crypto');
const fs = require('node:fs');
const path = require('node:path');
const zlib = require('node:zlib');
const { createRequire } = require('node:module');

const HARNESSES = path.join(__dirname, '..', '..', 'conformance', 'harnesses');

function die(message) {
  process.stderr.write(`bench/official/run.js: ${message}\n`);
  process.exit(1);
}

// require() as seen from conformance/harnesses/<harness>/, i.e. from its
// lockfile-installed node_modules.
function harnessRequire(harness) {
  const manifest = path.join(HARNESSES, harness, 'package.json');
  const modules = path.join(HARNESSES, harness, 'node_modules', harness);
  if (!fs.existsSync(modules)) {
    die(`${modules} is missing: run scripts/install_harnesses.sh (npm ci from its package-lock.json)`);
  }
  return createRequire(manifest);
}

function parseArgs(argv) {
  const args = { fixtures: null, repetitions: null, out: null, minBatchMs: 50, warmupMs: 1000, paced: false };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    if (flag === '--paced') {
      args.paced = true;
      continue;
    }
    const value = argv[i + 1];
    if (value === undefined) die(`${flag} needs a value`);
    if (flag === '--fixtures') args.fixtures = value;
    else if (flag === '--out') args.out = value;
    else if (flag === '--repetitions') args.repetitions = Number(value);
    else if (flag === '--min-batch-ms') args.minBatchMs = Number(value);
    else if (flag === '--warmup-ms') args.warmupMs = Number(value);
    else die(`unknown option ${flag}`);
    i++;
  }
  if (!args.fixtures || !args.out || args.repetitions === null) {
    die('usage: run.js --fixtures FILE --repetitions N --out FILE [--min-batch-ms MS] [--warmup-ms MS] [--paced]');
  }
  if (!Number.isInteger(args.repetitions) || args.repetitions < 1) die('--repetitions must be an integer >= 1');
  if (!(args.minBatchMs > 0)) die('--min-batch-ms must be > 0');
  if (!(args.warmupMs >= 0)) die('--warmup-ms must be >= 0');
  return args;
}

// Agora's uid rule, as both packages' constructors apply it: 0 is "", any
// other number its decimal text, a string as given.
const uidText = (uid) => (uid === 0 || uid === '0' ? '' : `${uid}`);

function need(fixture, keys) {
  for (const k of keys) {
    if (fixture[k] === undefined) die(`fixture ${fixture.scheme} lacks "${k}"`);
  }
}

// agora-006 over agora-access-token (it has no verify).
function agora006(fixture) {
  need(fixture, ['token', 'app_id', 'app_certificate', 'channel', 'uid', 'now']);
  const req = harnessRequire('agora-access-token');
  const { AccessToken } = req('agora-access-token/src/AccessToken');
  const crc32 = req('crc-32');  // the package's own dependency, used by its build()
  const { token, app_id: appId, app_certificate: cert } = fixture;
  const channel = `${fixture.channel}`;
  const uid = uidText(fixture.uid);
  const now = Number(fixture.now);
  const channelBytes = Buffer.from(channel, 'utf8');
  const uidBytes = Buffer.from(uid, 'utf8');
  const appIdBytes = Buffer.from(appId, 'utf8');
  return {
    package: 'agora-access-token',
    version: req('agora-access-token/package.json').version,
    timed: 'agora-access-token has no verify. Per token: new AccessToken() + fromString(token) (the package\'s ' +
      'base64 decode and unpack); app id (token characters 3..34) compared with the expected one; ' +
      'crc-32 (the package\'s dependency) .str() of the channel and of the uid compared with the parsed CRCs; ' +
      'HMAC-SHA256 with node:crypto (what the package\'s build uses), keyed with the certificate, over ' +
      'app id | channel | uid | the parsed message bytes, compared with the parsed signature by ' +
      'crypto.timingSafeEqual; expiry (now < ts). Written by us in bench/official/run.js.',
    verify() {
      const t = new AccessToken('', '', '', '');
      if (!t.fromString(token)) return 'malformed';
      if (token.substr(3, 32) !== appId) return 'app_id_mismatch';
      if (t.crc_channel_name !== (crc32.str(channel) >>> 0)) return 'channel_mismatch';
      if (t.crc_uid !== (crc32.str(uid) >>> 0)) return 'uid_mismatch';
      const mac = crypto.createHmac('sha256', cert)
        .update(appIdBytes).update(channelBytes).update(uidBytes).update(t.m)
        .digest();
      if (mac.length !== t.signature.length || !crypto.timingSafeEqual(mac, t.signature)) return 'bad_signature';
      if (now >= t.ts) return 'expired';
      return 'valid';
    },
  };
}

// agora-007 over agora-token 2.x: AccessToken2 parse + its verifySignature.
function agora007(fixture) {
  need(fixture, ['token', 'app_id', 'app_certificate', 'channel', 'uid', 'now']);
  const req = harnessRequire('agora-token');
  const A2 = req('agora-token/src/AccessToken2');
  const { token, app_id: appId, app_certificate: cert } = fixture;
  const channel = `${fixture.channel}`;
  const uid = uidText(fixture.uid);
  const now = Number(fixture.now);
  const kRtc = 1;
  return {
    package: 'agora-token',
    version: req('agora-token/package.json').version,
    timed: 'Per token: new AccessToken2() + from_string(token) (the package\'s base64 decode, zlib inflate ' +
      'and unpack of every service) + verifySignature(certificate) (the package\'s two-step signing-key ' +
      'derivation and HMAC-SHA256, timingSafeEqual); then, written by us in bench/official/run.js: app id ' +
      'compared, expiry (now < issueTs + expire), getServices(RTC) and the channel and uid compared with ' +
      'the service\'s.',
    verify() {
      const t = new A2.AccessToken2();
      if (!t.from_string(token)) return 'malformed';
      if (!t.verifySignature(cert)) return 'bad_signature';
      if (`${t.appId}` !== appId) return 'app_id_mismatch';
      if (now >= t.issueTs + t.expire) return 'expired';
      const rtc = t.getServices(kRtc);
      if (rtc.length === 0) return 'service_missing';
      if (!rtc.some((s) => `${s.__channel_name}` === channel)) return 'channel_mismatch';
      if (!rtc.some((s) => `${s.__channel_name}` === channel && `${s.__uid}` === uid)) return 'uid_mismatch';
      return 'valid';
    },
  };
}

// tencent-usersig over tls-sig-api-v2: the package only builds (genUserSig,
// genSig); it has no parse and no verify.
function tencentUserSig(fixture) {
  need(fixture, ['token', 'sdk_app_id', 'secret_key', 'user_id', 'now']);
  const req = harnessRequire('tls-sig-api-v2');
  const { Api } = req('tls-sig-api-v2');
  const { token } = fixture;
  const sdkAppId = Number(fixture.sdk_app_id);
  const userId = `${fixture.user_id}`;
  const now = Number(fixture.now);
  const api = new Api(sdkAppId, fixture.secret_key);  // one per key, as a verifier reuses its key
  return {
    package: 'tls-sig-api-v2',
    version: req('tls-sig-api-v2/package.json').version,
    timed: 'tls-sig-api-v2 has no parse and no verify. Per token, written by us in bench/official/run.js: ' +
      'undo the package\'s URL-safe escaping (* - _ back to + / =), base64 decode (Buffer), zlib inflate ' +
      '(node:zlib inflateSync: the package deflates with node:zlib deflateSync), JSON.parse, TLS.ver, ' +
      'identifier and sdkappid compared, expiry (now < TLS.time + TLS.expire); then the signature ' +
      'recomputed by the package\'s own Api.prototype._hmacsha256 (the method its genSig signs with; ' +
      'one Api per key, reused) over identifier, time, expire and TLS.userbuf when present, and compared ' +
      'with TLS.sig by crypto.timingSafeEqual.',
    verify() {
      const b64 = token.replace(/\*/g, '+').replace(/-/g, '/').replace(/_/g, '=');
      let doc;
      try {
        doc = JSON.parse(zlib.inflateSync(Buffer.from(b64, 'base64')).toString('utf8'));
      } catch (e) {
        return 'malformed';
      }
      if (doc === null || typeof doc !== 'object' || doc['TLS.ver'] !== '2.0') return 'malformed';
      const time = doc['TLS.time'];
      const expire = doc['TLS.expire'];
      const sig = doc['TLS.sig'];
      if (typeof time !== 'number' || typeof expire !== 'number' || typeof sig !== 'string') return 'malformed';
      if (doc['TLS.identifier'] !== userId) return 'identifier_mismatch';
      if (doc['TLS.sdkappid'] !== sdkAppId) return 'sdkappid_mismatch';
      if (now >= time + expire) return 'expired';
      const userbuf = typeof doc['TLS.userbuf'] === 'string' ? doc['TLS.userbuf'] : null;
      const want = Buffer.from(api._hmacsha256(userId, time, expire, userbuf), 'utf8');
      const got = Buffer.from(sig, 'utf8');
      if (want.length !== got.length || !crypto.timingSafeEqual(want, got)) return 'bad_signature';
      return 'valid';
    },
  };
}

const CONTENDERS = { 'agora-006': agora006, 'agora-007': agora007, 'tencent-usersig': tencentUserSig };

// Runs fn `count` times; returns the wall ns and how many answers were not "valid".
function batch(fn, count) {
  let bad = 0;
  const start = process.hrtime.bigint();
  for (let i = 0; i < count; i++) {
    if (fn() !== 'valid') bad++;
  }
  const ns = process.hrtime.bigint() - start;
  return { ns: Number(ns), bad };
}

function checkedBatch(c, count) {
  const r = batch(c.verify, count);
  if (r.bad !== 0) die(`${c.scheme}: ${r.bad} of ${count} timed calls did not answer "valid": aborting`);
  return r.ns;
}

// Warms the path up for at least warmupNs (batches doubling from one call, so
// the JIT sees the path many times before anything is sized by it), then sizes
// the batch from the warm cost per call, with 25% headroom, and repeats the
// sizing until a batch of that size takes at least minNs.
function calibrate(c, minNs, warmupNs) {
  let count = 1;
  for (let spent = 0; spent < warmupNs;) {
    const ns = checkedBatch(c, count);
    spent += ns;
    if (ns < minNs) count *= 2;
  }
  for (;;) {
    const ns = checkedBatch(c, count);
    if (ns >= minNs) return count;
    count = ns <= 0 ? count * 2 : Math.max(count * 2, Math.ceil((count * minNs * 1.25) / ns));
  }
}

// One line from stdin, blocking (the paced protocol is strictly turn by turn),
// without its newline; null at end of input.
function readLineSync() {
  const byte = Buffer.alloc(1);
  let line = '';
  for (;;) {
    let n;
    try {
      n = fs.readSync(0, byte, 0, 1, null);
    } catch (e) {
      if (e.code !== 'EAGAIN') throw e;
      Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);  // stdin not ready: 1 ms
      continue;
    }
    if (n === 0) return line === '' ? null : line;
    if (byte[0] === 0x0a) return line;
    line += String.fromCharCode(byte[0]);
  }
}

const say = (line) => fs.writeSync(1, `${line}\n`);

function median(sorted) {
  const n = sorted.length;
  return n % 2 === 1 ? sorted[(n - 1) / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
}

function main() {
  const args = parseArgs(process.argv.slice(2));
  let fixtures;
  try {
    fixtures = JSON.parse(fs.readFileSync(args.fixtures, 'utf8'));
  } catch (e) {
    die(`cannot read ${args.fixtures}: ${e.message}`);
  }
  if (!fixtures || !Array.isArray(fixtures.tokens) || fixtures.tokens.length === 0) {
    die(`${args.fixtures} has no "tokens" array`);
  }
  const contenders = [];
  for (const f of fixtures.tokens) {
    const make = CONTENDERS[f.scheme];
    if (!make) {
      process.stderr.write(`bench/official/run.js: no official package timed for ${f.scheme}; skipped\n`);
      continue;
    }
    const c = { scheme: f.scheme, ...make(f) };
    const answer = c.verify();
    if (answer !== 'valid') die(`${c.scheme}: ${c.package} says "${answer}" for the fixture token: aborting`);
    contenders.push(c);
  }
  if (contenders.length === 0) die('nothing to time');

  const minNs = args.minBatchMs * 1e6;
  for (const c of contenders) {
    c.batch = calibrate(c, minNs, args.warmupMs * 1e6);
    c.samples = [];
    c.shortestBatchNs = Infinity;
  }
  if (args.paced) say('ready');
  for (let r = 0; r < args.repetitions; r++) {
    if (args.paced) {
      const line = readLineSync();
      if (line === null) die(`stdin ended before repetition ${r} (paced: each needs a line "go")`);
      if (line.trim() !== 'go') die(`paced: expected "go" before repetition ${r}, got ${JSON.stringify(line)}`);
    }
    const perToken = {};
    for (const c of contenders) {
      const ns = checkedBatch(c, c.batch);
      c.samples.push(ns / c.batch);
      c.shortestBatchNs = Math.min(c.shortestBatchNs, ns);
      perToken[c.scheme] = Math.round(ns / c.batch);
    }
    if (args.paced) say(JSON.stringify({ repetition: r, ns_per_token: perToken }));
  }

  const results = contenders.map((c) => {
    const s = [...c.samples].sort((a, b) => a - b);
    return {
      scheme: c.scheme,
      package: c.package,
      version: c.version,
      timed: c.timed,
      median_ns: Math.round(median(s)),
      min_ns: Math.round(s[0]),
      max_ns: Math.round(s[s.length - 1]),
      repetitions: args.repetitions,
      samples_ns: c.samples.map(Math.round),  // in repetition order
      batch: c.batch,
      shortest_batch_ms: Number((c.shortestBatchNs / 1e6).toFixed(3)),
      min_batch_ms: args.minBatchMs,
      warmup_ms: args.warmupMs,
    };
  });
  const out = { node: process.version, results };
  fs.writeFileSync(args.out, `${JSON.stringify(out, null, 2)}\n`);
  for (const r of results) {
    process.stderr.write(`${r.scheme} ${r.package}@${r.version}: median ${r.median_ns} ns ` +
      `(min ${r.min_ns}, max ${r.max_ns}, ${r.repetitions} x ${r.batch} calls, ` +
      `shortest batch ${r.shortest_batch_ms} ms)\n`);
  }
}

main();
