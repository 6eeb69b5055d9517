import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import type { BenchmarkCheck } from '../report/benchmark-check';

// A tiny benchmark check: 16×16 frames, 5 steps per trial — it tests the plumbing, not the calibration.
const base = `
backend: wasm
data:
  type: synthetic
  height: 16
  width: 16
  channels: 3
  synthetic: { trainVideos: 1, testVideos: 4, length: 24, density: 2, difficulty: 0 }
  masks: { type: motion }
model: { type: c3dsu, latent: 8, frames: 3 }
evaluation: { patchSize: 8, batchSize: 8 }
report: { bootstrap: 20, figureSamples: 0, plots: false }
`;
const oracle = resolve('packages/experiments/src/data/synthetic/oracle-paste.ts');

describe('vad data calibrate (tiny check, end to end)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vad-calibrate-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('runs the check configs, measures every property and writes calibration.md/json', { timeout: 240_000 }, async () => {
    writeFileSync(join(root, 'main.yaml'), `${base}seeds: [0, 1]\ntrainer: { epochs: 1, batchSize: 4 }\ngrid:\n  schedule: [{ type: none }, { type: static, sigma: 0 }]\n`);
    writeFileSync(join(root, 'oracle.yaml'), `${base}seeds: [0]\nsimulator: { type: ${oracle} }\nschedule: { type: static, sigma: 1 }\ntrainer: { epochs: 1, batchSize: 4, lossMode: reconstruct-normal, lambda: 20 }\n`);
    const out = join(root, 'out');
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    let code: number;
    try {
      code = await main(['data', 'calibrate', '--config', join(root, 'main.yaml'), join(root, 'oracle.yaml'), '--out', out]);
    } finally {
      spy.mockRestore();
    }
    const check = JSON.parse(readFileSync(join(out, 'calibration.json'), 'utf8')) as BenchmarkCheck;
    expect(check.dataset).toBe('synthetic-v2');
    expect(check.plain.seeds).toEqual([0, 1]);
    expect([check.positive.length, check.negative.length]).toEqual([1, 2]);
    expect(check.lines.every((line) => line.pass !== null)).toBe(true);
    expect(code).toBe(check.lines.every((line) => line.pass) ? 0 : 1); // exit 1 when a property misses its target
    const text = readFileSync(join(out, 'calibration.md'), 'utf8');
    expect(text).toContain('| property | measured | target | verdict |');
    expect(text).toContain('AUC per anomaly kind');
  });
});
