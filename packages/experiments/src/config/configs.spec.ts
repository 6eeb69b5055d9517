import { mkdtempSync, readdirSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sectionSchemas } from './catalogs';
import { displayPath } from './compose';
import { ConfigError } from './config-error';
import { configsDir } from './list-configs';
import { loadExperiment } from './load-experiment';

function yamlFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return yamlFiles(path);
    return /\.ya?ml$/.test(name) ? [path] : [];
  });
}

// Every shipped config must validate against the real registries and schemas, so a renamed option
// cannot silently break one (house style §6.6).
describe('configs/', () => {
  const dir = configsDir();
  const files = yamlFiles(dir).sort();

  it('ships the configs the README documents', () => {
    expect(files.map((f) => relative(dir, f))).toEqual(
      expect.arrayContaining([
        'quickstart.yaml', 'ablation-noise-vs-handcrafted.yaml', 'schedules.yaml', 'sdl-vs-ddl.yaml',
        'benchmark-check.yaml', 'benchmark-check-oracle.yaml', 'benchmark-check-simulators.yaml',
        'ddl-ped2.yaml', 'ddl-avenue.yaml', 'ddl-shanghaitech.yaml', 'ddl-ped2-small.yaml', 'ddl-avenue-small.yaml', 'ddl-shanghaitech-small.yaml',
      ]),
    );
  });

  it.each(files.map((f) => [relative(dir, f), f]))('%s parses into trials', { timeout: 30_000 }, async (_name, file) => {
    const experiment = await loadExperiment(file, {}, sectionSchemas);
    expect(experiment.trials.length).toBeGreaterThan(0);
    expect(new Set(experiment.trials.map((t) => t.id)).size).toBe(experiment.trials.length);
  });

  it('keeps the paper setup in the ddl-* configs', async () => {
    const ped2 = await loadExperiment(join(dir, 'ddl-ped2.yaml'), {}, sectionSchemas);
    expect(ped2.model).toMatchObject({ type: 'c3dsu', frames: 3, latent: 512, height: 256, width: 256 });
    expect(ped2.schedule).toMatchObject({ type: 'learned', initialSigma: 0.5 });
    expect(ped2.trainer).toMatchObject({ lr: 0.01, lambda: 0.01, batchSize: 10, epochs: 10 });
    expect(ped2.evaluation).toMatchObject({ scorer: 'patch-max', patchSize: 16, smoothing: { type: 'median', window: 17 }, edgePolicy: 'drop' });
    const sht = await loadExperiment(join(dir, 'ddl-shanghaitech.yaml'), { set: ['data.root=/data/sht'] }, sectionSchemas);
    expect(sht.trials.map((t) => (t.config.data as { scene: string }).scene)).toEqual(['01', '02', '03', '04', '05', '06', '07', '08', '09', '10', '11', '12']);
    expect(sht.report.summary).toBe('median');
  });

  it('compares none, static and learned σ in the quickstart', async () => {
    const quickstart = await loadExperiment(join(dir, 'quickstart.yaml'), {}, sectionSchemas);
    expect(quickstart.trials.map((t) => t.config.schedule.type)).toEqual(['none', 'static', 'learned']);
    expect(quickstart.data).toMatchObject({ type: 'synthetic', synthetic: { version: 2 } });
  });

  it('runs the benchmark check on exactly the quickstart\'s setup, with the positive control only there', async () => {
    const quickstart = await loadExperiment(join(dir, 'quickstart.yaml'), {}, sectionSchemas);
    const check = await loadExperiment(join(dir, 'benchmark-check.yaml'), {}, sectionSchemas);
    const oracle = await loadExperiment(join(dir, 'benchmark-check-oracle.yaml'), {}, sectionSchemas);
    for (const e of [check, oracle]) expect([e.data, e.model, e.evaluation]).toEqual([quickstart.data, quickstart.model, quickstart.evaluation]);
    expect(check.trials.map((t) => t.config.schedule)).toContainEqual({ type: 'static', sigma: 0 });
    expect(oracle.trials[0]?.config.simulator).toMatchObject({ kinds: quickstart.data.synthetic.anomalies });
    expect(oracle.trials[0]?.config.trainer).toMatchObject({ ...quickstart.trainer, lossMode: 'reconstruct-normal', lambda: 20 });
  });

  it('validates a simulator given as a plugin path with the plugin\'s own schema', async () => {
    const plugin = join(dir, '..', 'examples', 'plugins', 'scanline-glitch.ts');
    const file = join(mkdtempSync(join(tmpdir(), 'vad-plugin-')), 'p.yaml');
    writeFileSync(file, `simulator: { type: ${plugin}, maxShift: 3 }\n`);
    const experiment = await loadExperiment(file, {}, sectionSchemas);
    expect(experiment.simulator).toMatchObject({ type: plugin, maxShift: 3 });
    writeFileSync(file, `simulator: { type: ${plugin}, bogus: 1 }\n`);
    const error = await loadExperiment(file, {}, sectionSchemas).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConfigError);
    expect((error as ConfigError).message).toMatch(new RegExp(`^${displayPath(file).replace(/[.]/g, '\\.')}: simulator\\.bogus: unknown key; allowed: type, maxShift, `));
  });

  it('names the allowed values of a discriminated union, e.g. smoothing and mask types', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'vad-union-')), 'u.yaml');
    writeFileSync(file, 'evaluation:\n  smoothing: { type: mean }\ndata:\n  masks: { type: boxes }\n');
    const error = (await loadExperiment(file, {}, sectionSchemas).catch((e: unknown) => e)) as ConfigError;
    expect(error.message.split('\n')).toEqual([
      `${displayPath(file)}: data.masks.type must be one of "motion", "tracks-json", "random-box", "full-frame", "none", but got "boxes"`,
      `${displayPath(file)}: evaluation.smoothing.type must be one of "none", "median", "gaussian", but got "mean"`,
    ]);
  });
});
