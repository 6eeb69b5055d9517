import { sectionTypeKeys, type TypeKeys } from './type-keys';

/** Plain mapping (not a list, not null). */
export function isMapping(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * `value` with every `key: null` removed, at any depth (null means "no value here, use the default").
 *
 * @example
 * withoutNulls({ data: { type: 'ped2', synthetic: null } }); // => { data: { type: 'ped2' } }
 */
export function withoutNulls(value: unknown): unknown {
  if (!isMapping(value)) return value;
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== null).map(([k, v]) => [k, withoutNulls(v)]));
}

/** The base keys that carry over when a mapping's `type` changes to `type` (none when the new type is unknown to `typeKeys`). */
function carriedOver(base: Record<string, unknown>, type: string, typeKeys: TypeKeys, path: string): Record<string, unknown> {
  const keys = typeKeys(path, type);
  if (keys === undefined) return {};
  return Object.fromEntries(Object.entries(base).filter(([key]) => key !== 'type' && keys.includes(key)));
}

/**
 * Deep merge for config composition (`extends`, grid values, `--set`), one rule everywhere: a child's
 * keys override, mappings merge key by key, lists and scalars replace, and `key: null` deletes the
 * key (so its default applies) — also inside a section that replaces another. When a mapping's `type`
 * changes, the inherited keys that still apply to the new type are kept: for `data` the frame keys
 * (size, channels, resize, masks, cache, integrity) but not those naming one dataset (root, labels,
 * scene, synthetic); a plugin section (`model`, `simulator`, `schedule`, `data.masks`) keeps none —
 * its options belong to the plugin — and is replaced whole; see {@link sectionTypeKeys}.
 *
 * @example
 * mergeConfig({ trainer: { epochs: 10, lr: 0.01 } }, { trainer: { epochs: 2 } });
 * // => { trainer: { epochs: 2, lr: 0.01 } }
 * mergeConfig({ data: { type: 'synthetic', height: 32, synthetic: { length: 40 } } }, { data: { type: 'ped2', root: '/d' } });
 * // => { data: { type: 'ped2', height: 32, root: '/d' } }
 * mergeConfig({ schedule: { type: 'static', sigma: 0.5 } }, { schedule: { type: 'learned' } });
 * // => { schedule: { type: 'learned' } }
 */
export function mergeConfig(base: unknown, override: unknown, typeKeys: TypeKeys = sectionTypeKeys, path = ''): unknown {
  if (!isMapping(override)) return override;
  if (!isMapping(base)) return withoutNulls(override);
  const type = override['type'];
  const changed = typeof type === 'string' && 'type' in base && base['type'] !== type;
  const merged: Record<string, unknown> = changed ? carriedOver(base, type, typeKeys, path) : { ...base };
  for (const [key, value] of Object.entries(override)) {
    if (value === null) delete merged[key]; // `key: null` removes an inherited value (its default applies)
    else merged[key] = key in merged ? mergeConfig(merged[key], value, typeKeys, path === '' ? key : `${path}.${key}`) : withoutNulls(value);
  }
  return merged;
}

/**
 * Copy of `target` with the value at dotted `key` replaced (merged by {@link mergeConfig} when both are
 * mappings; null removes it). Setting a dotted `….type` changes the type of its mapping by the same
 * rule, dropping the inherited keys the new type does not accept.
 *
 * @example
 * setDotted({ trainer: { epochs: 2, lr: 1 } }, 'trainer.epochs', 5); // => { trainer: { epochs: 5, lr: 1 } }
 * setDotted({ schedule: { type: 'static', sigma: 0.5 } }, 'schedule.type', 'learned'); // => { schedule: { type: 'learned' } }
 * setDotted({ data: { type: 'synthetic', height: 32, synthetic: {} } }, 'data.type', 'ped2'); // => { data: { type: 'ped2', height: 32 } }
 */
export function setDotted(target: Record<string, unknown>, key: string, value: unknown, typeKeys: TypeKeys = sectionTypeKeys, prefix = ''): Record<string, unknown> {
  const [head, ...rest] = key.split('.');
  if (head === undefined || head === '') return target;
  const path = prefix === '' ? head : `${prefix}.${head}`;
  const current = target[head];
  if (rest.length === 0) {
    if (value === null) {
      const { [head]: _removed, ...kept } = target; // `--set key=null` removes the key (its default applies)
      return kept;
    }
    if (head === 'type' && prefix !== '' && typeof value === 'string') return mergeConfig(target, { type: value }, typeKeys, prefix) as Record<string, unknown>;
    return { ...target, [head]: mergeConfig(current, value, typeKeys, path) };
  }
  const child = isMapping(current) ? current : {};
  return { ...target, [head]: setDotted(child, rest.join('.'), value, typeKeys, path) };
}
