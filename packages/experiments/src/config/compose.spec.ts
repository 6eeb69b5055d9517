import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { sectionSchemas } from './catalogs';
import { composeConfigFile } from './compose';
import { loadExperiment } from './load-experiment';
import { mergeConfig, setDotted } from './merge';

const dir = mkdtempSync(join(tmpdir(), 'vad-compose-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function write(name: string, text: string): string {
  const file = join(dir, name);
  mkdirSync(join(file, '..'), { recursive: true });
  writeFileSync(file, text);
  return file;
}

const base = `data:
  type: synthetic
  height: 32
  width: 32
  channels: 1
  synthetic: { length: 40, testVideos: 3 }
  masks: { type: random-box, minSize: 0.2 }
schedule: { type: static, sigma: 0.3 }
trainer: { epochs: 4, lr: 0.002 }
`;

describe('config composition rules (extends, grid, --set)', () => {
  it('a changed data.type keeps the frame keys, drops the dataset-specific ones, and `null` deletes even then', () => {
    write('base/synthetic.yaml', base);
    const child = write('child.yaml', 'extends: ./base/synthetic.yaml\ndata: { type: frames, root: ./data/ped2, synthetic: null, labels: { name: ped2 } }\n');
    const { raw } = composeConfigFile(child);
    expect(raw['data']).toEqual({ type: 'frames', height: 32, width: 32, channels: 1, masks: { type: 'random-box', minSize: 0.2 }, root: join(dir, 'data/ped2'), labels: { name: 'ped2' } });
  });

  it('a child overrides, mappings merge, `key: null` deletes an inherited key, a plugin whose type changes is replaced whole', () => {
    const merged = mergeConfig(
      { trainer: { epochs: 4, lr: 0.002 }, schedule: { type: 'static', sigma: 0.3 }, data: { masks: { type: 'motion', threshold: 0.1 } } },
      { trainer: { lr: null, epochs: 2 }, schedule: { type: 'learned' }, data: { masks: { type: 'random-box' } } },
    );
    expect(merged).toEqual({ trainer: { epochs: 2 }, schedule: { type: 'learned' }, data: { masks: { type: 'random-box' } } });
    expect(setDotted({ data: { type: 'synthetic', height: 32, root: '/x', synthetic: { length: 9 } } }, 'data.type', 'ped2')).toEqual({ data: { type: 'ped2', height: 32 } });
    expect(setDotted({ schedule: { type: 'static', sigma: 0.3 } }, 'schedule.type', 'learned')).toEqual({ schedule: { type: 'learned' } });
    expect(setDotted({ data: { type: 'synthetic', height: 32 } }, 'data.type', 'synthetic')).toEqual({ data: { type: 'synthetic', height: 32 } });
  });

  it('validates the composed result: height/width survive a data.type change, `synthetic: null` is accepted', async () => {
    write('base/synthetic.yaml', base);
    const file = write('ped2.yaml', 'extends: ./base/synthetic.yaml\nmodel: { type: c3dsu, latent: 8 }\nevaluation: { patchSize: 8 }\ndata: { type: ped2, root: ../datasets/ped2, synthetic: null }\n');
    const experiment = await loadExperiment(file, {}, sectionSchemas);
    expect(experiment.data).toMatchObject({ type: 'ped2', height: 32, width: 32, channels: 1, root: join(dir, '../datasets/ped2') });
    expect(experiment.model).toMatchObject({ height: 32, width: 32, channels: 1 });
  });

  it('input paths are relative to the config file that sets them (like extends); --set values stay as typed', async () => {
    write('base/with-root.yaml', `${base}\n`.replace('type: synthetic', 'type: frames\n  root: ./frames\n  labels: { file: ./labels.npy }'));
    const nested = write('nested/child.yaml', 'extends: ../base/with-root.yaml\nmodel: { type: c3dsu, latent: 8 }\nevaluation: { patchSize: 8 }\n');
    const experiment = await loadExperiment(nested, {}, sectionSchemas);
    expect(experiment.data.root).toBe(join(dir, 'base/frames')); // the base's folder, not the child's or the working directory
    expect(experiment.data.labels.file).toBe(join(dir, 'base/labels.npy'));
    const set = await loadExperiment(nested, { set: ['data.root=relative/here'] }, sectionSchemas);
    expect(set.data.root).toBe('relative/here'); // command-line paths are relative to the working directory
    const grid = write('grid.yaml', `${base.replace('type: synthetic', 'type: frames')}model: { type: c3dsu, latent: 8 }\nevaluation: { patchSize: 8 }\ngrid:\n  data.root: [./a, /abs/b]\n`);
    const trials = (await loadExperiment(grid, {}, sectionSchemas)).trials;
    expect(trials.map((t) => t.config.data.root)).toEqual([join(dir, 'a'), '/abs/b']);
    expect(trials.map((t) => t.label)).toEqual(['a', 'b']); // labelled by the last part of the path
  });
});
