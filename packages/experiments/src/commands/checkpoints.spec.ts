import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { decodeCheckpoint } from '@vad/core';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { decodeStateDict } from '../io/torch-state-dict';
import { goldenDir } from '../parity/golden-fixtures';

const dir = mkdtempSync(join(tmpdir(), 'vad-checkpoints-cli-'));
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

// A state dict saved by the official code (tools/parity/export_golden.py: torch.save of an
// nn.DataParallel(Conv3dSkipUNet(latent_dim=8)), as train.py saves its model).
const official = join(goldenDir, 'c3dsu', 'state-initial.pt');

describe('vad import-checkpoint / export-checkpoint', () => {
  it('imports an official .p as a trial folder with the architecture read from the weights', { timeout: 60_000 }, async () => {
    const out = join(dir, 'imported');
    const r = await run(['import-checkpoint', official, '--out', out, '--set', 'data.height=32', '--set', 'data.width=32', '--logit', '0.3']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/official c3dsu, latent 8, T 3, 3 channels, kernels \[3, 5, 7\] at 32×32/);
    const config = JSON.parse(readFileSync(join(out, 'config.json'), 'utf8')) as { model: Record<string, unknown>; evaluation: { patchSize: number } };
    expect(config.model).toEqual({ type: 'c3dsu', latent: 8, height: 32, width: 32, channels: 3, kernels: [3, 5, 7], frames: 3 });
    expect(config.evaluation.patchSize).toBe(16); // the paper setup's protocol
    const checkpoint = decodeCheckpoint(new Uint8Array(readFileSync(join(out, 'model.ckpt'))));
    expect([checkpoint.model.type, checkpoint.step, checkpoint.logit, checkpoint.weights.length]).toEqual(['c3dsu', 0, 0.3, 216]); // every weight of ours, BatchNorm running statistics included
    expect(JSON.parse(readFileSync(join(out, 'import.json'), 'utf8'))).toMatchObject({ sha256: expect.stringMatching(/^[0-9a-f]{64}$/) as unknown, logit: 0.3 });
  });

  it('exports it back to the identical state dict the official code loads (module. prefix by default)', { timeout: 60_000 }, async () => {
    const target = join(dir, 'exported.p');
    const r = await run(['export-checkpoint', join(dir, 'imported'), '--out', target]);
    expect(r.code).toBe(0);
    expect(r.out).toMatch(/σ = 0.5744/);
    const source = decodeStateDict(new Uint8Array(readFileSync(official)), 'official');
    const back = decodeStateDict(new Uint8Array(readFileSync(target)), 'exported');
    expect([...back.keys()]).toEqual([...source.keys()]);
    for (const [k, v] of source) expect(back.get(k)?.values).toEqual(v.values);
    const bare = await run(['export-checkpoint', join(dir, 'imported', 'model.ckpt'), '--out', join(dir, 'bare.p'), '--no-data-parallel']);
    expect(bare.code).toBe(0);
    expect([...decodeStateDict(new Uint8Array(readFileSync(join(dir, 'bare.p'))), 'bare').keys()][0]).toBe('encoder.conv_1.convs.0.weight');
  });

  it('gives one clear line and exit 2 for a missing or foreign file', async () => {
    const missing = await run(['import-checkpoint', join(dir, 'nope.p'), '--out', join(dir, 'x')]);
    expect([missing.code, missing.err.trim()]).toEqual([2, `vad import-checkpoint: MODEL must be a file written by torch.save, but ${join(dir, 'nope.p')} does not exist`]);
    const foreign = await run(['import-checkpoint', join(goldenDir, 'SOURCE.md'), '--out', join(dir, 'x')]);
    expect(foreign.code).toBe(2);
    expect(foreign.err).toMatch(/SOURCE.md: must be a ZIP archive/);
  });
});
