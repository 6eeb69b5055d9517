import { describe, expect, it } from 'vitest';
import { createProgress } from './progress';
import type { EpochSummary, StepRecord } from './records';

const record = (step: number, ms: number, extra: Partial<StepRecord> = {}): StepRecord => ({
  step, epoch: 0, sigma: 0.5, logit: 0, loss: 0.0412, lRecon: 0.0401, lPseudo: 1.1, lDist: 1.1, p: 0.2, n: 0.3, maskedPixels: 8, lr: 0.01, ms, skipped: false, ...extra,
});
const epoch: EpochSummary = { epoch: 0, totalEpochs: 10, steps: 2, skipped: 0, loss: 0.0412, lRecon: 0.0401, lDist: 1.1, sigma: 0.5, lr: 0.01, ms: 800 };

function capture(isTTY: boolean) {
  const out: string[] = [];
  return { out, progress: createProgress({ isTTY, write: (t: string) => out.push(t) }, { totalSteps: 20, totalEpochs: 10 }) };
}

describe('createProgress', () => {
  it('rewrites one live line per step on a TTY and keeps a line per epoch', () => {
    const { out, progress } = capture(true);
    progress.onStep(record(0, 500));
    progress.onStep(record(1, 300, { lDist: null, sigma: null }));
    progress.onEpoch(epoch);
    progress.finish();
    expect(out[0]).toBe('\repoch 1/10 step 1/20 | 2.00 steps/s | loss 0.04120 | L_recon 0.04010 | L_dist 1.100 | σ 0.5000');
    const second = 'epoch 1/10 step 2/20 | 2.50 steps/s | loss 0.04120 | L_recon 0.04010 | L_dist - | σ -';
    expect(out[1]).toBe(`\r${second}${' '.repeat(out[0]!.length - 1 - second.length)}`);
    expect(out[2]).toMatch(/^\repoch 1\/10 \| 2 steps \| 2\.50 steps\/s \| loss 0\.04120 \| L_recon 0\.04010 \| L_dist 1\.100 \| σ 0\.5000 \| lr 0\.01 *\n$/);
    expect(out).toHaveLength(3); // finish() after a completed line adds nothing
  });

  it('prints only one plain line per epoch when not a TTY', () => {
    const { out, progress } = capture(false);
    progress.onStep(record(0, 500));
    progress.onEpoch({ ...epoch, skipped: 1, steps: 1 });
    progress.finish();
    expect(out).toEqual(['epoch 1/10 | 2 steps (1 skipped) | 2.50 steps/s | loss 0.04120 | L_recon 0.04010 | L_dist 1.100 | σ 0.5000 | lr 0.01\n']);
  });
});
