import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { parseSmoothing } from './metrics';

const dir = mkdtempSync(join(tmpdir(), 'vad-metrics-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function csv(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

let out = '';
let err = '';
beforeEach(() => {
  out = '';
  err = '';
  vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => ((out += String(chunk)), true));
  vi.spyOn(process.stderr, 'write').mockImplementation((chunk: string | Uint8Array) => ((err += String(chunk)), true));
});
afterEach(() => vi.restoreAllMocks());

// v1 is scikit-learn's textbook case (roc_auc_score 0.75, average_precision_score 0.8333…); v2 is all
// normal, so the macro AUC pads it (AUC 1); frame 0 of v1 is unscored (edge frame dropped).
const scores = ['video,frame,score,label', 'v1,0,,1', 'v1,1,0.1,0', 'v1,2,0.4,0', 'v1,3,0.35,1', 'v1,4,0.8,1', 'v2,0,0.2,0', 'v2,1,0.3,0', ''].join('\n');

describe('vad metrics', () => {
  it('prints one JSON object with the metrics and the evaluation card', async () => {
    const file = csv('scores.csv', scores);
    expect(await main(['metrics', '--scores', file, '--json'])).toBe(0);
    const result = JSON.parse(out) as Record<string, unknown>;
    expect(Object.keys(result)).toEqual(['aucMicro', 'aucMacro', 'ap', 'eer', 'f1', 'threshold', 'frames', 'anomalousFrames', 'videos', 'card']);
    // pooled: positives {0.35, 0.8} vs negatives {0.1, 0.4, 0.2, 0.3}: 7 of 8 pairs ordered
    expect(result).toMatchObject({ aucMicro: 0.875, aucMacro: 0.875, frames: 6, anomalousFrames: 2, videos: 2, threshold: 0.35 });
    expect(result.card).toMatchObject({ smoothing: { type: 'none' }, frames: { total: 7, scored: 6, anomalous: 2 }, paddedVideos: 1, edgePolicy: 'drop' });
    // the command never saw error maps: the card says the scores were given, not "patch-max (P=16)"
    expect(result.card).toMatchObject({ scorer: 'given', patchSize: null, psnrPeak: null });
    expect(await main(['metrics', '--scores', file, '--json', '--scorer', 'patch-max', '--patch-size', '8'])).toBe(0);
    expect(JSON.parse(out.slice(out.lastIndexOf('{\n  "aucMicro"'))).card).toMatchObject({ scorer: 'patch-max', patchSize: 8 });
  });

  it('applies --smoothing, --normalize and --aggregation and records them', async () => {
    const file = csv('scores2.csv', scores);
    const code = await main(['metrics', '--scores', file, '--json', '--smoothing', 'median:3', '--normalize', 'per-video-minmax', '--aggregation', 'median', '--auc', 'macro']);
    expect(code).toBe(0);
    const { card } = JSON.parse(out) as { card: Record<string, unknown> };
    expect(card).toMatchObject({ smoothing: { type: 'median', window: 3 }, normalization: 'per-video-minmax', aggregation: 'median', auc: 'macro' });
  });

  it('prints a readable summary by default', async () => {
    const file = csv('scores3.csv', scores);
    expect(await main(['metrics', '--scores', file])).toBe(0);
    expect(out).toContain('frame AUC (micro)  87.50 %  ← headline');
    expect(out).toContain('AP                 ');
    expect(out).toContain('1 single-class video(s) padded');
    expect(out).toContain('6 scored of 7, 2 anomalous; 2 videos; 1 scene(s)');
    expect(out).toMatch(/v2\s+2\s+0\s+0\s+100\.00 % \(padded\)/);
    expect(out).toContain('protocol           scorer given (scores read from the CSV as they are) · normalisation none');
  });

  it('exits 2 with file and line for a bad CSV, without a stack trace', async () => {
    const file = csv('bad.csv', 'video,frame,score,label\nv1,0,0.1,0\nv1,1,abc,1\n');
    expect(await main(['metrics', '--scores', file])).toBe(2);
    expect(err).toBe(`${file}:3: score must be a finite number, but got "abc"\n`);
  });

  it('exits 2 when the frames hold one class, naming the file', async () => {
    const file = csv('normal.csv', 'video,frame,score,label\nv1,0,0.1,0\nv1,1,0.2,0\n');
    expect(await main(['metrics', '--scores', file])).toBe(2);
    expect(err).toBe(`${file}: evaluate(labels) requires at least one positive and one negative label, but got 2 negatives and 0 positives\n`);
  });

  it('exits 2 for a missing file and bad flags', async () => {
    expect(await main(['metrics', '--scores', join(dir, 'nope.csv')])).toBe(2);
    expect(err).toContain(`vad metrics: --scores must be a readable CSV file, but got "${join(dir, 'nope.csv')}" (ENOENT)`);
    err = '';
    expect(await main(['metrics', '--scores', csv('ok.csv', scores), '--smoothing', 'median:16'])).toBe(2);
    expect(err).toBe('vad metrics: --smoothing must be none, median[:odd window] or gaussian[:sigma > 0], but got "median:16"\n');
    err = '';
    expect(await main(['metrics', '--scores', csv('ok2.csv', scores), '--patch-size', '15'])).toBe(2);
    expect(err).toBe('vad metrics: --patch-size must be an even integer >= 2, but got 15\n');
  });
});

describe('parseSmoothing', () => {
  it('reads the flag forms', () => {
    expect(parseSmoothing('none')).toEqual({ type: 'none' });
    expect(parseSmoothing('median')).toEqual({ type: 'median', window: 17 });
    expect(parseSmoothing('median:9')).toEqual({ type: 'median', window: 9 });
    expect(parseSmoothing('gaussian:1.5')).toEqual({ type: 'gaussian', sigma: 1.5 });
    expect(parseSmoothing('gaussian')).toEqual({ type: 'gaussian', sigma: 3 });
    expect(() => parseSmoothing('box:3')).toThrow('--smoothing must be none, median[:odd window] or gaussian[:sigma > 0], but got "box:3"');
    expect(() => parseSmoothing('gaussian:')).toThrow('but got "gaussian:"');
  });
});
