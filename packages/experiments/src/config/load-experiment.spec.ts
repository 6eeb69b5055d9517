import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { displayPath } from './compose';
import { ConfigError } from './config-error';
import { loadExperiment } from './load-experiment';
import type { SectionSchemas } from './validate-sections';

// Small hand-written schemas with the same shape as the real registries, so these tests pin the
// loader's behaviour independently of the plugin packages (the real ones are covered by configs.spec.ts).
const schemas: SectionSchemas = {
  data: z.strictObject({ type: z.literal('synthetic').default('synthetic'), height: z.number().int().positive().default(32) }),
  trainer: z.strictObject({
    epochs: z.number().int().positive().default(10),
    lr: z.number().gt(0).default(0.01),
    lossMode: z.enum(['distinction', 'reconstruct-normal', 'max-error']).default('distinction'),
  }),
  protocol: z.strictObject({ patchSize: z.number().int().positive().default(16), smoothing: z.enum(['none', 'median']).default('median') }),
  models: {
    c3dsu: { type: 'c3dsu', description: 'C3DSU', options: z.strictObject({ type: z.literal('c3dsu'), latent: z.number().int().positive().default(64), height: z.number().int().positive() }) },
    unet: { type: 'unet', description: 'UNet', options: z.strictObject({ type: z.literal('unet'), latent: z.number().int().positive().default(64), height: z.number().int().positive() }) },
  },
  simulators: {
    'weighted-noise': { type: 'weighted-noise', description: 'noise', options: z.strictObject({ type: z.literal('weighted-noise'), p: z.number().min(0).max(1).default(1) }) },
    'skipped-frames': { type: 'skipped-frames', description: 'skip', options: z.strictObject({ type: z.literal('skipped-frames'), strides: z.array(z.number().int().positive()).default([2, 3]) }) },
  },
  schedules: {
    learned: { type: 'learned', description: 'learned', options: z.strictObject({ type: z.literal('learned'), initialSigma: z.number().gt(0).lt(1).default(0.5) }) },
    static: { type: 'static', description: 'static', options: z.strictObject({ type: z.literal('static'), sigma: z.number().min(0).max(1).default(0.5) }) },
    none: { type: 'none', description: 'none', options: z.strictObject({ type: z.literal('none') }) },
    linear: { type: 'linear', description: 'linear', options: z.strictObject({ type: z.literal('linear'), start: z.number(), end: z.number() }) },
  },
  modelDefaults: (data) => ({ height: (data as { height: number }).height }),
};

function write(dir: string, name: string, text: string): string {
  const file = join(dir, name);
  writeFileSync(file, text);
  return file;
}

async function problemsOf(file: string, set: string[] = []): Promise<string[]> {
  try {
    await loadExperiment(file, { set }, schemas);
  } catch (error) {
    if (error instanceof ConfigError) return error.message.split('\n');
    throw error;
  }
  throw new Error('expected a ConfigError');
}

