// Test helper for the specs of every package (not part of any build): data that lives outside the repository, in ../shared.
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = fileURLToPath(new URL('../', import.meta.url));

/** A dataset under `$VAD_SHARED/datasets/` (default `<repo>/../shared`), and whether it is there. */
export interface SharedDataset {
  readonly path: string;
  readonly present: boolean;
  /** One line for a suite title when absent: why its tests are skipped and how to run them. */
  readonly skipReason: string;
}

/**
 * Locates `datasets/<name>` of the shared data folder. Tests that need it use
 * `describe.skipIf(!sample.present)(title + sample.skipReason, …)`, so a plain `git clone` (no
 * ../shared beside it) skips them with a one-line reason and CI, which has the folder, runs them.
 *
 * @example
 * const sample = sharedDataset('avenue-sample'); // => { path: '/work/shared/datasets/avenue-sample', present: true, skipReason: '' }
 */
export function sharedDataset(name: string): SharedDataset {
  const path = resolve(process.env.VAD_SHARED ?? resolve(repoRoot, '../shared'), 'datasets', name);
  const present = existsSync(path);
  const skipReason = present ? '' : ` [skipped: ${path} not found — set VAD_SHARED to the shared folder to run]`;
  if (!present) process.stdout.write(`skipping tests that need datasets/${name}: ${path} not found (set VAD_SHARED to run them)\n`);
  return { path, present, skipReason };
}
