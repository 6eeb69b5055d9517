import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { sharedDataset } from '../../../../tools/shared-data';
import { main } from '../cli';

const shared = sharedDataset('avenue-sample');
const sample = shared.path;
const dir = mkdtempSync(join(tmpdir(), 'vad-data-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c) => ((out += String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c) => ((err += String(c)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('vad data', () => {
  it.skipIf(!shared.present)(`check --json reports the avenue sample honestly as partial and writes a contact sheet${shared.skipReason}`, { timeout: 60_000 }, async () => {
    const sheet = join(dir, 'sheet.png');
    const r = await run(['data', 'check', '--dataset', 'avenue', '--root', sample, '--json', '--sheet', sheet, '--height', '32', '--width', '32', '--cache-dir', join(dir, 'cache')]);
    expect(r.code).toBe(0);
    const summary = JSON.parse(r.out);
    expect(summary).toMatchObject({ train: { videos: 2, frames: 389 }, test: { videos: 2, frames: 112, anomalousFrames: 89 }, width: 640, height: 360, resized: { width: 32, height: 32 }, channels: 3, partial: true });
    expect(summary.notes.some((n: string) => n.startsWith('source size'))).toBe(false); // all four videos are 640×360
    expect(existsSync(sheet)).toBe(true);
    // second run: frames and source sizes come from the cache sidecars; the human-readable form shows both sizes
    const text = await run(['data', 'check', '--dataset', 'avenue', '--root', sample, '--sheet', sheet, '--height', '32', '--width', '32', '--cache-dir', join(dir, 'cache')]);
    expect(text.out.split('\n').slice(0, 3)).toEqual(['avenue (partial): source 640×360, resized to 32×32×3', '  train: 2 videos, 389 frames', '  test:  2 videos, 112 frames, 89 anomalous']);
  });

  it('synth writes the frames layout that check then reads', { timeout: 60_000 }, async () => {
    const out = join(dir, 'synth');
    const w = await run(['data', 'synth', '--out', out, '--seed', '3', '--length', '20', '--train-videos', '1', '--test-videos', '2', '--height', '16', '--width', '16']);
    expect([w.code, w.out]).toEqual([0, `wrote 60 frames (1 training, 2 test videos) to ${out}\n`]);
    const c = await run(['data', 'check', '--dataset', 'frames', '--root', out, '--json', '--sheet', join(dir, 's2.png'), '--height', '16', '--width', '16', '--cache-dir', join(dir, 'cache')]);
    expect(JSON.parse(c.out)).toMatchObject({ train: { videos: 1, frames: 20 }, test: { videos: 2, frames: 40 }, width: 16, height: 16, resized: { width: 16, height: 16 } });
    // without --contact-sheet nothing is written, in particular not into the working directory
    const cwd = process.cwd();
    const empty = join(dir, 'empty-cwd');
    mkdirSync(empty);
    process.chdir(empty);
    try {
      const quiet = await run(['data', 'check', '--dataset', 'frames', '--root', out, '--height', '16', '--width', '16', '--cache-dir', join(dir, 'cache')]);
      expect(quiet.code).toBe(0);
      expect(quiet.out).not.toContain('contact sheet');
      expect(readdirSync(empty)).toEqual([]);
    } finally {
      process.chdir(cwd);
    }
  });

  it('exits 2 with one clear line for a missing dataset folder', { timeout: 60_000 }, async () => {
    const r = await run(['data', 'check', '--dataset', 'ped2', '--root', join(dir, 'nope'), '--sheet', join(dir, 'x.png')]);
    expect(r.code).toBe(2);
    expect(r.err).toMatch(/nope: must contain Train\/ and Test\/ \(UCSDped2 layout\), but does not/);
  });
});
