#!/usr/bin/env node
'use strict';
// Thin launcher: the CLI is built by `npm run build:node` (run automatically by `npm install`).
const path = require('node:path');
const fs = require('node:fs');
const cli = path.join(__dirname, '..', 'dist', 'host', 'cli.cjs');
if (!fs.existsSync(cli)) {
  process.stderr.write('casebinder 尚未构建：请先运行 npm run build:node / not built yet: run `npm run build:node`\n');
  process.exit(2);
}
require(cli).main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`错误 INTERNAL：${error && error.message}\n`);
    process.exit(1);
  },
);
