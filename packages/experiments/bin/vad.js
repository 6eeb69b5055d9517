#!/usr/bin/env node
// Entry point of the `vad` CLI. Inside the monorepo (src/ beside this folder) it runs the TypeScript
// sources through tsx, so `npx vad …` works right after `npm ci` without a build step; an installed
// package (whose files are dist/ and bin/ only) runs the built JavaScript, with no tsx at run time.
import { existsSync } from 'node:fs';

const source = new URL('../src/cli.ts', import.meta.url);
let main;
if (existsSync(source) && process.env.VAD_FROM_DIST !== '1') {
  const { registerSourceMode } = await import('../../../tools/source-mode.mjs');
  registerSourceMode();
  ({ main } = await import(source.href));
} else {
  ({ main } = await import('../dist/cli.js'));
}
process.exitCode = await main(process.argv.slice(2));
