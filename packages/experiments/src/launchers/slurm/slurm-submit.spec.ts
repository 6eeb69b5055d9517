import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, describe, expect, it, vi } from 'vitest';
import { main } from '../../cli';

// Submission failures without a cluster: sbatch missing from PATH, and stand-in SLURM commands that
// refuse one step (they only print and exit; the real submission path is tested against a real
// cluster in slurm-cluster.spec.ts). Whatever fails, nothing of the submission may stay behind.
const root = mkdtempSync(join(tmpdir(), 'vad-submit-'));
const bin = join(root, 'bin');
const calls = join(root, 'calls.txt');
const config = join(root, 'tiny.yaml');
const path = process.env['PATH'];
afterAll(() => rmSync(root, { recursive: true, force: true }));
afterEach(() => {
  process.env['PATH'] = path;
  rmSync(calls, { force: true });
});

writeFileSync(config, 'name: tiny\nbackend: cpu\ndata: { type: synthetic, height: 16, width: 16, channels: 1 }\nmodel: { type: c3dsu, latent: 8, frames: 3 }\nseeds: [0, 1]\n');
mkdirSync(bin);
const fake = (name: string, body: string): void => {
  writeFileSync(join(bin, name), `#!/bin/sh\necho "${name} $*" >> "${calls}"\n${body}\n`);
  chmodSync(join(bin, name), 0o755);
};
fake(
  'sbatch',
  `case "$*" in
  *--version*) echo "slurm 22.05.8" ;;
  *--test-only*) cat > /dev/null; echo "sbatch: Job 3 to start at 2026-01-01T00:00:00" >&2 ;;
  *--dependency*) if [ "$VAD_FAKE_REFUSE" = report ]; then echo "sbatch: error: Batch job submission failed: Job dependency problem" >&2; exit 1; fi; echo 8 ;;
  *) if [ "$VAD_FAKE_REFUSE" = array ]; then echo "sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified" >&2; exit 1; fi; echo 7 ;;
esac`,
);
fake('scancel', '');

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

describe('vad run --launcher slurm when submission fails', () => {
  it('without sbatch on PATH: exit 2, one message, no folder', async () => {
    process.env['PATH'] = join(root, 'empty');
    const out = join(root, 'no-sbatch');
    const result = await vad(['run', config, '--launcher', 'slurm', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.err).toBe('vad: sbatch must be on PATH (the SLURM client commands; run on a login node or install slurm-client), but it was not found\n');
    expect(existsSync(out)).toBe(false);
  });

  it('a refused job array leaves the folder as it was (new folder: removed)', async () => {
    process.env['PATH'] = `${bin}:${path ?? ''}`;
    process.env['VAD_FAKE_REFUSE'] = 'array';
    const fresh = join(root, 'refused');
    const result = await vad(['run', config, '--launcher', 'slurm', '--out', fresh, '--account', 'nope']);
    expect(result.code).toBe(2);
    expect(result.err).toBe('vad run --launcher slurm: sbatch must accept the job array, but it said: sbatch: error: Batch job submission failed: Invalid account or account/partition combination specified\n');
    expect(existsSync(fresh)).toBe(false);
    const existing = join(root, 'existing');
    mkdirSync(existing);
    writeFileSync(join(existing, 'notes.txt'), 'kept');
    expect((await vad(['run', config, '--launcher', 'slurm', '--out', existing])).code).toBe(2);
    expect(readdirSync(existing)).toEqual(['notes.txt']);
    expect(readFileSync(calls, 'utf8')).toMatch(/^sbatch --version\nsbatch --test-only\nsbatch --parsable .*\/refused\/slurm\/array-1\.sbatch\n/);
  });

  it('a refused report job cancels the array that was already accepted and removes the scripts', async () => {
    process.env['PATH'] = `${bin}:${path ?? ''}`;
    process.env['VAD_FAKE_REFUSE'] = 'report';
    const out = join(root, 'report-refused');
    const result = await vad(['run', config, '--launcher', 'slurm', '--out', out]);
    expect(result.code).toBe(2);
    expect(result.err).toMatch(/^vad run --launcher slurm: sbatch must accept the report job, but it said: .*Job dependency problem\n$/);
    expect(readFileSync(calls, 'utf8').split('\n').slice(-3)).toEqual([expect.stringMatching(/^sbatch --parsable --dependency=afterany:7 .*report-1\.sbatch$/), 'scancel 7', '']);
    expect(existsSync(out)).toBe(false);
    delete process.env['VAD_FAKE_REFUSE'];
  });
});
