import { createHash } from 'node:crypto';

/** JSON with object keys sorted at every level, so equal configs give equal text. */
export function stableStringify(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableStringify).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>)
      .filter(([, item]) => item !== undefined)
      .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stableStringify(item)}`).join(',')}}`;
  }
  return JSON.stringify(value) ?? 'null';
}

/**
 * Short content hash of a config (first 8 hex digits of SHA-256 over {@link stableStringify}); key
 * order does not matter.
 *
 * @example
 * configHash({ b: 1, a: 2 }) === configHash({ a: 2, b: 1 }); // => true
 */
export function configHash(value: unknown): string {
  return createHash('sha256').update(stableStringify(value)).digest('hex').slice(0, 8);
}
