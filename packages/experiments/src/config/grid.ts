import { configHash } from './config-hash';
import { isMapping } from './merge';

/** One point of a grid: dotted key → chosen value, plus a readable label. */
export interface GridPoint {
  readonly assignment: Readonly<Record<string, unknown>>;
  /** Readable label from the chosen values, e.g. `static_weighted-noise`; '' for an empty grid. */
  readonly label: string;
}

/** Short readable label of one grid value: scalars as text, plugin sections by their `type`. */
export function valueLabel(value: unknown): string {
  if (isMapping(value)) {
    const type = typeof value['type'] === 'string' ? value['type'] : 'cfg';
    const rest = Object.entries(value).filter(([key]) => key !== 'type');
    const scalars = rest.every(([, item]) => item === null || ['string', 'number', 'boolean'].includes(typeof item));
    const label = [type, ...rest.map(([key, item]) => `${key}${String(item)}`)].join('-');
    return rest.length === 0 ? type : scalars && label.length <= 32 ? label : `${type}~${configHash(value).slice(0, 4)}`;
  }
  if (Array.isArray(value)) return value.map(valueLabel).join('+');
  if (typeof value === 'string' && /[\\/]/.test(value)) return value.split(/[\\/]/).filter((part) => part !== '').at(-1) ?? value; // a path (data.root): its last part
  return String(value);
}

function sanitize(text: string): string {
  const clean = text.replace(/^-(?=\d)/, 'm').replace(/[^A-Za-z0-9.~+-]+/g, '-');
  return clean.replace(/^[-.]+|-+$/g, '').slice(0, 40) || 'x';
}

/**
 * Expands `grid:` (dotted key → list of values) into the cartesian product, first key varying slowest.
 * `seed` is not part of the grid points (seeds make separate trials of the same group).
 *
 * @example
 * expandGrid({ 'schedule.type': ['none', 'static'], 'trainer.lr': [0.01, 0.001] }).map((p) => p.label);
 * // => ['none_0.01', 'none_0.001', 'static_0.01', 'static_0.001']
 */
export function expandGrid(grid: Readonly<Record<string, readonly unknown[]>>): GridPoint[] {
  const keys = Object.keys(grid).filter((key) => key !== 'seed');
  let points: Array<Record<string, unknown>> = [{}];
  for (const key of keys) {
    const values = grid[key] ?? [];
    points = points.flatMap((point) => values.map((value) => ({ ...point, [key]: value })));
  }
  return points.map((assignment) => ({
    assignment,
    label: keys.map((key) => sanitize(valueLabel(assignment[key]))).join('_'),
  }));
}
