import type { z } from 'zod';
import { describeValue } from '@vad/contracts';
import { configProblems, type ConfigProblem } from './config-error';
import { isMapping } from './merge';

/**
 * What config validation needs from a plugin spec — the one PluginSpec shape of models, simulators and
 * schedules: its `type` name and a strict schema of the whole section (with its own `type` literal
 * and every default).
 */
export interface PluginSpecLike {
  readonly type: string;
  readonly description: string;
  readonly options: z.ZodType;
}

/** A registry as config validation sees it: `type` → spec. */
export type PluginCatalog = Readonly<Record<string, PluginSpecLike>>;

/** Result of validating one section: the parsed value, or the problems (never both). */
export type SectionResult<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: ConfigProblem[] };

/** Validates `input` with `schema`, formatting every issue under the dotted `section` prefix. */
export function parseSection<T = unknown>(file: string, section: string, schema: z.ZodType, input: unknown): SectionResult<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data as T };
  return { ok: false, problems: configProblems(file, section.split('.'), schema, input ?? {}, result.error.issues) };
}

/**
 * Two-step validation of a plugin section (`{ type, …options }`): (1) `type` must name an entry of
 * `catalog` — otherwise one problem listing the known types; (2) the whole section is parsed with
 * that plugin's strict schema (which carries the `type` literal), one problem per issue.
 *
 * @example
 * validatePluginSection('x.yaml', 'schedule', 'schedule', scheduleCatalog, { type: 'linaer' });
 * // => { ok: false, problems: [{ path: 'schedule.type', message: 'unknown schedule "linaer"; known: cosine, learned, linear, …' }] }
 */
export function validatePluginSection(
  file: string,
  section: string,
  kind: string,
  catalog: PluginCatalog,
  input: unknown,
  defaultType?: string,
): SectionResult<{ type: string } & Record<string, unknown>> {
  const raw = input === undefined && defaultType !== undefined ? { type: defaultType } : input;
  if (!isMapping(raw)) {
    return { ok: false, problems: [{ file, path: section, message: `must be a mapping with a "type" key, but got ${describeValue(raw)}` }] };
  }
  const type = raw['type'] ?? defaultType;
  const known = Object.keys(catalog).sort().join(', ');
  if (typeof type !== 'string') {
    return { ok: false, problems: [{ file, path: `${section}.type`, message: `must be one of ${known}, but got ${describeValue(type)}` }] };
  }
  const spec = catalog[type];
  if (spec === undefined) {
    return { ok: false, problems: [{ file, path: `${section}.type`, message: `unknown ${kind} "${type}"; known: ${known}` }] };
  }
  // The schema's `type` literal is the spec's own name; the section keeps the `type` it was given
  // (for a simulator plugin, its path or package name).
  const result = parseSection<Record<string, unknown>>(file, section, spec.options, { ...raw, type: spec.type });
  return result.ok ? { ok: true, value: { ...result.value, type } } : result;
}
