import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { trialStatus } from './experiment-status';

// An experiment folder as runs leave it: one trial done, one failed (error.json), one stopped after
// 3 steps with a checkpoint, one never started.
const dir = mkdtempSync(join(tmpdir(), 'vad-status-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const ids = ['a-seed0', 'b-seed0', 'c-seed0', 'd-seed0'];
writeFileSync(join(dir, 'experiment.json'), JSON.stringify({ name: 'grid', trials: ids.map((id) => ({ id, group: id, label: id, seed: 0 })) }));
for (const id of ids.slice(0, 3)) mkdirSync(join(dir, id, 'checkpoints'), { recursive: true });
writeFileSync(join(dir, 'a-seed0', 'done.json'), '{}');
writeFileSync(join(dir, 'b-seed0', 'error.json'), JSON.stringify({ id: 'b-seed0', message: 'plugin ./sim.ts: create(options) threw: boom\n  at …', failedAt: '', host: 'n1', log: '/x/slurm/logs/7_1.log' }));
writeFileSync(join(dir, 'c-seed0', 'steps.jsonl'), '{"step":0}\n{"step":1}\n{"step":2}\n');
writeFileSync(join(dir, 'c-seed0', 'checkpoints', 'step-000000002.ckpt'), '');

describe('trialStatus', () => {
  it('trusts the done marker, then a live scheduler state, then error.json, then the scheduler\'s last word', () => {
    const queued = (state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled', detail: string) => ({ state, job: '7_2', detail, log: '/x/slurm/logs/7_2.log' });
    expect(trialStatus(dir, 'a-seed0', queued('cancelled', 'CANCELLED'))).toEqual({ id: 'a-seed0', state: 'done', detail: '', job: '7_2' });
    expect(trialStatus(dir, 'b-seed0', queued('queued', 'PENDING (BeginTime)'))).toMatchObject({ state: 'queued', detail: 'PENDING (BeginTime)' });
    expect(trialStatus(dir, 'b-seed0', queued('failed', 'FAILED'))).toEqual({ id: 'b-seed0', state: 'failed', detail: 'plugin ./sim.ts: create(options) threw: boom', job: '7_2', log: '/x/slurm/logs/7_1.log' });
    expect(trialStatus(dir, 'c-seed0', queued('running', 'RUNNING'))).toMatchObject({ state: 'running', detail: 'RUNNING, 3 step(s) logged, last checkpoint step-000000002.ckpt' });
    expect(trialStatus(dir, 'c-seed0', queued('failed', 'TIMEOUT'))).toEqual({ id: 'c-seed0', state: 'failed', detail: 'TIMEOUT, 3 step(s) logged, last checkpoint step-000000002.ckpt', job: '7_2', log: '/x/slurm/logs/7_2.log' });
    expect(trialStatus(dir, 'c-seed0', queued('done', 'COMPLETED'))).toMatchObject({ state: 'failed', detail: expect.stringMatching(/^COMPLETED: the task ended without finishing the trial/) });
    expect(trialStatus(dir, 'c-seed0', queued('cancelled', 'CANCELLED by 0'))).toMatchObject({ state: 'cancelled' });
    expect(trialStatus(dir, 'd-seed0', undefined)).toEqual({ id: 'd-seed0', state: 'unfinished', detail: 'not started' });
  });
});

describe('vad status', () => {
  it('prints one line per trial, the log of failed ones and a summary (a local run: folders only)', async () => {
    let out = '';
    const spy = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
    const code = await main(['status', dir]).finally(() => spy.mockRestore());
    expect(code).toBe(0);
    expect(out).toBe(
      [
        `grid: 4 trial(s) in ${dir}`,
        '  done       a-seed0',
        '  failed     b-seed0  plugin ./sim.ts: create(options) threw: boom',
        '             log: /x/slurm/logs/7_1.log',
        '  unfinished c-seed0  3 step(s) logged, last checkpoint step-000000002.ckpt',
        '  unfinished d-seed0  not started',
        'summary: 0 queued, 0 running, 1 done, 1 failed, 0 cancelled, 2 unfinished (4 trial(s))',
        '',
      ].join('\n'),
    );
  });

  it('says what is wrong with a folder that is no experiment (exit 2)', async () => {
    let err = '';
    const spy = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
    const code = await main(['status', join(dir, 'a-seed0')]).finally(() => spy.mockRestore());
    expect(code).toBe(2);
    expect(err).toBe(`vad status: ${join(dir, 'a-seed0')} must be an experiment folder written by vad run, but it has no experiment.json\n`);
  });
});
