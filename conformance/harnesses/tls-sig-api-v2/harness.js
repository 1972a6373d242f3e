'use strict';
// tokcheck protocol v1 harness over Tencent's official npm package
// tls-sig-api-v2 (UserSig), through its public API: new Api(sdkappid, key),
// genUserSig(), genPrivateMapKey(), genPrivateMapKeyWithStringRoomID(),
// genSig(userid, expire, userBuf) and, for a hand-made userbuf, _genUserbuf().
// Declares tencent-usersig build only: the package has no parse and no verify.
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
    // genPrivateMapKey* lay userbuf out from the identifier, the Api's sdkappid
    // and now + expire. A userbuf with other values is made with the
    // package's own layout method _genUserbuf (on an Api of that sdkappid,
    // with expire_abs - time as its relative expiry), then signed with genSig.
    const custom = ['account', 'sdkappid', 'expire_abs', 'account_type'].some((k) => u[k] !== undefined);
    if (custom) {
      const owner = new Api(num(u.sdkappid ?? i.sdkappid), i.key);
      const relative = u.expire_abs !== undefined ? num(u.expire_abs) - num(i.time) : expire;
      const buf = owner._genUserbuf(u.account ?? id, num(u.room_id ?? 0), relative, num(u.privilege_map ?? 0),
                                    num(u.account_type ?? 0), u.room_str ?? null);
      return api.genSig(id, expire, buf);
    }
    if (u.room_str !== undefined) return api.genPrivateMapKeyWithStringRoomID(id, expire, u.room_str, num(u.privilege_map));
    return api.genPrivateMapKey(id, expire, num(u.room_id), num(u.privilege_map));
  });
  // The package refuses nothing: it always returns a string.
  return { token };
});

adapter.serve();
