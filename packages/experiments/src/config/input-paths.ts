import { isAbsolute, resolve } from 'node:path';
import { isMapping } from './merge';

/** Dotted keys naming input files or folders; relative values are relative to the config file that sets them. */
export const inputPathKeys = ['data.root', 'data.labels.file', 'data.masks.file'] as const;

function resolvePath(value: unknown, dir: string): unknown {
  return typeof value === 'string' && value !== '' && !isAbsolute(value) ? resolve(dir, value) : value;
}

function resolveAt(section: unknown, keys: readonly string[], dir: string): unknown {
  if (!isMapping(section)) return section;
  const [head, ...rest] = keys;
  if (head === undefined || !(head in section)) return section;
  return { ...section, [head]: rest.length === 0 ? resolvePath(section[head], dir) : resolveAt(section[head], rest, dir) };
}

/**
 * The config mapping of one file with its input paths ({@link inputPathKeys}, also as grid values)
 * made absolute against `dir`, the folder of that file — the rule `extends` follows. Output paths
 * (`output.dir`, `data.cacheDir`) and `--set` values stay relative to the working directory.
 *
 * @example
 * resolveInputPaths({ data: { root: '../data/ped2' } }, '/work/configs'); // => { data: { root: '/work/data/ped2' } }
 */
export function resolveInputPaths(raw: Record<string, unknown>, dir: string): Record<string, unknown> {
  let out: Record<string, unknown> = raw;
  for (const key of inputPathKeys) out = resolveAt(out, key.split('.'), dir) as Record<string, unknown>;
  const grid = out['grid'];
  if (!isMapping(grid)) return out;
  const resolvedGrid: Record<string, unknown> = { ...grid };
  for (const [key, values] of Object.entries(grid)) {
    if (!Array.isArray(values)) continue;
    if ((inputPathKeys as readonly string[]).includes(key)) resolvedGrid[key] = values.map((v) => resolvePath(v, dir));
    else if (key === 'data') resolvedGrid[key] = values.map((v) => resolveInputPaths({ data: v }, dir)['data']);
    else if (key === 'data.labels' || key === 'data.masks') resolvedGrid[key] = values.map((v) => resolveAt(v, ['file'], dir));
  }
  return { ...out, grid: resolvedGrid };
}
