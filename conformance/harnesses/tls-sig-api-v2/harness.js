'use strict';
// tokcheck protocol v1 harness over Tencent's official npm package
// tls-sig-api-v2 (UserSig), through its public API: new Api(sdkappid, key),
// genUserSig(), genPrivateMapKey(), genPrivateMapKeyWithStringRoomID() and
// genSig(userid, expire, userBuf). Declares tencent-usersig build only: the
// package has no parse and no verify.
//
// The package reads the clock itself (Date.now()); the vector's "time" is
// injected by pinning Date.now() for the duration of one call, which is what
// a Node test of this package does (e.g. with sinon's fake timers).

const path = require('node:path');
const h = require(path.join(__dirname, '..', 'common', 'harness_common'));
const { Api } = require('tls-sig-api-v2');
const VERSION = require('tls-sig-api-v2/package.json').version;

const adapter = h.makeAdapter('tls-sig-api-v2 (npm)', VERSION);

function atTime(seconds, fn) {
  const realNow = Date.now;
  Date.now = () => seconds * 1000;
  try {
    return fn();
  } finally {
    Date.now = realNow;
  }
}

// JSON integers may arrive as BigInt (json_exact.js); the package works on
// JavaScript numbers (doubles), so that is what it gets.
const num = (v) => (typeof v === 'bigint' ? Number(v) : v);

adapter.register('tencent-usersig', 'build', (scheme, i) => {
  const api = new Api(num(i.sdkappid), i.key);
  const expire = num(i.expire);
  const id = i.identifier;
  const token = atTime(num(i.time), () => {
    if (i.userbuf_hex !== undefined) return api.genSig(id, expire, Buffer.from(i.userbuf_hex, 'hex'));
    const u = i.userbuf;
    if (u === undefined) return api.genUserSig(id, expire);
    // The package lays out userbuf itself from the identifier, its sdkappid and
    // now + expire; other values of those fields cannot be asked of it.
    const fixed = ['account', 'sdkappid', 'expire_abs', 'account_type'].filter((k) => u[k] !== undefined);
    if (fixed.length) return { error: { code: 'cannot_express', message: `tls-sig-api-v2 derives ${fixed.join(', ')} itself` } };
    if (u.room_str !== undefined) return api.genPrivateMapKeyWithStringRoomID(id, expire, u.room_str, num(u.privilege_map));
    return api.genPrivateMapKey(id, expire, num(u.room_id), num(u.privilege_map));
  });
  // The package refuses nothing: it always returns a string.
  return typeof token === 'string' ? { token } : token;
});

adapter.serve();
