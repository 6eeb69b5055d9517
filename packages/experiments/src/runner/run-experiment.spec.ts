import { spawn } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as tf from '@tensorflow/tfjs';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { readJsonl } from '../io/jsonl';
import { parseScoresCsv } from '../io/scores-csv';
import type { TrialMetrics } from './run-trial';
import { findFfmpeg } from '@vad/data';
import { runExperiment } from './run-experiment';
import { vadBin } from './worker-pool';

// A tiny quickstart: 16×16 gray synthetic scenes, one 24-frame training video (5 steps of 4 clips),
// c3dsu with latent 8, one epoch; none vs learned σ. Runs in seconds on the wasm backend.
const tinyConfig = `
name: tiny
description: tiny quickstart for the end-to-end spec
seed: 3
backend: wasm
data:
  type: synthetic
  height: 16
  width: 16
  channels: 1
  synthetic: { scenes: 1, trainVideos: 1, testVideos: 2, length: 24, density: 2, difficulty: 0 }
  masks: { type: random-box }
model: { type: c3dsu, latent: 8, frames: 3 }
trainer: { epochs: 1, batchSize: 4, checkpointEvery: 2 }
evaluation: { patchSize: 8, batchSize: 8 }
output: { keepCheckpoints: 10 }
report: { bootstrap: 20, figureSamples: 1, timelineVideos: 1, plots: false }
grid:
  schedule: [{ type: none }, { type: learned }]
`;

/** Lock files left anywhere under `dir`. */
function locksUnder(dir: string): string[] {
  return (readdirSync(dir, { recursive: true }) as string[]).filter((name) => name.endsWith('.vad.lock'));
}

