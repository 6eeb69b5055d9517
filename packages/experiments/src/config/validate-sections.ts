import type { z } from 'zod';
import type { ModelOptions } from '@vad/core';
import type { EvaluationProtocol } from '@vad/metrics';
import type { DataConfig } from '@vad/data';
import type { ConfigProblem } from './config-error';
import { isMapping } from './merge';
import { evaluationRunnerKeys, evaluationRunnerSchema, outputSchema, reportSchema } from './own-sections';
import { parseSection, validatePluginSection, type PluginCatalog, type PluginSpecLike, type SectionResult } from './plugin-section';
import type { TrainerSection } from './trainer-section';

/** The schemas and registries config validation uses (the real ones come from `catalogs.ts`). */
export interface SectionSchemas {
  readonly data: z.ZodType;
  readonly trainer: z.ZodType;
  /** The metrics package's evaluation protocol (scorer, normalisation, smoothing, …). */
  readonly protocol: z.ZodType;
  readonly models: PluginCatalog;
  readonly simulators: PluginCatalog;
  readonly schedules: PluginCatalog;
  /** Fills model geometry (frames, height, width, channels) from the validated data section when the YAML omits it. */
  readonly modelDefaults?: (data: unknown) => Record<string, unknown>;
  /** Loads a simulator given as a path or package name (`type: ./my-sim.js`). */
  readonly loadSimulator?: (type: string, baseDir: string) => Promise<PluginSpecLike>;
}

/** `evaluation:` — the metrics protocol plus the runner's own keys. */
export type EvaluationConfig = EvaluationProtocol & { readonly batchSize: number; readonly maxVideos: number | null };

/** The validated, defaulted sections of one trial (typed by the schemas of their owners). */
export interface TrialSections {
  readonly data: DataConfig;
  readonly model: ModelOptions;
  readonly simulator: { readonly type: string } & Record<string, unknown>;
  readonly schedule: { readonly type: string } & Record<string, unknown>;
  readonly trainer: TrainerSection;
  readonly evaluation: EvaluationConfig;
  readonly output: z.output<typeof import('./own-sections').outputSchema>;
  readonly report: z.output<typeof import('./own-sections').reportSchema>;
}

async function simulatorSection(file: string, raw: unknown, schemas: SectionSchemas, baseDir: string) {
  const type = isMapping(raw) ? raw['type'] : undefined;
  // Any type that is not built in may be a plugin: a path, or an installed package named by its package name.
  if (typeof type === 'string' && schemas.simulators[type] === undefined && schemas.loadSimulator) {
    try {
      const spec = await schemas.loadSimulator(type, baseDir);
      return validatePluginSection(file, 'simulator', 'simulator', { [type]: spec }, raw);
    } catch (error) {
      const message = (error as Error).message;
      if ((error as { pluginNotFound?: boolean }).pluginNotFound === true) {
        return { ok: false as const, problems: [{ file, path: 'simulator.type', message: message.replace(/^simulator\.type: /, '') }] };
      }
      return { ok: false as const, problems: [{ file, path: 'simulator.type', message: `must be a loadable simulator plugin, but ${message}` }] };
    }
  }
  return validatePluginSection(file, 'simulator', 'simulator', schemas.simulators, raw, 'weighted-noise');
}

function evaluationSection(file: string, raw: unknown, schemas: SectionSchemas): SectionResult<Record<string, unknown>> {
  const input = isMapping(raw) ? raw : raw === undefined || raw === null ? {} : raw;
  if (!isMapping(input)) return parseSection(file, 'evaluation', evaluationRunnerSchema, input);
  const own = Object.fromEntries(Object.entries(input).filter(([key]) => evaluationRunnerKeys.includes(key)));
  const protocol = Object.fromEntries(Object.entries(input).filter(([key]) => !evaluationRunnerKeys.includes(key)));
  const a = parseSection<Record<string, unknown>>(file, 'evaluation', evaluationRunnerSchema, own);
  const b = parseSection<Record<string, unknown>>(file, 'evaluation', schemas.protocol, protocol);
  if (a.ok && b.ok) return { ok: true, value: { ...b.value, ...a.value } };
  return { ok: false, problems: [...(a.ok ? [] : a.problems), ...(b.ok ? [] : b.problems)] };
}

const geometryKeys = ['height', 'width', 'channels'];

/**
 * Model geometry the YAML leaves out comes from `data:`; a problem with such a value is the data
 * key's, so it is reported there: `data.height must be a multiple of 16 for model c3dsu (model.height
 * follows data.height), but got 30` rather than blaming a `model.height` the user never wrote.
 */
function blameDataForModelDefaults<T>(result: SectionResult<T>, modelRaw: unknown, modelInput: unknown): SectionResult<T> {
  if (result.ok || modelRaw === modelInput) return result;
  const written = isMapping(modelRaw) ? modelRaw : {};
  const type = isMapping(modelInput) && typeof modelInput['type'] === 'string' ? modelInput['type'] : 'c3dsu';
  return {
    ok: false,
    problems: result.problems.map((problem) => {
      const key = problem.path.split('.')[1] ?? '';
      if (problem.path !== `model.${key}` || !geometryKeys.includes(key) || key in written) return problem;
      const at = problem.message.indexOf(', but ');
      const why = ` for model ${type} (model.${key} follows data.${key})`;
      return { ...problem, path: `data.${key}`, message: at < 0 ? `${problem.message}${why}` : `${problem.message.slice(0, at)}${why}${problem.message.slice(at)}` };
    }),
  };
}

/**
 * Validates every section of one (grid-expanded) raw config and collects ALL problems. Plugin sections
 * go through their registry (two-step), the others through their owner's strict schema.
 */
export async function validateSections(
  file: string,
  raw: Record<string, unknown>,
  schemas: SectionSchemas,
  baseDir: string,
): Promise<SectionResult<TrialSections>> {
  const data = parseSection<Record<string, unknown>>(file, 'data', schemas.data, raw['data']);
  const modelRaw = raw['model'] ?? {};
  const modelInput =
    data.ok && schemas.modelDefaults && isMapping(modelRaw) ? { ...schemas.modelDefaults(data.value), ...modelRaw } : modelRaw;
  const results = {
    data,
    model: blameDataForModelDefaults(validatePluginSection(file, 'model', 'model', schemas.models, modelInput, 'c3dsu'), modelRaw, modelInput),
    simulator: await simulatorSection(file, raw['simulator'], schemas, baseDir),
    schedule: validatePluginSection(file, 'schedule', 'schedule', schemas.schedules, raw['schedule'], 'learned'),
    trainer: parseSection<Record<string, unknown>>(file, 'trainer', schemas.trainer, raw['trainer']),
    evaluation: evaluationSection(file, raw['evaluation'], schemas),
    output: parseSection(file, 'output', outputSchema, raw['output']),
    report: parseSection(file, 'report', reportSchema, raw['report']),
  };
  const problems: ConfigProblem[] = Object.values(results).flatMap((result) => (result.ok ? [] : result.problems));
  if (problems.length > 0) return { ok: false, problems };
  const value = Object.fromEntries(Object.entries(results).map(([key, result]) => [key, result.ok ? result.value : undefined]));
  return { ok: true, value: value as unknown as TrialSections };
}
