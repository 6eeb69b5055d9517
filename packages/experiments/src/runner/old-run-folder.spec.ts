import { cpSync, existsSync, mkdtempSync, readFileSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { trialStatus } from '../launchers/experiment-status';
import { collectTrials } from '../report/collect';
import { readStepLog, stepLogPath } from './step-log';

// fixtures/metrics-jsonl-run: `vad run old-layout.yaml --out run` as written before the step log was
// renamed to steps.jsonl (metrics.jsonl, checkpoint format version 1), cut back to the state of a
// run killed after step 4 of 5: checkpoint step 4 only, the record of step 4 already logged, no
// results. expected-scores.csv is the scores.csv of the same run left to finish.
const fixture = fileURLToPath(new URL('./fixtures/metrics-jsonl-run', import.meta.url));
const id = 'old-layout-178202bb-seed3';

async function vad(args: string[]): Promise<{ code: number; out: string }> {
  const chunks: string[] = [];
  const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => (chunks.push(String(chunk)), true));
  try {
    return { code: await main(args), out: chunks.join('') };
  } finally {
    spy.mockRestore();
  }
}

describe('a run folder written before steps.jsonl (metrics.jsonl step log)', () => {
  const root = mkdtempSync(join(tmpdir(), 'vad-old-run-'));
  cpSync(fixture, root, { recursive: true });
  const out = join(root, 'run');
  const trialDir = join(out, id);
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reads its step log and reports its progress (vad status)', () => {
    expect(stepLogPath(trialDir)).toBe(join(trialDir, 'metrics.jsonl'));
    expect(readStepLog(trialDir).map((r) => r.step)).toEqual([0, 1, 2, 3, 4]);
    expect(trialStatus(out, id, undefined)).toEqual({ id, state: 'unfinished', detail: '5 step(s) logged, last checkpoint step-000000004.ckpt' });
  });

  it('resumes from its checkpoint bit-identically, moving the step log to steps.jsonl', async () => {
    const old = readFileSync(join(trialDir, 'metrics.jsonl'), 'utf8').split('\n');
    const result = await vad(['run', join(root, 'old-layout.yaml'), '--out', out]);
    expect(result.code).toBe(0);
    expect(result.out).toMatch(/resuming from .*step-000000004\.ckpt \(step 4\)/);
    expect(existsSync(join(trialDir, 'metrics.jsonl'))).toBe(false);
    const log = readFileSync(join(trialDir, 'steps.jsonl'), 'utf8').split('\n');
    expect(log.slice(0, 4)).toEqual(old.slice(0, 4)); // the records before the checkpoint, kept as written
    expect(readStepLog(trialDir).map((r) => r.step)).toEqual([0, 1, 2, 3, 4]);
    expect(readFileSync(join(trialDir, 'scores.csv'), 'utf8')).toBe(readFileSync(join(root, 'expected-scores.csv'), 'utf8'));
    expect(existsSync(join(out, 'report', 'table.md'))).toBe(true);
  });

  it('reports a finished trial whose step log is still metrics.jsonl (vad report)', async () => {
    renameSync(join(trialDir, 'steps.jsonl'), join(trialDir, 'metrics.jsonl')); // a trial finished before the rename
    const { trials } = collectTrials(out);
    expect(trials.map((t) => t.steps().map((r) => r.step))).toEqual([[0, 1, 2, 3, 4]]);
    expect(trialStatus(out, id, undefined)).toMatchObject({ id, state: 'done' });
    const report = await vad(['report', out]);
    expect(report.code).toBe(0);
    expect(report.out).toMatch(/old-layout/);
  });
});
