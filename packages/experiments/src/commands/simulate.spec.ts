import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

describe('vad simulate', () => {
  it('renders one row per simulator and one column per σ', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vad-simulate-'));
    const config = join(dir, 'sims.yaml');
    const plugin = fileURLToPath(new URL('../../../../examples/plugins/scanline-glitch.ts', import.meta.url));
    writeFileSync(config, `simulators:\n  - type: weighted-noise\n  - type: ${plugin}\n`);
    const out = join(dir, 'gallery.png');
    const write = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const code = await main(['simulate', '--config', config, '--size', '16', '--out', out]);
    write.mockRestore();
    expect(code).toBe(0);
    const { width, height } = await sharp(out).metadata();
    expect([width, height]).toEqual([170 + 5 * (3 * 16 + 2 * 2 + 8), 24 + 2 * (16 + 8)]);
  });

  it('reports a bad simulator in the config with its place and exit code 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vad-simulate-'));
    const config = join(dir, 'bad.yaml');
    writeFileSync(config, 'simulators:\n  - type: random-patch\n    alpha: 3\n');
    const errors: string[] = [];
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => errors.push(String(chunk)) > 0);
    const code = await main(['simulate', '--config', config, '--out', join(dir, 'x.png')]);
    spy.mockRestore();
    expect(code).toBe(2);
    expect(errors.join('')).toBe(`${config}: simulators.0.alpha must be ≤ 1, but got 3\n`);
  });
});
