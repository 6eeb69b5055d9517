import { dirname, relative, resolve } from 'node:path';
import { ConfigError } from './config-error';
import { resolveInputPaths } from './input-paths';
import { mergeConfig } from './merge';
import { readYamlFile } from './read-yaml';

/** How a path is shown in messages: relative to the working directory when shorter. */
export function displayPath(file: string, cwd: string = process.cwd()): string {
  const rel = relative(cwd, file);
  return rel !== '' && !rel.startsWith('..') ? rel : file;
}

function extendsList(raw: Record<string, unknown>, label: string): string[] {
  const value = raw['extends'];
  if (value === undefined || value === null) return [];
  const list = Array.isArray(value) ? value : [value];
  if (!list.every((item): item is string => typeof item === 'string' && item !== '')) {
    throw new ConfigError([
      { file: label, path: 'extends', message: `must be a relative path or a list of paths, but got ${JSON.stringify(value)}` },
    ]);
  }
  return list;
}

/**
 * Reads `file` and the chain of configs it `extends:` (paths relative to the file that names them,
 * later bases override earlier ones, the file itself overrides all), deep-merged with
 * {@link mergeConfig}. Input paths (`data.root`, `data.labels.file`, `data.masks.file`) are made
 * absolute against the folder of the file that sets them, as `extends` is. Cycles are an error
 * naming the chain.
 *
 * @example
 * // small.yaml: { extends: ./base.yaml, trainer: { epochs: 2 } }; base.yaml: { trainer: { epochs: 10, lr: 0.01 } }
 * composeConfigFile('small.yaml').raw.trainer; // => { epochs: 2, lr: 0.01 }
 */
export function composeConfigFile(file: string, chain: readonly string[] = []): { raw: Record<string, unknown>; files: string[] } {
  const absolute = resolve(file);
  const label = displayPath(absolute);
  if (chain.includes(absolute)) {
    const cycle = [...chain.slice(chain.indexOf(absolute)), absolute].map((item) => displayPath(item)).join(' → ');
    throw new ConfigError([{ file: label, path: 'extends', message: `must not form a cycle, but got ${cycle}` }]);
  }
  const own = resolveInputPaths(readYamlFile(absolute, label), dirname(absolute));
  let merged: unknown = {};
  const files: string[] = [];
  for (const base of extendsList(own, label)) {
    const composed = composeConfigFile(resolve(dirname(absolute), base), [...chain, absolute]);
    merged = mergeConfig(merged, composed.raw);
    files.push(...composed.files);
  }
  const rest: Record<string, unknown> = { ...own };
  delete rest['extends'];
  files.push(absolute);
  return { raw: mergeConfig(merged, rest) as Record<string, unknown>, files };
}
