import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli';
import { readJsonl } from '../../io/jsonl';
import { runExperiment } from '../../runner/run-experiment';
import { readSlurmJobs } from './slurm-jobs';

// Integration tests against a REAL one-node SLURM (tools/slurm-local/start.sh; .ci/run starts one).
// They run only on that cluster (ClusterName vadlocal) or with VAD_SLURM_TESTS=1, so that `npm test`
// on a login node never submits jobs to a real cluster; VAD_REQUIRE_SLURM=1 (CI) turns "no cluster"
// into a failure instead of a skip. Tiny trials: 16×16 frames, one epoch of 5 steps.

function probeSlurm(): { ok: true } | { ok: false; reason: string } {
  const sinfo = spawnSync('sinfo', ['-h', '-o', '%T'], { encoding: 'utf8', timeout: 10_000 });
  if (sinfo.error !== undefined) return { ok: false, reason: `sinfo: ${sinfo.error.message}` };
  if (sinfo.status !== 0) return { ok: false, reason: sinfo.stderr.trim().split('\n').at(-1) || `sinfo: exit ${sinfo.status}` };
  if (!/^(idle|mixed|allocated|completing)/m.test(sinfo.stdout)) return { ok: false, reason: `no node is up (sinfo: ${sinfo.stdout.trim() || 'no nodes'})` };
  const config = spawnSync('scontrol', ['show', 'config'], { encoding: 'utf8', timeout: 10_000 });
  const cluster = /^ClusterName\s*=\s*(\S+)/m.exec(config.stdout ?? '')?.[1];
  if (cluster !== 'vadlocal' && process.env['VAD_SLURM_TESTS'] !== '1') return { ok: false, reason: `cluster "${cluster}" is not the local test cluster (set VAD_SLURM_TESTS=1 to test against it)` };
  return { ok: true };
}

const probe = probeSlurm();
const reason = probe.ok ? '' : `${probe.reason}; start one with tools/slurm-local/start.sh and export SLURM_CONF`;
const fixture = fileURLToPath(new URL('../../plugins/fixtures/create-throws.ts', import.meta.url));

const tiny = (name: string, extra: string): string => `
name: ${name}
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
report: { bootstrap: 20, figureSamples: 0, timelineVideos: 1, plots: false }
${extra}`;

async function vad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  let out = '';
  let err = '';
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(args), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

