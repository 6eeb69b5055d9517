import { parse } from 'yaml';
import { ConfigError, type ConfigProblem } from './config-error';
import { setDotted } from './merge';

/** One `--set key=value` override; `value` is parsed as a YAML scalar/flow value (`3`, `true`, `[1, 2]`). */
export interface Override {
  readonly key: string;
  readonly value: unknown;
}

/**
 * Parses `--set` arguments. Values are YAML, so `trainer.epochs=3` gives the number 3 and
 * `data.root=/data/ped2` a string.
 *
 * @example
 * parseOverrides(['trainer.epochs=3', 'schedule.type=static']);
 * // => [{ key: 'trainer.epochs', value: 3 }, { key: 'schedule.type', value: 'static' }]
 */
export function parseOverrides(items: readonly string[]): Override[] {
  const problems: ConfigProblem[] = [];
  const overrides: Override[] = [];
  for (const item of items) {
    const at = item.indexOf('=');
    const key = at > 0 ? item.slice(0, at).trim() : '';
    if (!/^[A-Za-z_][\w-]*(\.[A-Za-z_][\w-]*)*$/.test(key)) {
      problems.push({ file: '--set', path: '', message: `each override must look like dotted.key=value, but got ${JSON.stringify(item)}` });
      continue;
    }
    const text = item.slice(at + 1);
    try {
      overrides.push({ key, value: text.trim() === '' ? '' : (parse(text) as unknown) });
    } catch (error) {
      problems.push({ file: '--set', path: key, message: `must be a YAML value, but got ${JSON.stringify(text)} (${(error as Error).message.split('\n')[0]})` });
    }
  }
  if (problems.length > 0) throw new ConfigError(problems);
  return overrides;
}

/** `raw` with every override applied in order (mappings merge, everything else replaces). */
export function applyOverrides(raw: Record<string, unknown>, overrides: readonly Override[]): Record<string, unknown> {
  return overrides.reduce((acc, { key, value }) => setDotted(acc, key, value), raw);
}
