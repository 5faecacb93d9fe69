#!/usr/bin/env node
// The command-line tool: runs the TypeScript sources through tsx (installed by npm ci).
require('tsx/cjs');
const { main } = require('../src/cli/main.ts');

// Output piped into a reader that stops early (`| head`): the rest of the output is dropped, the run goes on.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE') throw error;
  });
}

main(process.argv.slice(2)).then(
  (code) => {
    process.exitCode = code;
  },
  (error) => {
    // main() reports every failure itself; reaching here is a bug of the program, said as one (exit 70).
    console.error('Lỗi của chương trình (E-INTERNAL), xin báo cho người phát triển. / A bug of the program (E-INTERNAL): please report it.');
    console.error(error);
    process.exitCode = 70;
  },
);
