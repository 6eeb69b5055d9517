import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { displayPath } from '../config/compose';

async function vad(args: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((c: string | Uint8Array) => (out.push(String(c)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (err.push(String(c)), true));
  try {
    return { code: await main(args), out: out.join(''), err: err.join('') };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe('vad list', () => {
  it('prints every registry entry with its one-line description', async () => {
    const schedules = await vad(['list', 'schedules']);
    expect(schedules.code).toBe(0);
    expect(schedules.out).toMatch(/^learned\s+DDL: σ = sigmoid\(ℓ\)/m);
    expect(schedules.out).toMatch(/^none\s+no pseudo anomalies/m);
    const models = await vad(['list', 'models', '--json']);
    expect((JSON.parse(models.out) as Array<{ name: string }>).map((m) => m.name)).toEqual(['c3dsu', 'unet', 'conv-ae']);
    expect((await vad(['list', 'simulators'])).out).toMatch(/^weighted-noise\s+DDL weighted noise/m);
    expect((await vad(['list', 'configs'])).out).toMatch(/^configs\/quickstart\.yaml\s+none vs static vs learned σ/m);
  });
});

describe('vad run with a bad config', () => {
  it('prints every problem without a stack trace and exits with 2', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'vad-cli-'));
    const file = join(dir, 'x.yaml');
    writeFileSync(file, 'trainer: { epochs: -5 }\nschedule: { type: linaer }\n');
    const result = await vad(['run', file]);
    expect(result.code).toBe(2);
    expect(result.err).toBe(
      `${displayPath(file)}: schedule.type: unknown schedule "linaer"; known: adaptive, cosine, curriculum, cyclic, exponential, learned, linear, none, static, step, uniform-random\n` +
        `${displayPath(file)}: trainer.epochs must be a positive integer, but got -5\n`,
    );
    const missing = await vad(['run', join(dir, 'nope.yaml')]);
    expect(missing.code).toBe(2);
    expect(missing.err).toBe(`${displayPath(join(dir, 'nope.yaml'))}: config file must exist, but it was not found\n`);
  });
});
