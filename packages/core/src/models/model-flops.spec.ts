import { describe, expect, it } from 'vitest';
import { parseModelOptions } from './create-model';
import { modelFlops } from './model-flops';

// Reference values: ddl-architecture.md "FLOPs and parameters in closed form" (checked there
// against forward hooks on the PyTorch model) and performance.md's table of parameters.
/** True when `x` rounds to `table` at the table's number of decimals. */
function roundsTo(x: number, table: number): boolean {
  const decimals = (String(table).split('.')[1] ?? '').length;
  return Math.abs(x - table) <= 0.5 * 10 ** -decimals + 1e-9;
}

describe('modelFlops (closed form, the reference way)', () => {
  it.each([
    ['small', { type: 'c3dsu', latent: 64, height: 64, width: 64 }, 8, 3.59, 21.5, 0.449, 1_566_008],
    ['unet-small', { type: 'unet', latent: 64, height: 64, width: 64 }, 8, 1.85, 11.1, 0.231, 1_419_008],
    ['medium', { type: 'c3dsu', latent: 128, height: 128, width: 128 }, 8, 52.2, 313.3, 6.53, 6_220_256],
    ['paper', { type: 'c3dsu', latent: 512, height: 256, width: 256 }, 4, 1545.6, 9273.4, 386.4, 99_001_808],
  ])('%s: forward, train-step and inference GFLOP and parameters match the table', (_name, raw, batch, forward, train, infer, params) => {
    const f = modelFlops(parseModelOptions(raw), batch);
    expect(roundsTo(f.forwardGflop, forward)).toBe(true);
    expect(roundsTo(f.trainGflopPerStep, train)).toBe(true);
    expect(roundsTo(f.inferGflopPerClip, infer)).toBe(true);
    expect(f.parameters).toBe(params);
  });

  it('small in detail: 3,591,569,408 forward FLOP per pass of 8 clips', () => {
    expect(modelFlops(parseModelOptions({ type: 'c3dsu' }), 8).forwardGflop * 1e9).toBe(3_591_569_408);
  });

  it('the paper-text kernel set [3, 3, 3, 3] costs 54.5 % of the code\'s [3, 5, 7] at paper size', () => {
    const code = modelFlops(parseModelOptions({ type: 'c3dsu', latent: 512, height: 256, width: 256 }), 4);
    const paper = modelFlops(parseModelOptions({ type: 'c3dsu', latent: 512, height: 256, width: 256, kernels: [3, 3, 3, 3] }), 4);
    expect(paper.forwardGflop / code.forwardGflop).toBeCloseTo(0.545, 3);
  });
});
