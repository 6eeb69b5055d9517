import type { z } from 'zod';
import { describeValue } from '@vad/core';
import type { ConfigProblem } from './config-error';
import { formatIssues } from './format-issues';
import { isMapping } from './merge';

/** What config validation needs from a plugin spec (models, simulators and schedules all have it). */
export interface PluginSpecLike {
  readonly description: string;
  /** Strict schema of the section with every default; it includes the `type` key unless `typeless`. */
  readonly options: z.ZodType;
  /** True when `options` validates the section WITHOUT its `type` key (the simulators' convention). */
  readonly typeless?: boolean;
}

/** A registry as config validation sees it: `type` → spec. */
export type PluginCatalog = Readonly<Record<string, PluginSpecLike>>;

/** Result of validating one section: the parsed value, or the problems (never both). */
export type SectionResult<T = unknown> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly problems: ConfigProblem[] };

/** Validates `input` with `schema`, formatting every issue under the dotted `section` prefix. */
export function parseSection<T = unknown>(file: string, section: string, schema: z.ZodType, input: unknown): SectionResult<T> {
  const result = schema.safeParse(input ?? {});
  if (result.success) return { ok: true, value: result.data as T };
  return { ok: false, problems: formatIssues(file, section.split('.'), schema, input ?? {}, result.error.issues) };
}

/**
 * Two-step validation of a plugin section (`{ type, …options }`): (1) `type` must name an entry of
 * `catalog` — otherwise one problem listing the known types; (2) the whole section is parsed with
 * that plugin's strict schema, one problem per issue.
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
  if (spec.typeless !== true) return parseSection(file, section, spec.options, { ...raw, type });
  const { type: _type, ...rest } = raw;
  const result = parseSection<Record<string, unknown>>(file, section, spec.options, rest);
  if (result.ok) return { ok: true, value: { type, ...result.value } };
  const allowed = (message: string): string => message.replace(/^unknown key; allowed: /, 'unknown key; allowed: type, ');
  return { ok: false, problems: result.problems.map((p) => (p.path.split('.').length === 2 ? { ...p, message: allowed(p.message) } : p)) };
}
