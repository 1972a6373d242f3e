'use strict';
// The tokcheck runner protocol, version 1 (docs/PROTOCOL.md), as a loop you copy.
// Node >= 18 built-ins only. Copy this file, register one handler per
// (scheme, operation) you implement, and call serve():
//
//   const { Adapter } = require('./tokcheck_adapter');
//   const adapter = new Adapter('my-gateway', '3.4.1');
//   adapter.register('agora-007', 'verify', async (scheme, input) => {
//     return { condition: myLib.verify(input.token, input.app_certificate, input.now) };
//   });
//   adapter.serve();   // resolves on end of input
//
// A handler gets (scheme, input) — input is the vector's "input" verbatim — and
// returns (or resolves to) the answer object WITHOUT "id"; the loop adds it.
// Integers beyond Number.MAX_SAFE_INTEGER arrive as BigInt (json_exact.js):
// return a BigInt to answer one exactly.
// Throwing (or rejecting) answers {"id": ..., "usage_error": "<message>"}: use
// it for "I cannot read this request", not for a token you reject (that is an
// answer: {"condition": "expired", ...}).

const readline = require('node:readline');
// Exact int64s: vectors carry nonces like 9223372036854775807, which
// JSON.parse would round. Such integers reach handlers as BigInt.
const json = require('./json_exact');

const OPERATIONS = ['build', 'parse', 'verify', 'scenario'];
const PROTOCOL_VERSION = 1;

// Everything that is not a protocol line goes to stderr: tokcheck keeps it per
// case and shows it with failures. A stray stdout line (console.log!) would be
// read as the answer to the next request: a PROTOCOL_ERROR.
function log(message) {
  process.stderr.write(`${message}\n`);
}

class Adapter {
  constructor(name, version) {
    this.name = name;
    this.version = version;
    this.handlers = new Map(); // "scheme\0op" -> handler
  }

  register(scheme, op, handler) {
    if (!OPERATIONS.includes(op)) throw new Error(`unknown operation ${op}`);
    this.handlers.set(`${scheme}\0${op}`, { scheme, op, handler });
  }

  // Declares exactly the registered pairs: under v1 only these are sent, the
  // rest are reported NOT_DECLARED (skipped, not failed).
  hello() {
    const supports = {};
    for (const { scheme, op } of this.handlers.values()) {
      (supports[scheme] ??= []).push(op);
    }
    const implementation = { name: this.name };
    if (this.version !== undefined) implementation.version = this.version;
    return { id: 'hello', protocol: PROTOCOL_VERSION, implementation, supports };
  }

  // One request line in, one answer object out. Never rejects.
  async answer(line) {
    let request;
    try {
      request = json.parse(line);
    } catch (e) {
      return { id: null, usage_error: `not JSON: ${e.message}` };
    }
    if (request === null || typeof request !== 'object' || Array.isArray(request)) {
      return { id: null, usage_error: 'each line must be one JSON object' };
    }
    const id = request.id === undefined ? null : request.id; // echoed verbatim
    const { op, scheme } = request;
    if (op === 'hello') return { ...this.hello(), id };
    if (!OPERATIONS.includes(op)) return { id, usage_error: `unknown op ${JSON.stringify(op)}` };
    if (!('input' in request)) return { id, usage_error: 'a request needs "input"' };
    const entry = this.handlers.get(`${scheme}\0${op}`);
    // Never sent under v1 (the hello did not declare it); honest if it is.
    if (!entry) return { id, unsupported: true };
    try {
      const result = await entry.handler(scheme, request.input);
      if (result === null || typeof result !== 'object' || Array.isArray(result)) {
        throw new TypeError('handler did not return an object');
      }
      // The loop owns the id: a handler cannot get it wrong.
      return { ...result, id };
    } catch (e) {
      // A handler bug must not kill the loop.
      log(`${id} ${scheme}/${op}: ${e && e.stack ? e.stack : e}`);
      return { id, usage_error: String(e && e.message !== undefined ? e.message : e) };
    }
  }

  async serve(input = process.stdin, output = process.stdout) {
    // crlfDelay: a "\r\n" ends one line, not two. Lines of any length (some
    // requests are over 64 KiB).
    const lines = readline.createInterface({ input, crlfDelay: Infinity });
    // for await: one request at a time, in order, even with async handlers.
    for await (const raw of lines) {
      const line = raw.trim();
      if (line === '') continue;
      const answer = await this.answer(line);
      let text;
      try {
        text = json.stringify(answer);
      } catch (e) { // a cycle or a Symbol in a handler's result
        text = JSON.stringify({ id: answer.id, usage_error: `answer not encodable: ${e.message}` });
      }
      // Wait until the line is handed to the OS: tokcheck reads it before it
      // sends the next request, and nothing is lost if we exit right after.
      await new Promise((resolve, reject) => {
        output.write(`${text}\n`, (err) => (err ? reject(err) : resolve()));
      });
    }
    // End of input: tokcheck is done with us.
  }
}

module.exports = { Adapter, OPERATIONS, PROTOCOL_VERSION, log };