async function waitFor(what: string, test: () => boolean, seconds = 150): Promise<void> {
  const until = Date.now() + seconds * 1000;
  while (!test()) {
    if (Date.now() > until) throw new Error(`waited ${seconds} s for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

const squeue = (job: string): string => spawnSync('squeue', ['-h', '-r', '-t', 'all', '-j', job, '-o', '%K|%T|%r'], { encoding: 'utf8' }).stdout;
const trialsOf = (dir: string): string[] => readdirSync(dir).filter((name) => /-seed\d+$/.test(name)).sort();
const arrayJob = (dir: string): string => readSlurmJobs(dir)?.submissions[0]?.arrayJob ?? '';

if (!probe.ok && process.env['VAD_REQUIRE_SLURM'] !== '1') console.warn(`slurm-cluster.spec.ts: SLURM integration tests skipped: ${reason}`);
if (!probe.ok && process.env['VAD_REQUIRE_SLURM'] === '1') {
  describe('SLURM launcher on a real cluster', () => {
    it('needs a reachable cluster (VAD_REQUIRE_SLURM=1)', () => {
      throw new Error(reason);
    });
  });
}

describe.skipIf(!probe.ok)(`SLURM launcher on a real cluster${probe.ok ? '' : ` (skipped: ${reason})`}`, () => {
  const root = mkdtempSync(join(tmpdir(), 'vad-slurm-'));
  const grid = join(root, 'grid');
  const long = join(root, 'long');
  const failing = join(root, 'failing');
  let resubmitted = '';

  beforeAll(async () => {
    writeFileSync(join(root, 'grid.yaml'), tiny('grid', 'seeds: [1, 2]\ngrid:\n  schedule: [{ type: none }, { type: learned }]\n'));
    writeFileSync(join(root, 'long.yaml'), tiny('long', 'seed: 4\n').replace('epochs: 1', 'epochs: 8'));
    writeFileSync(join(root, 'failing.yaml'), tiny('failing', `seed: 5\nsimulator: { type: ${fixture} }\n`));
    // The long trial first, so that it starts at once and can be requeued while it runs.
    for (const [name, dir, flags] of [['long', long, []], ['grid', grid, ['--array-parallelism', '2']], ['failing', failing, []]] as const) {
      const submitted = await vad(['run', join(root, `${name}.yaml`), '--launcher', 'slurm', '--out', dir, ...flags]);
      expect(submitted.code, submitted.err).toBe(0);
    }
    // Resubmit the kept grid script by hand while its first array is queued or running: the
    // singleton dependency must hold the copy back until the first array has ended.
    const again = spawnSync('sbatch', ['--parsable', join(grid, 'slurm', 'array-1.sbatch')], { encoding: 'utf8' });
    expect(again.status, again.stderr).toBe(0);
    resubmitted = again.stdout.trim();
  }, 60_000);
  afterAll(async () => {
    // Stop what is left (report jobs of the long and failing runs) so that it does not slow the next spec files.
    const names = [grid, long, failing].flatMap((dir) => readSlurmJobs(dir)?.jobName ?? []).flatMap((name) => [name, `${name}-report`]).join(',');
    spawnSync('scancel', ['-n', names]);
    await waitFor('the cancelled jobs to end', () => spawnSync('squeue', ['-h', '-n', names, '-o', '%i'], { encoding: 'utf8' }).stdout.trim() === '', 30);
    rmSync(root, { recursive: true, force: true });
  }, 60_000);

  it('writes the kept scripts, records the submission and prints how to follow it', () => {
    const jobs = readSlurmJobs(grid);
    expect(jobs?.submissions).toHaveLength(1);
    expect(jobs?.submissions[0]?.trials).toHaveLength(4);
    expect(readFileSync(join(grid, 'slurm', 'array-1.sbatch'), 'utf8')).toMatch(/#SBATCH --array=0-3%2\n#SBATCH --dependency=singleton\n/);
    expect(existsSync(join(grid, 'slurm', 'report-1.sbatch'))).toBe(true);
  }, 10_000);

  it('holds back a second submission of the same experiment (singleton) while the first runs', async () => {
    await waitFor('the resubmitted array to wait on its dependency', () => squeue(resubmitted).includes('Dependency'), 30);
    expect(squeue(arrayJob(grid))).toMatch(/PENDING|RUNNING/);
  }, 60_000);

  it('resumes a requeued task from its checkpoint (scontrol requeue while it trains)', async () => {
    await waitFor('the long trial to log 3 steps', () => {
      const dirs = existsSync(long) ? trialsOf(long) : [];
      return dirs.length === 1 && readJsonl(join(long, dirs[0] as string, 'steps.jsonl')).length >= 3;
    }, 120);
    const requeue = spawnSync('scontrol', ['requeue', `${arrayJob(long)}_0`], { encoding: 'utf8' });
    expect(requeue.status, requeue.stderr).toBe(0);
    await waitFor('the requeued trial to finish', () => existsSync(join(long, trialsOf(long)[0] as string, 'done.json')), 170);
    const id = trialsOf(long)[0] as string;
    const log = readFileSync(join(long, 'slurm', 'logs', `${arrayJob(long)}_0.log`), 'utf8');
    expect(log).toMatch(/attempt 1[\s\S]*stopping after the current step[\s\S]*attempt 2[\s\S]*resuming from \S+step-\d+\.ckpt \(step \d+\)/);
    const timings = JSON.parse(readFileSync(join(long, id, 'timings.json'), 'utf8')) as { resumedFrom: number };
    expect(timings.resumedFrom).toBeGreaterThanOrEqual(2);
    expect(readJsonl<{ step: number }>(join(long, id, 'steps.jsonl')).map((s) => s.step)).toEqual(Array.from({ length: 40 }, (_, i) => i));
    const local = join(root, 'long-local');
    await runExperiment({ config: join(root, 'long.yaml'), out: local, log: () => undefined });
    for (const file of ['scores.csv', 'metrics.json']) expect(readFileSync(join(long, id, file), 'utf8'), file).toBe(readFileSync(join(local, id, file), 'utf8'));
  }, 300_000);

  it('gives a 2×2 grid byte-identical scores.csv and metrics.json to the local launcher, and runs the report job', async () => {
    const local = join(root, 'grid-local');
    await runExperiment({ config: join(root, 'grid.yaml'), out: local, log: () => undefined });
    await waitFor('the report job', () => existsSync(join(grid, 'report', 'table.csv')), 170);
    expect(trialsOf(grid)).toEqual(trialsOf(local));
    for (const id of trialsOf(local)) {
      for (const file of ['scores.csv', 'metrics.json']) expect(readFileSync(join(grid, id, file), 'utf8'), `${id}/${file}`).toBe(readFileSync(join(local, id, file), 'utf8'));
    }
    const status = await vad(['status', grid]);
    expect(status.out).toMatch(/summary: 0 queued, 0 running, 4 done, 0 failed, 0 cancelled, 0 unfinished \(4 trial\(s\)\)/);
  }, 300_000);

  it('shows a failing trial as failed in vad status, with its log', async () => {
    await waitFor('the failing trial to record its error', () => existsSync(failing) && trialsOf(failing).some((id) => existsSync(join(failing, id, 'error.json'))), 170);
    const task = `${arrayJob(failing)}_0`;
    const log = join(failing, 'slurm', 'logs', `${task}.log`);
    await waitFor('the failed task to leave the queue', () => !/PENDING|RUNNING|COMPLETING/.test(squeue(arrayJob(failing))), 60);
    const status = await vad(['status', failing]);
    expect(status.code).toBe(0);
    expect(status.out).toMatch(new RegExp(`\\n  failed     failing-[0-9a-f]{8}-seed5  \\[${task}\\]  plugin \\S+create-throws\\.ts: create\\(options\\) threw: no GPU texture cache available\\n {13}log: ${log.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\n`));
    expect(status.out).toMatch(/summary: 0 queued, 0 running, 0 done, 1 failed/);
    expect(readFileSync(log, 'utf8')).toContain('create(options) threw: no GPU texture cache available');
  }, 300_000);

  it('ran each trial once although it was submitted twice, and a rerun submits nothing when all is done', async () => {
    await waitFor('the resubmitted array to end', () => squeue(resubmitted) !== '' && !/PENDING|RUNNING|COMPLETING/.test(squeue(resubmitted)), 170);
    for (const task of [0, 1, 2, 3]) expect(readFileSync(join(grid, 'slurm', 'logs', `${resubmitted}_${task}.log`), 'utf8')).toMatch(/: skipped, AUC micro/);
    for (const id of trialsOf(grid)) expect(readJsonl(join(grid, id, 'steps.jsonl'))).toHaveLength(5);
    const rerun = await vad(['run', join(root, 'grid.yaml'), '--launcher', 'slurm', '--out', grid]);
    expect(rerun.code).toBe(0);
    expect(rerun.out).toMatch(/grid: 4 trial\(s\), 4 already done, 0 already queued or running, .*\nnothing to submit\n/);
    expect(readSlurmJobs(grid)?.submissions).toHaveLength(1);
  }, 300_000);

  it('refuses an unknown partition before writing anything (exit 2)', async () => {
    const out = join(root, 'bad-partition');
    const result = await vad(['run', join(root, 'grid.yaml'), '--launcher', 'slurm', '--out', out, '--partition', 'nosuchpartition']);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^vad run --launcher slurm: sbatch must accept the job array, but it said: sbatch: error: invalid partition specified: nosuchpartition/);
    expect(existsSync(out)).toBe(false);
  }, 60_000);
});
