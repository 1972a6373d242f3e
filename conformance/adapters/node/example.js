#!/usr/bin/env node
'use strict';
// Example adapter: every handler forwards to the tokcheck reference.
//
// This is the file a porting team replaces. Keep main()'s shape, delete
// Reference, and register your own functions instead of forward(...):
//
//   adapter.register('agora-007', 'build', myBuildAgora007);
//
// Here each handler sends its request to one `tokcheck serve` child (started
// once, restarted if it dies) and returns the reference's answer as it is, so
// CI can prove the loop in tokcheck_adapter.js passes every vector.
//
//   example.js [--tokcheck PATH] [--only SCHEME:OP[,SCHEME:OP...]]
//
// --only registers just those handlers (the hello then declares only them).

const { spawn } = require('node:child_process');
const readline = require('node:readline');
const { Adapter, log } = require('./tokcheck_adapter');
const json = require('./json_exact');

// The schemes and lifecycle vendors of the golden vectors (docs/PROTOCOL.md).
const TOKEN_SCHEMES = ['agora-006', 'agora-007', 'zego-03', 'zego-04', 'volc-001', 'tencent-usersig'];
const LIFECYCLE_SCHEMES = ['lifecycle-agora', 'lifecycle-bytedance', 'lifecycle-rongcloud', 'lifecycle-zego'];

// One `tokcheck serve` child, spoken to with the same protocol.
class Reference {
  constructor(command) {
    this.command = command;
    this.child = null;
    this.sequence = 0;
    this.pending = null; // {resolve, reject} of the one request in flight
  }

  start() {
    // stderr is inherited: tokcheck collects it per case like ours.
    const child = spawn(this.command, ['serve'], { stdio: ['pipe', 'pipe', 'inherit'] });
    const fail = (err) => {
      if (this.child === child) this.child = null; // the next call starts a new one
      if (this.pending) this.pending.reject(err);
      this.pending = null;
    };
    child.on('error', fail); // could not start
    child.on('exit', (code, signal) => fail(new Error(`reference child exited (${signal || code})`)));
    child.stdin.on('error', fail); // EPIPE: it died while we wrote
    readline.createInterface({ input: child.stdout, crlfDelay: Infinity }).on('line', (line) => {
      const p = this.pending;
      this.pending = null;
      if (p) p.resolve(line);
    });
    this.child = child;
  }

  async call(op, scheme, input) {
    if (!this.child) this.start();
    const id = ++this.sequence;
    const line = await new Promise((resolve, reject) => {
      this.pending = { resolve, reject };
      this.child.stdin.write(`${json.stringify({ id, op, scheme, input })}\n`);
    });
    const answer = json.parse(line);
    if (answer.id !== id) throw new Error('reference child answered another request');
    delete answer.id;
    // The reference could not read the input: so could not we. Throwing is how
    // a handler says so (the loop answers usage_error).
    if ('usage_error' in answer) throw new Error(answer.usage_error);
    return answer;
  }
}

function forward(reference, op) {
  return (scheme, input) => reference.call(op, scheme, input);
}

async function main() {
  // Two flags, read by hand: util.parseArgs needs Node 18.3.
  const values = { tokcheck: 'tokcheck', only: '' };
  const argv = process.argv.slice(2);
  for (let i = 0; i < argv.length; i += 2) {
    const name = argv[i].replace(/^--/, '');
    if (!(name in values) || argv[i + 1] === undefined) {
      log('usage: example.js [--tokcheck PATH] [--only SCHEME:OP[,SCHEME:OP...]]');
      process.exit(2);
    }
    values[name] = argv[i + 1];
  }
  const reference = new Reference(values.tokcheck);
  const adapter = new Adapter('node-example-adapter', '1.0.0');
  const pairs = TOKEN_SCHEMES.flatMap((s) => ['build', 'parse', 'verify'].map((op) => `${s}:${op}`));
  pairs.push(...LIFECYCLE_SCHEMES.map((s) => `${s}:scenario`));
  const only = values.only.split(',').filter((p) => p !== '');
  const unknown = only.filter((p) => !pairs.includes(p));
  if (unknown.length > 0) {
    log(`--only: no such pair: ${unknown.join(', ')}`);
    process.exit(2);
  }
  for (const pair of pairs) {
    if (only.length > 0 && !only.includes(pair)) continue;
    const [scheme, op] = pair.split(':');
    adapter.register(scheme, op, forward(reference, op));
  }
  await adapter.serve();
  // End of input: closing the child's stdin lets it exit too.
  if (reference.child) reference.child.stdin.end();
}

main().catch((e) => {
  log(`example adapter: ${e.stack || e}`);
  process.exit(1);
});
