#!/usr/bin/env node
'use strict';
// The bench_official_smoke test's check (bench/CMakeLists.txt): the JSON that
// run.js wrote has the documented shape, one result per fixture token whose
// scheme has an official package, every figure is a positive number, and no
// timed batch was much shorter than asked.
//   node bench/official/check_output.js FIXTURES OUT
// Prints "official-bench: ok" or "official-bench: FAILED: <why>".

const fs = require('node:fs');

function fail(why) {
  process.stdout.write(`official-bench: FAILED: ${why}\n`);
  process.exit(1);
}

const [fixturesPath, outPath] = process.argv.slice(2);
if (!fixturesPath || !outPath) fail('usage: check_output.js FIXTURES OUT');
const fixtures = JSON.parse(fs.readFileSync(fixturesPath, 'utf8'));
const out = JSON.parse(fs.readFileSync(outPath, 'utf8'));

const PACKAGES = { 'agora-006': 'agora-access-token', 'agora-007': 'agora-token', 'tencent-usersig': 'tls-sig-api-v2' };
const wanted = fixtures.tokens.map((t) => t.scheme).filter((s) => PACKAGES[s]);
if (wanted.length !== 3 || new Set(wanted).size !== 3) {
  fail(`the fixtures should hold one token of each of ${Object.keys(PACKAGES).join(', ')}; they hold ${wanted}`);
}
if (typeof out.node !== 'string' || !/^v\d+\./.test(out.node)) fail(`"node" is ${JSON.stringify(out.node)}`);
if (!Array.isArray(out.results)) fail('"results" is not an array');
if (out.results.length !== wanted.length) fail(`${out.results.length} results for ${wanted.length} tokens`);
out.results.forEach((r, i) => {
  if (r.scheme !== wanted[i]) fail(`result ${i} is ${r.scheme}, expected ${wanted[i]}`);
  if (r.package !== PACKAGES[r.scheme]) fail(`${r.scheme}: package ${r.package}`);
  if (typeof r.version !== 'string' || !/^\d+\.\d+\.\d+/.test(r.version)) fail(`${r.scheme}: version ${r.version}`);
  if (typeof r.timed !== 'string' || r.timed.length < 40) fail(`${r.scheme}: "timed" does not say what is timed`);
  for (const k of ['median_ns', 'min_ns', 'max_ns', 'repetitions']) {
    if (typeof r[k] !== 'number' || !Number.isFinite(r[k]) || !(r[k] > 0)) fail(`${r.scheme}: ${k} is ${r[k]}`);
  }
  if (!(r.min_ns <= r.median_ns && r.median_ns <= r.max_ns)) fail(`${r.scheme}: min <= median <= max does not hold`);
  for (const k of ['shortest_batch_ms', 'min_batch_ms']) {
    if (typeof r[k] !== 'number' || !Number.isFinite(r[k]) || !(r[k] > 0)) fail(`${r.scheme}: ${k} is ${r[k]}`);
  }
  if (typeof r.warmup_ms !== 'number' || !(r.warmup_ms >= 0)) fail(`${r.scheme}: warmup_ms is ${r.warmup_ms}`);
  // Batches sized on code the JIT had not optimised yet came out ~5x too short
  // (run.js's header); a third of the asked length leaves room for a batch that
  // a garbage collection made slow at sizing time, not for that.
  if (r.shortest_batch_ms < r.min_batch_ms / 3) {
    fail(`${r.scheme}: a timed batch took ${r.shortest_batch_ms} ms, asked for at least ${r.min_batch_ms} ms: ` +
      'the batch was sized on cold code');
  }
});
process.stdout.write(`official-bench: ok (${out.results.map((r) => `${r.scheme} ${r.median_ns} ns`).join(', ')})\n`);
