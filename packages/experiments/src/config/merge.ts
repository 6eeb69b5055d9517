/** Plain mapping (not a list, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * Deep merge for config composition: mappings merge key by key, lists and scalars in `override`
 * replace, `null` removes the inherited key (so its default applies). A plugin section whose `type` changes is replaced whole (the base's options belong to the
 * other plugin and would be unknown keys).
 *
 * @example
 * mergeConfig({ trainer: { epochs: 10, lr: 0.01 } }, { trainer: { epochs: 2 } });
 * // => { trainer: { epochs: 2, lr: 0.01 } }
 * mergeConfig({ schedule: { type: 'static', sigma: 0.5 } }, { schedule: { type: 'learned' } });
 * // => { schedule: { type: 'learned' } }
 */
export function mergeConfig(base: unknown, override: unknown): unknown {
  if (!isMapping(base) || !isMapping(override)) return override;
  if ('type' in override && 'type' in base && override['type'] !== base['type']) return override;
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key]; // `key: null` removes an inherited value (its default applies)
    else merged[key] = key in base ? mergeConfig(base[key], value) : value;
  }
  return merged;
}

/** Copy of `target` with the value at dotted `key` replaced (merged when both are mappings; null removes it). */
export function setDotted(target: Record<string, unknown>, key: string, value: unknown): Record<string, unknown> {
  const [head, ...rest] = key.split('.');
  if (head === undefined || head === '') return target;
  const current = target[head];
  if (rest.length === 0) {
    if (value !== null) return { ...target, [head]: mergeConfig(current, value) };
    const { [head]: _removed, ...kept } = target; // `--set key=null` removes the key (its default applies)
    return kept;
  }
  const child = isMapping(current) ? current : {};
  return { ...target, [head]: setDotted(child, rest.join('.'), value) };
}
