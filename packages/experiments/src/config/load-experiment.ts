import { basename, dirname, extname, resolve } from 'node:path';
import { parseLauncher, type LauncherOverrides } from '../launchers/launcher-config';
import { ConfigError, configProblems, formatProblem, type ConfigProblem } from './config-error';
import { configHash } from './config-hash';
import { baselineProblems, crossCheckProblems } from './cross-checks';
import { composeConfigFile, displayPath } from './compose';
import { deepFreeze, type ExperimentConfig, type Trial, type TrialConfig } from './experiment-config';
import { expandGrid } from './grid';
import { setDotted } from './merge';
import { applyOverrides, parseOverrides } from './overrides';
import { topLevelSchema } from './own-sections';
import { validateSections, type SectionSchemas, type TrialSections } from './validate-sections';

/** Options of {@link loadExperiment}. */
export interface LoadOptions {
  /** `--set key=value` items, applied after `extends` and before validation. */
  readonly set?: readonly string[];
  /** `--backend`, overriding the config's `backend`. */
  readonly backend?: string;
  /** `--launcher`, `--partition`, …, laid over the config's `launcher:`. */
  readonly launcher?: LauncherOverrides;
}

const sections = ['data', 'model', 'simulator', 'schedule', 'trainer', 'evaluation', 'output', 'report', 'backend'];

function gridKeyProblems(file: string, grid: Record<string, readonly unknown[]>): ConfigProblem[] {
  return Object.keys(grid)
    .filter((key) => key !== 'seed' && !sections.includes(key.split('.')[0] ?? ''))
    .map((key) => ({ file, path: 'grid', message: `must only have keys starting with one of ${['seed', ...sections].join(', ')}, but got "${key}"` }));
}

function seedsOf(top: { seed?: number | undefined; seeds?: number[] | undefined }, grid: Record<string, readonly unknown[]>): number[] {
  const fromGrid = grid['seed'];
  if (fromGrid !== undefined) return fromGrid.map(Number);
  return top.seeds ?? [top.seed ?? 0];
}

/**
 * Reads, composes (`extends`), overrides (`--set`), validates and expands (grid × seeds) an experiment
 * config. Every problem of every trial is collected and thrown at once as a {@link ConfigError}.
 *
 * @example
 * const experiment = await loadExperiment('configs/quickstart.yaml', { set: ['trainer.epochs=1'] }, schemas);
 * experiment.trials.map((t) => t.id); // => ['none-1a2b3c4d-seed0', 'static-…-seed0', 'learned-…-seed0']
 */
export async function loadExperiment(file: string, options: LoadOptions, schemas: SectionSchemas): Promise<ExperimentConfig> {
  const label = displayPath(resolve(file));
  const composed = composeConfigFile(file);
  const raw = applyOverrides(composed.raw, parseOverrides(options.set ?? []));
  if (options.backend !== undefined) raw['backend'] = options.backend;
  const top = topLevelSchema.safeParse(raw);
  const problems: ConfigProblem[] = top.success ? [] : configProblems(label, [], topLevelSchema, raw, top.error.issues);
  const grid = top.success ? top.data.grid : {};
  problems.push(...gridKeyProblems(label, grid));
  const launcher = parseLauncher(label, raw['launcher'], options.launcher);
  if (!launcher.ok) problems.push(...launcher.problems);
  const baseDir = dirname(resolve(file));
  const points = expandGrid(grid);
  const validated: Array<{ label: string; assignment: Record<string, unknown>; sections: TrialSections }> = [];
  const failing = new Map<string, { problem: ConfigProblem; trials: string[] }>(); // problem text → trials it occurs in
  for (const point of points) {
    const trialRaw = Object.entries(point.assignment).reduce((acc, [key, value]) => setDotted(acc, key, value), raw);
    const result = await validateSections(label, trialRaw, schemas, baseDir);
    const crossProblems = result.ok ? crossCheckProblems(label, result.value) : [];
    if (result.ok && crossProblems.length === 0) validated.push({ label: point.label, assignment: { ...point.assignment }, sections: result.value });
    else for (const p of result.ok ? crossProblems : result.problems) {
      const key = formatProblem(p);
      failing.set(key, { problem: p, trials: [...(failing.get(key)?.trials ?? []), point.label] });
    }
  }
  for (const { problem, trials } of failing.values()) {
    const some = trials.length < points.length; // name the grid trials only when not all of them fail the same way
    problems.push(some ? { ...problem, message: `${problem.message} (grid trial${trials.length > 1 ? 's' : ''} ${trials.join(', ')})` } : problem);
  }
  if (problems.length > 0 || !top.success || !launcher.ok) throw new ConfigError(problems);
  const name = top.data.name ?? basename(file, extname(file));
  const seeds = seedsOf(top.data, grid);
  const trials: Trial[] = validated.flatMap(({ label: gridLabel, assignment, sections: trialSections }) => {
    const base = { name, description: top.data.description, backend: top.data.backend, ...trialSections };
    const group = `${gridLabel === '' ? name : gridLabel}-${configHash(base)}`;
    return seeds.map((seed) => {
      const config: TrialConfig = { ...base, seed, baseDir };
      return { id: `${group}-seed${seed}`, group, label: gridLabel === '' ? name : gridLabel, assignment, config };
    });
  });
  const first = trials[0]?.config;
  if (first === undefined) throw new Error(`loadExperiment(${label}): grid must expand to at least one trial, but got 0`);
  const baseline = baselineProblems(label, first.report.baseline, trials);
  if (baseline.length > 0) throw new ConfigError(baseline);
  const { seed: _seed, baseDir: _dir, ...firstSections } = first;
  return deepFreeze({ ...firstSections, seeds, grid, workers: top.data.workers, launcher: launcher.value, extends: composed.files, file: resolve(file), trials });
}