async function vad(args: string[], onLine?: (text: string) => void): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
    chunks.push(String(chunk));
    onLine?.(String(chunk));
    return true;
  });
  try {
    const code = await main(args);
    return { code, out: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('vad run (tiny quickstart, end to end)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vad-run-'));
  const config = join(root, 'tiny.yaml');
  const out = join(root, 'out');
  let first: { code: number; out: string };
  let trials: string[];

  beforeAll(async () => {
    writeFileSync(config, tinyConfig);
    first = await vad(['run', config, '--out', out]);
    trials = readdirSync(out).filter((name) => name.includes('-seed3')).sort();
  });
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('writes one complete folder per trial', () => {
    expect(first.code).toBe(0);
    expect(trials.map((t) => t.replace(/-[0-9a-f]{8}-/, '-H-'))).toEqual(['learned-H-seed3', 'none-H-seed3']);
    const dir = join(out, trials[0] as string);
    for (const file of ['config.json', 'trial.json', 'environment.json', 'steps.jsonl', 'model.ckpt', 'scores.csv', 'metrics.json', 'done.json', 'figures/figure4.png']) {
      expect(existsSync(join(dir, file)), file).toBe(true);
    }
    expect(readdirSync(join(dir, 'checkpoints'))).toEqual(['step-000000002.ckpt', 'step-000000004.ckpt', 'step-000000005.ckpt']);
    const env = JSON.parse(readFileSync(join(dir, 'environment.json'), 'utf8')) as { backend: { name: string }; gitCommit: string; packages: Record<string, string> };
    expect(env.backend.name).toBe('wasm');
    expect(env.gitCommit).toMatch(/^([0-9a-f]{40}|unknown)$/);
    expect(env.packages['@tensorflow/tfjs']).toBe('4.22.0');
    expect(JSON.parse(readFileSync(join(dir, 'config.json'), 'utf8'))).toMatchObject({ seed: 3, schedule: { type: 'learned' }, trainer: { epochs: 1, lambda: 0.01 } });
    expect(locksUnder(out)).toEqual([]); // the experiment and trial locks are gone once the run ends
  });

  it('logs every step and scores every test frame (edge frames left empty)', () => {
    const dir = join(out, trials[0] as string);
    const steps = readJsonl<{ step: number; sigma: number | null; lDist: number | null }>(join(dir, 'steps.jsonl'));
    expect(steps.map((s) => s.step)).toEqual([0, 1, 2, 3, 4]);
    expect(steps.every((s) => s.sigma !== null && s.sigma > 0 && s.sigma < 1 && s.lDist !== null)).toBe(true);
    const rows = parseScoresCsv(readFileSync(join(dir, 'scores.csv'), 'utf8'), 'scores.csv');
    expect(rows).toHaveLength(2 * 24);
    expect(rows.filter((r) => r.score === null).map((r) => r.frame)).toEqual([0, 23, 0, 23]);
    const metrics = JSON.parse(readFileSync(join(dir, 'metrics.json'), 'utf8')) as TrialMetrics;
    expect(metrics.evaluation.card.frames).toEqual({ total: 48, scored: 44, anomalous: metrics.evaluation.anomalousFrames });
    expect(metrics.evaluation.card).toMatchObject({ scorer: 'patch-max', patchSize: 8, edgePolicy: 'drop' });
    expect(metrics.evaluation.aucMicro).toBeGreaterThanOrEqual(0);
    expect(metrics.evaluation.aucMicro).toBeLessThanOrEqual(1);
    expect(metrics.training.steps).toBe(5);
    expect(metrics.training.finalSigma).toBeCloseTo(steps[4]?.sigma ?? NaN, 2);
  });

  it('prints the AUC table and writes the report files', () => {
    expect(first.out).toMatch(/trial group\s+seeds\s+AUC micro %/);
    expect(first.out).toMatch(/\nnone \(baseline\)\s+1\s+\d+\.\d\d/);
    expect(first.out).toMatch(/\nlearned\s+1\s+\d+\.\d\d/);
    for (const file of ['table.md', 'table.csv', 'table.json']) expect(existsSync(join(out, 'report', file))).toBe(true);
    const csv = readFileSync(join(out, 'report', 'table.csv'), 'utf8').split('\n');
    // then AUC, std and DeLong p of each anomaly kind of the synthetic test videos
    expect(csv[0]).toMatch(/^kind,label,group,seeds,aucMicro,aucMicroStd,aucMicroLower,aucMicroUpper,interval,aucMacro,aucMacroStd,pValue,finalSigma,trainSeconds,protocol,source(,auc:[a-z-]+,auc:[a-z-]+:std,p:[a-z-]+)+$/);
    expect(csv.slice(1, 3).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['ours,none', 'ours,learned']);
  });

  it('skips finished trials on a rerun', async () => {
    const before = readFileSync(join(out, trials[0] as string, 'scores.csv'), 'utf8');
    const again = await vad(['run', config, '--out', out]);
    expect(again.code).toBe(0);
    expect(again.out).toMatch(/2 trial\(s\), 2 already done/);
    expect(again.out).not.toMatch(/epoch 1\/1/);
    expect(readFileSync(join(out, trials[0] as string, 'scores.csv'), 'utf8')).toBe(before);
  });

  it('resumes an interrupted trial from its last checkpoint and reaches the same result', async () => {
    const dir = join(out, trials[0] as string);
    const reference = readFileSync(join(dir, 'scores.csv'), 'utf8');
    const tensorsBefore = tf.memory().numTensors;
    const copy = join(root, 'resume');
    cpSync(out, copy, { recursive: true });
    const trialDir = join(copy, trials[0] as string);
    // State of a run killed after step 4 of 5: no done marker, results or final model, the newer
    // checkpoint gone, a step record written after the checkpoint and a torn last line.
    for (const file of ['done.json', 'metrics.json', 'scores.csv', 'model.ckpt', 'checkpoints/step-000000005.ckpt']) rmSync(join(trialDir, file));
    const log = readFileSync(join(trialDir, 'steps.jsonl'), 'utf8');
    writeFileSync(join(trialDir, 'steps.jsonl'), `${log}{"step":5,"torn`);
    const resumed = await vad(['run', config, '--out', copy]);
    expect(resumed.code).toBe(0);
    expect(resumed.out).toMatch(/1 already done/);
    expect(resumed.out).toMatch(/resuming from .*step-000000004\.ckpt \(step 4\)/);
    const records = readJsonl<{ step: number; loss: number | null }>(join(trialDir, 'steps.jsonl'));
    expect(records.map((s) => s.step)).toEqual([0, 1, 2, 3, 4]);
    // the epoch summary covers the whole epoch (steps 0–4), not only step 4 trained after the resume
    const losses = records.map((r) => r.loss).filter((l): l is number => l !== null);
    const mean = losses.reduce((a, b) => a + b, 0) / losses.length;
    expect(resumed.out).toMatch(new RegExp(`epoch 1/1: loss ${mean.toPrecision(4).replace('.', '\\.')},`));
    expect(readFileSync(join(trialDir, 'scores.csv'), 'utf8')).toBe(reference);
    expect(tf.memory().numTensors).toBe(tensorsBefore); // the trained model and every step tensor were disposed
  });

  it('re-evaluates a trained trial under another protocol (vad eval)', async () => {
    const dir = join(out, trials[0] as string);
    const result = await vad(['eval', dir, '--set', 'evaluation.edgePolicy=replicate', '--set', 'evaluation.smoothing={type: median, window: 3}']);
    expect(result.code).toBe(0);
    const rows = parseScoresCsv(readFileSync(join(dir, 'eval', 'scores.csv'), 'utf8'), 'scores.csv');
    expect(rows.filter((r) => r.score === null)).toHaveLength(0); // replicate: every frame scored
    const metrics = JSON.parse(readFileSync(join(dir, 'eval', 'metrics.json'), 'utf8')) as { evaluation: { card: { smoothing: unknown; edgePolicy: string } } };
    expect(metrics.evaluation.card).toMatchObject({ smoothing: { type: 'median', window: 3 }, edgePolicy: 'replicate', resize: 'none (frames rendered at the model size)' });
    expect(result.out).toMatch(/AUC micro \d+\.\d\d %, macro/);
    const bad = await vad(['eval', dir, '--set', 'evaluation.smoothing={type: median, window: 4}']);
    expect(bad.code).toBe(2);
  });

  it('scores a folder of frames with a trained model (vad infer)', async () => {
    const frames = join(root, 'frames');
    mkdirSync(frames);
    for (let i = 1; i <= 6; i++) {
      const pixels = Buffer.alloc(20 * 24 * 3, 40 * i); // 20×24 RGB frames of rising brightness
      await sharp(pixels, { raw: { width: 24, height: 20, channels: 3 } }).png().toFile(join(frames, `img_${String(i).padStart(3, '0')}.png`));
    }
    const target = join(root, 'infer 100%d'); // a `%` used to make ffmpeg read the path as a pattern: no overlay.mp4
    const result = await vad(['infer', join(out, trials[0] as string), frames, '--out', target, '--fps', '5']);
    expect(result.code).toBe(0);
    const csv = readFileSync(join(target, 'scores.csv'), 'utf8').trim().split('\n');
    expect(csv[0]).toBe('frame,time,score,smoothed');
    expect(csv.slice(1).map((line) => line.split(',').slice(0, 2).join(','))).toEqual(['0,0.000', '1,0.200', '2,0.400', '3,0.600', '4,0.800', '5,1.000']);
    expect(csv.slice(1).every((line) => Number(line.split(',')[2]) > 0)).toBe(true);
    expect(readdirSync(join(target, 'overlay-frames'))).toHaveLength(6);
    for (const file of ['scores.svg', 'scores.png']) expect(existsSync(join(target, file))).toBe(true);
    expect(result.out).toMatch(/overlay: (overlay\.mp4|PNG frames only)/);
    let ffmpeg = true;
    try {
      findFfmpeg();
    } catch {
      ffmpeg = false;
    }
    if (ffmpeg) expect(existsSync(join(target, 'overlay.mp4'))).toBe(true);
  });

  it('stops at a signal without marking the trial done, and says how to resume', async () => {
    const controller = new AbortController();
    controller.abort();
    const target = join(root, 'aborted');
    const run = runExperiment({ config, out: target, set: ['grid={}', 'schedule.type=none'], log: () => undefined, signal: controller.signal });
    await expect(run).rejects.toMatchObject({ exitCode: 130, message: expect.stringMatching(/interrupted at step 0; rerun the same command to resume/) });
    const [trialDir] = readdirSync(target).filter((name) => name.endsWith('-seed3'));
    expect(existsSync(join(target, trialDir as string, 'done.json'))).toBe(false);
    expect(existsSync(join(target, trialDir as string, 'config.json'))).toBe(true);
  });

  it('runs trials in parallel child processes with --workers', async () => {
    const target = join(root, 'parallel');
    const result = await vad(['run', config, '--out', target, '--workers', '2', '--set', 'report.figureSamples=0']);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/\[none-[0-9a-f]{8}-seed3\] none-[0-9a-f]{8}-seed3: trained, AUC micro/);
    expect(result.out).toMatch(/\[learned-[0-9a-f]{8}-seed3\] learned-[0-9a-f]{8}-seed3: trained, AUC micro/);
    expect(result.out).toMatch(/\nnone \(baseline\)\s+1\s+\d+\.\d\d/);
    const done = readdirSync(target).filter((name) => existsSync(join(target, name, 'done.json')));
    expect(done).toHaveLength(2);
    expect(locksUnder(target)).toEqual([]); // children took and released their trial locks while the parent held the experiment's
  }, 120_000);

  it('lets only one of two runs started at once into the same folder train (the other names the holder)', async () => {
    const target = join(root, 'twice');
    const options = { config, out: target, set: ['grid=null', 'report.figureSamples=0'], log: () => undefined };
    const results = await Promise.allSettled([runExperiment(options), runExperiment(options)]);
    const failed = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    expect(failed).toHaveLength(1);
    expect(String(failed[0]?.reason?.message)).toMatch(new RegExp(`must not be in use by another vad run, but it is locked by pid ${process.pid} on `));
    const [trialDir] = readdirSync(target).filter((name) => name.endsWith('-seed3'));
    const steps = readJsonl<{ step: number }>(join(target, trialDir as string, 'steps.jsonl')).map((r) => r.step);
    expect(steps).toEqual([0, 1, 2, 3, 4]); // no interleaved duplicate steps
    expect(locksUnder(target)).toEqual([]);
  });

  it('leaves no blocking lock when a vad run is killed with -9: the next run takes over and resumes', async () => {
    const target = join(root, 'killed');
    const args = ['run', config, '--out', target, '--set', 'grid=null', '--set', 'trainer.epochs=4', '--set', 'report.figureSamples=0'];
    const child = spawn(process.execPath, [vadBin, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const exited = new Promise<void>((resolve) => child.on('exit', () => resolve()));
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => /epoch 1\/4/.test(chunk.toString()) && resolve()); // training, locks held
      child.on('exit', (code) => reject(new Error(`vad run exited early with ${code}`)));
    });
    child.kill('SIGKILL');
    await exited;
    expect(locksUnder(target).length).toBe(2); // the experiment's and the trial's, left behind by the kill …
    const again = await vad(args);
    expect(again.code).toBe(0); // … recognised as stale (the pid is gone) and taken over
    expect(again.out).toMatch(/resuming from .*step-/);
    expect(locksUnder(target)).toEqual([]);
  }, 120_000);

  it('stops on SIGINT between steps, writes a checkpoint there and exits with 130', async () => {
    const target = join(root, 'sigint');
    const stderr = vi.spyOn(process.stderr, 'write').mockImplementation(() => true);
    let sent = false;
    const result = await vad(['run', config, '--out', target, '--set', 'grid=null', '--set', 'trainer.epochs=3'], (text) => {
      // The handler can only run if training yields to the event loop between steps.
      if (!sent && /epoch 1\/3/.test(text)) setImmediate(() => process.emit('SIGINT'));
      sent ||= /epoch 1\/3/.test(text);
    }).finally(() => stderr.mockRestore());
    expect(result.code).toBe(130);
    const [trialDir] = readdirSync(target).filter((name) => name.endsWith('-seed3'));
    const checkpoints = readdirSync(join(target, trialDir as string, 'checkpoints'));
    const last = Number(/step-(\d+)/.exec(checkpoints.at(-1) ?? '')?.[1]);
    expect(last).toBeGreaterThan(5); // after the first epoch (5 steps) …
    expect(last).toBeLessThan(15); // … and before the end
    expect(readJsonl<{ step: number }>(join(target, trialDir as string, 'steps.jsonl'))).toHaveLength(last);
    expect(existsSync(join(target, trialDir as string, 'done.json'))).toBe(false);
  });
});
