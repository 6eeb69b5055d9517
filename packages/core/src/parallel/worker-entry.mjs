// Worker threads start from plain JavaScript and (on Node 20) without the main thread's module hooks:
// inside the monorepo, register the source mode (tsx + the "@vad/source" condition), then load the
// TypeScript worker. The built package starts its workers from dist/parallel/gradient-worker.js directly.
const { registerSourceMode } = await import('../../../../tools/source-mode.mjs');
registerSourceMode();
await import('./gradient-worker.ts');
