/**
 * Enforces the package boundaries of the design card (house style §6.1) by scanning imports:
 *  - core imports no internal package but the optional native backend (a leaf, loaded dynamically);
 *  - native (the oneDNN tfjs backend) imports no internal package;
 *  - schedules and metrics import no internal package and no @tensorflow/* (schedules: the σ-schedule
 *    contract's TYPES from core's import-free subpath `@vad/core/schedule-contract`, `import type` only);
 *  - simulators may import only core;
 *  - only experiments touches files, YAML or argv (node:fs, yaml, yargs, sharp, child_process).
 * Written by hand because @nx/enforce-module-boundaries needs ESLint + its plugin stack (~100 MB of
 * installs) for what is a 60-line import scan; the tags in each project.json say the same thing.
 * Usage: tsx tools/check-boundaries.ts [project …]   (exit 1 and one line per violation)
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

interface Rule {
  readonly internal: readonly string[]; // internal packages it may import
  readonly banned: readonly RegExp[]; // external modules it must not import
  readonly typeOnly?: readonly string[]; // internal modules it may import with `import type` / `export type` only
}

const io = [/^(node:)?fs(\/promises)?$/, /^yaml$/, /^yargs/, /^sharp$/, /^(node:)?child_process$/, /^@resvg\//];
const rules: Record<string, Rule> = {
  core: { internal: ['native'], banned: io },
  native: { internal: [], banned: io },
  simulators: { internal: ['core'], banned: io },
  schedules: { internal: [], banned: [/^@tensorflow\//, ...io], typeOnly: ['@vad/core/schedule-contract'] },
  metrics: { internal: [], banned: [/^@tensorflow\//, ...io] },
  experiments: { internal: ['core', 'simulators', 'schedules', 'metrics', 'experiments'], banned: [] }, // itself: its plugin API (docs, fixtures)
};

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.ts$/.test(name) && !/\.spec\.ts$/.test(name) ? [path] : [];
  });
}

const importPattern = /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)|^\s*import\s*['"]([^'"]+)['"]/gm;

export function violations(root: string, projects: readonly string[]): string[] {
  const problems: string[] = [];
  for (const project of projects) {
    const rule = rules[project];
    if (rule === undefined) throw new Error(`check-boundaries(project) must be one of ${Object.keys(rules).join(', ')}, but got ${project}`);
    for (const file of sourceFiles(join(root, 'packages', project, 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(importPattern)) {
        const spec = match[1] ?? match[2] ?? match[3] ?? '';
        const where = relative(root, file);
        const internal = /^@vad\/([a-z-]+)/.exec(spec)?.[1];
        const typeOnly = /^(import|export)\s+type\s/.test(match[0].trimStart()) && (rule.typeOnly ?? []).includes(spec);
        if (internal !== undefined && !rule.internal.includes(internal) && !typeOnly) {
          problems.push(`${where}: imports must stay inside ${project}'s allowed packages (${rule.internal.join(', ') || 'none'}), but got "${spec}"`);
        }
        if (rule.banned.some((pattern) => pattern.test(spec))) {
          problems.push(`${where}: ${project} must not import "${spec}" (file/argv I/O lives in experiments; pure packages stay tfjs-free)`);
        }
      }
    }
  }
  return problems;
}

const isMain = process.argv[1] !== undefined && /check-boundaries\.ts$/.test(process.argv[1]);
if (isMain) {
  const requested = process.argv.slice(2);
  const problems = violations(process.cwd(), requested.length > 0 ? requested : Object.keys(rules));
  for (const problem of problems) process.stderr.write(`${problem}\n`);
  process.stdout.write(problems.length === 0 ? 'module boundaries: ok\n' : `module boundaries: ${problems.length} violation(s)\n`);
  process.exitCode = problems.length === 0 ? 0 : 1;
}
