#!/usr/bin/env node
// Entry point of the `vad` CLI: registers the TypeScript loader (tsx) and runs the sources directly,
// so `npx vad …` works right after `npm ci` without a build step.
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../src/cli.ts');
process.exitCode = await main(process.argv.slice(2));
