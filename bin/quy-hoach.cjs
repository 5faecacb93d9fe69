#!/usr/bin/env node
// The command-line tool: runs the TypeScript sources through tsx (installed by npm ci).
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    console.error(error);
    process.exitCode = 1;
  },
);
