'use strict';
// JSON with exact integers. JSON.parse turns every number into a double, so
// 9223372036854775807 (a vector's int64 nonce) would come back as
// 9223372036854776000: a different request, a different token. Here an integer
// outside Number.MAX_SAFE_INTEGER becomes a BigInt and is written back
// digit for digit. Everything else is what JSON.parse / JSON.stringify do.

// Sticky (y) regexes match at lastIndex only: no slicing of long lines.
const NUMBER = /-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/y;
const STRING = /"(?:[^"\\\u0000-\u001f]+|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/y;

function parse(text) {
  let i = 0;
  const fail = (what) => {
    throw new SyntaxError(`${what} at position ${i}`);
  };
  const ws = () => {
    while (i < text.length && ' \t\n\r'.includes(text[i])) i++;
  };
  const value = () => {
    ws();
    const c = text[i];
    if (c === '{') {
      i++;
      const obj = {};
      ws();
      if (text[i] === '}') return i++, obj;
      for (;;) {
        ws();
        if (text[i] !== '"') fail('expected a member name');
        const key = string();
        ws();
        if (text[i++] !== ':') fail('expected ":"');
        // defineProperty: a member named "__proto__" stays a plain member.
        Object.defineProperty(obj, key, { value: value(), enumerable: true, writable: true, configurable: true });
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === '}') return i++, obj;
        else fail('expected "," or "}"');
      }
    }
    if (c === '[') {
      i++;
      const arr = [];
      ws();
      if (text[i] === ']') return i++, arr;
      for (;;) {
        arr.push(value());
        ws();
        if (text[i] === ',') i++;
        else if (text[i] === ']') return i++, arr;
        else fail('expected "," or "]"');
      }
    }
    if (c === '"') return string();
    NUMBER.lastIndex = i;
    const m = NUMBER.exec(text);
    if (m) {
      i += m[0].length;
      if (m[2] === undefined && m[3] === undefined) {
        const n = Number(m[0]);
        return Number.isSafeInteger(n) ? n : BigInt(m[0]);
      }
      return Number(m[0]);
    }
    for (const [word, v] of [['true', true], ['false', false], ['null', null]]) {
      if (text.startsWith(word, i)) return (i += word.length), v;
    }
    return fail('unexpected input');
  };
  // A string token is exactly what JSON.parse reads: reuse it.
  const string = () => {
    STRING.lastIndex = i;
    const m = STRING.exec(text);
    if (!m) fail('bad string');
    i += m[0].length;
    return JSON.parse(m[0]);
  };
  const v = value();
  ws();
  if (i !== text.length) fail('trailing characters');
  return v;
}

function stringify(v) {
  if (typeof v === 'bigint') return v.toString();
  if (Array.isArray(v)) return `[${v.map((x) => (x === undefined ? 'null' : stringify(x))).join(',')}]`;
  if (v !== null && typeof v === 'object') {
    const members = Object.entries(v)
      .filter(([, x]) => x !== undefined && typeof x !== 'function')
      .map(([k, x]) => `${JSON.stringify(k)}:${stringify(x)}`);
    return `{${members.join(',')}}`;
  }
  const text = JSON.stringify(v); // NaN and Infinity become null, as JSON.stringify does
  if (text === undefined) throw new TypeError(`not JSON: ${typeof v}`);
  return text;
}

module.exports = { parse, stringify };
