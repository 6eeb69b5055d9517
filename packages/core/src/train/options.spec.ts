import { describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { learningRateAt, parseTrainerOptions, trainerOptionsSchema } from './options';

describe('trainerOptionsSchema', () => {
  it('fills the documented defaults (official DDL code)', () => {
    expect(parseTrainerOptions(undefined)).toEqual({
      epochs: 10,
      batchSize: 10,
      lr: 0.01,
      lambda: 0.01,
      epsilon: 1e-6,
      lossMode: 'distinction',
      maxErrorMargin: 0.2,
      lrDecay: { every: 0.8, factor: 0.5 },
      adam: { beta1: 0.9, beta2: 0.999, epsilon: 1e-8 },
      skipBatchesWithoutMask: false,
      checkpointEvery: 0,
      historyWindow: 100,
      logEvery: 1,
    });
    expect(trainerOptionsSchema.parse({ lrDecay: { factor: 0.1 } }).lrDecay).toEqual({ every: 0.8, factor: 0.1 });
  });

  it('rejects unknown keys and bad values naming the field', () => {
    expect(() => parseTrainerOptions({ epoch: 3 })).toThrow(UserError);
    expect(() => parseTrainerOptions({ epoch: 3 })).toThrow(/^trainer\.epoch: unknown key; allowed: epochs, batchSize, .*logEvery$/);
    expect(() => parseTrainerOptions({ lrDecay: { every: 0.5, gamma: 0.1 } })).toThrow('trainer.lrDecay.gamma: unknown key; allowed: every, factor');
    expect(() => parseTrainerOptions({ epochs: 0 })).toThrow('trainer.epochs must be a positive integer, but got 0');
    // threads is the runner's (experiments/config/trainer-section.ts): core's step has no thread count
    expect(() => parseTrainerOptions({ threads: 2 })).toThrow(/^trainer\.threads: unknown key; allowed: epochs, batchSize, .*logEvery$/);
    expect(() => parseTrainerOptions({ lambda: 'big' })).toThrow('trainer.lambda must be a non-negative number, but got "big"');
    expect(() => parseTrainerOptions({ lossMode: 'ratio' })).toThrow(/^trainer.lossMode must be one of "distinction", "reconstruct-normal", "max-error", but got "ratio"$/);
    // every issue at once, one line each (the config's `trainer:` wording, without the file)
    expect(() => parseTrainerOptions({ epochs: 0, lr: -1 })).toThrow('trainer.epochs must be a positive integer, but got 0\ntrainer.lr must be a positive number, but got -1');
  });
});

describe('learningRateAt', () => {
  it('halves every ⌊0.8·epochs⌋ epochs like PyTorch StepLR stepped per epoch', () => {
    const ten = parseTrainerOptions({ epochs: 10 });
    expect([0, 7, 8, 9].map((e) => learningRateAt(ten, e))).toEqual([0.01, 0.01, 0.005, 0.005]);
    const twenty = parseTrainerOptions({ epochs: 20, lr: 1, lrDecay: { every: 0.25, factor: 0.5 } }); // step size 5
    expect([4, 5, 10, 19].map((e) => learningRateAt(twenty, e))).toEqual([1, 0.5, 0.25, 0.125]);
    const one = parseTrainerOptions({ epochs: 1 }); // ⌊0.8⌋ = 0 → step size 1, never reached
    expect(learningRateAt(one, 0)).toBe(0.01);
  });
});
