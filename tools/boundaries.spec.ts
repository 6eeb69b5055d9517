import { execFileSync } from 'node:child_process';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

/**
 * The package boundaries of house style §6.1 are enforced in the default suite, not only by
 * `npm run lint`: ESLint with Nx's `@nx/enforce-module-boundaries` (eslint.config.mjs) over every
 * package's src must be clean, and a forbidden edge of each kind must be reported — which also proves
 * the rule did not skip itself for want of a cached Nx project graph (it only warns when it does).
 */
const root = new URL('..', import.meta.url).pathname;
const eslint = new ESLint({ cwd: root });
const boundaryRule = '@nx/enforce-module-boundaries';

async function ruleIds(file: string, text: string): Promise<string[]> {
  const [result] = await eslint.lintText(text, { filePath: file });
  return (result?.messages ?? []).map((message) => message.ruleId ?? 'parse');
}

describe('package boundaries (eslint.config.mjs)', () => {
  beforeAll(() => {
    execFileSync(process.execPath, [`${root}node_modules/nx/dist/bin/nx.js`, 'show', 'projects'], { cwd: root, env: { ...process.env, NX_DAEMON: 'false' }, stdio: 'ignore' });
  });

  it('finds no violation in any package', async () => {
    const results = await eslint.lintFiles(['packages/*/src/**/*.ts']);
    const problems = results.flatMap((result) => result.messages.map((message) => `${result.filePath.slice(root.length)}:${message.line} ${message.ruleId}: ${message.message}`));
    expect(problems).toEqual([]);
    expect(results.length).toBeGreaterThan(300); // it really linted the sources
  });

  it.each([
    ['a pure package importing core', 'packages/schedules/src/zz-probe.ts', "import { createRng } from '@vad/core';\nexport const r = createRng;\n", boundaryRule],
    ['core importing experiments dynamically', 'packages/core/src/zz-probe.ts', "export const m = () => import('@vad/experiments');\n", boundaryRule],
    ['a pure package importing tfjs', 'packages/metrics/src/zz-probe.ts', "import * as tf from '@tensorflow/tfjs';\nexport const t = tf;\n", boundaryRule],
    ['a simulator reading files', 'packages/simulators/src/zz-probe.ts', "import { readFileSync } from 'node:fs';\nexport const f = readFileSync;\n", 'no-restricted-imports'],
    ['core loading child_process dynamically', 'packages/core/src/zz-probe.ts', "export const c = () => import('node:child_process');\n", 'no-restricted-syntax'],
    ['the data package importing simulators', 'packages/data/src/zz-probe.ts', "import { simulatorRegistry } from '@vad/simulators';\nexport const s = simulatorRegistry;\n", boundaryRule],
  ])('reports %s', async (_name, file, text, rule) => {
    expect(await ruleIds(file, text)).toContain(rule);
  });

  it('lets experiments read files and use every package', async () => {
    const text = "import { readFileSync } from 'node:fs';\nimport { createRng } from '@vad/core';\nimport { rocAuc } from '@vad/metrics';\nexport const f = [readFileSync, createRng, rocAuc];\n";
    expect(await ruleIds('packages/experiments/src/zz-probe.ts', text)).toEqual([]);
  });
});
