// Source mode: run the workspace's TypeScript sources directly (inside this monorepo only; installed
// packages run their built JavaScript). Two module hooks do it: tsx compiles .ts on the fly, and the
// "@vad/source" export condition makes every `@vad/*` import resolve to the package's src/ instead of
// its dist/ (see the "exports" of each packages/*/package.json). Used by packages/experiments/bin/vad.js
// and by the gradient worker's entry (worker threads do not inherit module hooks on Node 20).
import { register as registerHooks } from 'node:module';
import { register as registerTsx } from 'tsx/esm/api';

const conditionHook = `export async function resolve(specifier, context, next) {
  return next(specifier, { ...context, conditions: [...context.conditions, '@vad/source'] });
}`;

/** Registers tsx and the "@vad/source" condition for every module loaded after this call. */
export function registerSourceMode() {
  registerTsx();
  registerHooks(`data:text/javascript,${encodeURIComponent(conditionHook)}`);
}