describe('loadExperiment', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vad-config-'));
  const label = (file: string): string => displayPath(file);

  it('fills every default, derives model geometry from data and freezes the result', async () => {
    const file = write(dir, 'ok.yaml', 'seed: 7\nmodel: { type: unet }\ntrainer: { epochs: 2 }\n');
    const experiment = await loadExperiment(file, {}, schemas);
    expect(experiment.name).toBe('ok');
    expect(experiment.seeds).toEqual([7]);
    expect(experiment.model).toEqual({ type: 'unet', latent: 64, height: 32 });
    expect(experiment.simulator).toEqual({ type: 'weighted-noise', p: 1 });
    expect(experiment.schedule).toEqual({ type: 'learned', initialSigma: 0.5 });
    expect(experiment.trainer).toEqual({ epochs: 2, lr: 0.01, lossMode: 'distinction' });
    expect(experiment.evaluation).toEqual({ patchSize: 16, smoothing: 'median', batchSize: 8, maxVideos: null });
    expect(experiment.trials).toHaveLength(1);
    expect(experiment.trials[0]?.id).toMatch(/^ok-[0-9a-f]{8}-seed7$/);
    expect(Object.isFrozen(experiment.trials[0]?.config.trainer)).toBe(true);
  });

  it('reports every problem at once in the house form', async () => {
    const file = write(
      dir,
      'bad.yaml',
      ['trainer:', '  epochs: -5', '  lr: fast', 'schedule:', '  type: linear', '  start: 0.5', '  end: 0.1', '  warmupSteps: 3', 'simulator: { type: perlin_noise }', 'modle: {}', ''].join('\n'),
    );
    const f = label(file);
    expect((await problemsOf(file)).sort()).toEqual(
      [
        `${f}: modle: unknown key; allowed: name, description, seed, seeds, backend, workers, grid, data, model, simulator, schedule, trainer, evaluation, output, report, launcher`,
        `${f}: trainer.epochs must be a positive integer, but got -5`,
        `${f}: trainer.lr must be a positive number, but got "fast"`,
        `${f}: schedule.warmupSteps: unknown key; allowed: type, start, end`,
        `${f}: simulator.type: unknown simulator "perlin_noise"; known: skipped-frames, weighted-noise`,
      ].sort(),
    );
  });

  it('describes enums, ranges, lists and missing required keys', async () => {
    const file = write(dir, 'bad2.yaml', 'trainer: { lossMode: mse }\nsimulator: { type: weighted-noise, p: 2 }\nschedule: { type: linear, start: 1 }\nseeds: []\n');
    const f = label(file);
    expect((await problemsOf(file)).sort()).toEqual(
      [
        `${f}: trainer.lossMode must be one of "distinction", "reconstruct-normal", "max-error", but got "mse"`,
        `${f}: simulator.p must be a number in [0, 1], but got 2`,
        `${f}: schedule.end must be a number, but it is missing`,
        `${f}: seeds must be a non-empty list of non-negative integers, but got array of length 0`,
      ].sort(),
    );
  });

  it('points YAML syntax errors at line:column', async () => {
    const file = write(dir, 'syntax.yaml', 'trainer:\n  epochs: 3\n  lr: [0.1, 0.2\nmodel: {}\n');
    const problems = await problemsOf(file);
    expect(problems[0]).toMatch(new RegExp(`^${label(file).replace(/[.]/g, '\\.')}:\\d+:\\d+: YAML syntax error: `));
    const duplicate = write(dir, 'dup.yaml', 'seed: 1\nseed: 2\n');
    expect(await problemsOf(duplicate)).toEqual([`${label(duplicate)}:2:1: YAML syntax error: Map keys must be unique`]);
  });

  it('composes extends (relative, deep merge, type change replaces) and detects cycles', async () => {
    write(dir, 'base.yaml', 'trainer: { epochs: 10, lr: 0.001 }\nschedule: { type: static, sigma: 0.3 }\n');
    const child = write(dir, 'child.yaml', 'extends: ./base.yaml\ntrainer: { epochs: 2, lr: null }\nschedule: { type: none }\n');
    const experiment = await loadExperiment(child, {}, schemas);
    expect(experiment.trainer).toMatchObject({ epochs: 2, lr: 0.01 }); // null removed the base's lr: the default applies
    expect(experiment.schedule).toEqual({ type: 'none' });
    expect(experiment.extends.map((path) => path.split('/').pop())).toEqual(['base.yaml', 'child.yaml']);
    write(dir, 'a.yaml', 'extends: ./b.yaml\n');
    const b = write(dir, 'b.yaml', 'extends: ./a.yaml\n');
    const [message] = await problemsOf(b);
    expect(message).toMatch(/extends must not form a cycle, but got .*b\.yaml → .*a\.yaml → .*b\.yaml$/);
  });

  it('applies --set overrides as YAML values', async () => {
    const file = write(dir, 'set.yaml', 'trainer: { epochs: 3 }\n');
    const experiment = await loadExperiment(file, { set: ['trainer.epochs=1', 'schedule.type=static', 'seeds=[1, 2]'] }, schemas);
    expect(experiment.trainer).toMatchObject({ epochs: 1 });
    expect(experiment.schedule).toEqual({ type: 'static', sigma: 0.5 });
    expect(experiment.trials.map((t) => t.config.seed)).toEqual([1, 2]);
    expect(await problemsOf(file, ['trainer.epochs=0'])).toEqual([`${label(file)}: trainer.epochs must be a positive integer, but got 0`]);
    expect(await problemsOf(file, ['nonsense'])).toEqual(['--set: each override must look like dotted.key=value, but got "nonsense"']);
  });

  it('expands grid × seeds into named trials grouped by everything but the seed', async () => {
    const file = write(
      dir,
      'grid.yaml',
      'seeds: [1, 2]\ngrid:\n  schedule: [{ type: none }, { type: static, sigma: 0.5 }]\n  trainer.lr: [0.01, 0.001]\n',
    );
    const experiment = await loadExperiment(file, {}, schemas);
    const ids = experiment.trials.map((t) => t.id);
    expect(ids).toHaveLength(8);
    expect(ids.map((id) => id.replace(/-[0-9a-f]{8}-/, '-H-'))).toEqual([
      'none_0.01-H-seed1', 'none_0.01-H-seed2', 'none_0.001-H-seed1', 'none_0.001-H-seed2',
      'static-sigma0.5_0.01-H-seed1', 'static-sigma0.5_0.01-H-seed2', 'static-sigma0.5_0.001-H-seed1', 'static-sigma0.5_0.001-H-seed2',
    ]);
    expect(new Set(experiment.trials.map((t) => t.group)).size).toBe(4);
    expect(experiment.trials[2]?.config.trainer).toMatchObject({ lr: 0.001 });
    expect(experiment.trials[4]?.config.schedule).toEqual({ type: 'static', sigma: 0.5 });
    const all = write(dir, 'allgrid.yaml', 'trainer: { epochs: 0 }\ngrid:\n  trainer.lr: [0.1, 0.2]\n');
    expect(await problemsOf(all)).toEqual([`${label(all)}: trainer.epochs must be a positive integer, but got 0`]); // once, not per trial
    const bad = write(dir, 'badgrid.yaml', 'grid:\n  trainer.epochs: [1, -1]\n  optimiser.lr: [1]\n');
    expect((await problemsOf(bad)).sort()).toEqual(
      [
        `${label(bad)}: grid must only have keys starting with one of seed, data, model, simulator, schedule, trainer, evaluation, output, report, backend, but got "optimiser.lr"`,
        `${label(bad)}: trainer.epochs must be a positive integer, but got -1 (grid trial m1_1)`,
      ].sort(),
    );
  });
});
