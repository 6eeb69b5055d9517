import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { ScheduleContext, SigmaSchedule } from '@vad/contracts';
import type { Simulator } from '../contracts/simulator';
import { createRng } from '../rng';
import type { Checkpoint } from './checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint-codec';
import { createSyntheticStream, createTinyModel, jitterSchedule, learnedSchedule, staticSchedule } from '../../test-support/fixtures';
import type { EpochSummary, StepRecord } from './records';
import { train, type TrainArgs } from './trainer';
import { createWeightedNoiseSimulator } from '../../test-support/weighted-noise';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const geometry = { frames: 3, height: 4, width: 4, channels: 3 };
const simulator = createWeightedNoiseSimulator();
const stream = (stepsPerEpoch: number, maskless: number[] = []) => createSyntheticStream({ stepsPerEpoch, batch: 2, clipShape: [3, 4, 4, 3], maskless });
const weights = (args: Pick<TrainArgs, 'model'>) => args.model.variables().map((v) => Array.from(v.variable.dataSync()));

async function run(overrides: Partial<TrainArgs> & Pick<TrainArgs, 'schedule'>, onStep?: (r: StepRecord) => void) {
  const records: StepRecord[] = [];
  const epochs: EpochSummary[] = [];
  const checkpoints: Checkpoint[] = [];
  const args: TrainArgs = {
    model: createTinyModel(geometry, createRng('model')),
    simulator,
    data: stream(2),
    seed: 7,
    options: { epochs: 2, batchSize: 2 },
    callbacks: { onStep: (r) => void (records.push(r), onStep?.(r)), onEpoch: (e) => void epochs.push(e), onCheckpoint: (c) => void checkpoints.push(c) },
    ...overrides,
  };
  const result = await train(args);
  return { result, records, epochs, checkpoints, weights: weights(args), model: args.model };
}

const withoutTime = (records: StepRecord[]) => records.map(({ ms: _ms, ...rest }) => rest);

describe('train', () => {
  it('runs epochs × batches with learned σ, step decay, callbacks and a final checkpoint', async () => {
    const { result, records, epochs, checkpoints } = await run({ schedule: learnedSchedule(), options: { epochs: 5, batchSize: 2 } });
    expect(records.map((r) => r.step)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(records.map((r) => r.lr)).toEqual([...Array(8).fill(0.01), 0.005, 0.005]); // ⌊0.8·5⌋ = 4 epochs
    expect(records[0]).toMatchObject({ epoch: 0, sigma: 0.5, logit: 0, skipped: false, maskedPixels: 8 });
    for (const r of records) expect(r.loss).toBeCloseTo(r.lRecon! + 0.01 * r.lDist!, 6);
    expect(records[9]!.sigma).not.toBe(0.5);
    expect(result).toMatchObject({ step: 10, stopped: false });
    expect(result.sigma).toBeCloseTo(1 / (1 + Math.exp(-result.logit!)), 12);
    expect(epochs.map((e) => [e.epoch, e.steps, e.lr])).toEqual([[0, 2, 0.01], [1, 2, 0.01], [2, 2, 0.01], [3, 2, 0.01], [4, 2, 0.005]]);
    expect(epochs[0]!.loss).toBeCloseTo((records[0]!.loss! + records[1]!.loss!) / 2, 6);
    expect(checkpoints.map((c) => c.step)).toEqual([10]);
  });

  it('is deterministic per seed and leaks no tensors', async () => {
    await run({ schedule: learnedSchedule() }).then((warm) => warm.model.dispose()); // first-use backend tensors
    const before = tf.memory().numTensors;
    const a = await run({ schedule: learnedSchedule() });
    a.model.dispose();
    expect(tf.memory().numTensors).toBe(before);
    const b = await run({ schedule: learnedSchedule() });
    const c = await run({ schedule: learnedSchedule(), seed: 8 });
    expect(b.weights).toEqual(a.weights);
    expect(withoutTime(b.records)).toEqual(withoutTime(a.records));
    expect(c.weights).not.toEqual(a.weights);
  });

  for (const [label, schedule, spe, stopAfter] of [
    ['learned σ, at an epoch boundary', learnedSchedule, 2, 2],
    ['a stateful random schedule, mid-epoch', jitterSchedule, 3, 2],
  ] as const) {
    it(`resumes bit-identically (${label}): 4 steps = 2 + encode/decode + resume + 2`, async () => {
      const options = { epochs: spe === 2 ? 2 : 4, batchSize: 2 };
      const total = spe === 2 ? 4 : 12;
      const straight = await run({ schedule: schedule() as SigmaSchedule, data: stream(spe), options });
      const controller = new AbortController();
      const first = await run({
        schedule: schedule() as SigmaSchedule,
        data: stream(spe),
        options,
        signal: controller.signal,
        config: { note: 'opaque' },
      }, (r) => void (r.step === stopAfter - 1 && controller.abort()));
      const bytes = encodeCheckpoint(first.checkpoints[0]!);
      const second = await run({ model: createTinyModel(geometry, createRng('other')), schedule: schedule() as SigmaSchedule, data: stream(spe), options, seed: 123, resume: decodeCheckpoint(bytes) });
      expect(second.result).toMatchObject({ step: total, stopped: false });
      expect(second.weights).toEqual(straight.weights);
      expect(first.result).toMatchObject({ step: stopAfter, stopped: true });
      expect(first.checkpoints.map((c) => [c.step, c.config])).toEqual([[stopAfter, { note: 'opaque' }]]);
      expect(straight.records).toHaveLength(total);
    });
  }

  it('continues the records exactly after a resume, even with a different seed argument', async () => {
    const straight = await run({ schedule: jitterSchedule() as SigmaSchedule, data: stream(3), options: { epochs: 2, batchSize: 2, checkpointEvery: 4 } });
    const resumed = await run({ schedule: jitterSchedule() as SigmaSchedule, data: stream(3), seed: 99, options: { epochs: 2, batchSize: 2 }, resume: decodeCheckpoint(encodeCheckpoint(straight.checkpoints[0]!)) });
    expect(straight.checkpoints.map((c) => c.step)).toEqual([4, 6]);
    expect(withoutTime(resumed.records)).toEqual(withoutTime(straight.records.slice(4)));
  });

  it('trains plain reconstruction for `none`: no simulator call, no pseudo terms', async () => {
    const never: Simulator = { type: 'never', simulate: () => { throw new Error('simulate must not be called'); } };
    const { records } = await run({ schedule: staticSchedule(0.5, false), simulator: never });
    for (const r of records) expect(r).toMatchObject({ sigma: null, logit: null, lDist: null, lPseudo: null, loss: r.lRecon });
  });

  it('gives a fixed schedule an explicit context and carries its state', async () => {
    const contexts: ScheduleContext[] = [];
    const states: unknown[] = [];
    const spy: SigmaSchedule<number> = {
      type: 'spy', enabled: true, initialState: () => 0,
      next: (ctx, state) => (contexts.push({ ...ctx, history: [...ctx.history] }), states.push(state), { sigma: 0.25 + 0.1 * state, state: state + 1 }),
    };
    const { records } = await run({ schedule: spy as SigmaSchedule, options: { epochs: 2, batchSize: 2, historyWindow: 2 }, simulator: createWeightedNoiseSimulator() });
    expect(states).toEqual([0, 1, 2, 3]);
    expect(records.map((r) => r.sigma)).toEqual([0.25, 0.35, 0.45, 0.55].map((x) => expect.closeTo(x, 12)));
    expect(contexts.map((c) => [c.step, c.epoch, c.stepsPerEpoch, c.totalEpochs, c.totalSteps])).toEqual([[0, 0, 2, 2, 4], [1, 0, 2, 2, 4], [2, 1, 2, 2, 4], [3, 1, 2, 2, 4]]);
    expect(contexts[0]!.previousSigma).toBeNull();
    expect(contexts[3]!.previousSigma).toBeCloseTo(0.45, 12);
    expect(contexts[3]!.history.map((h) => h.step)).toEqual([1, 2]);
    expect(contexts[3]!.history[1]).toEqual({ step: 2, sigma: records[2]!.sigma, lDist: records[2]!.lDist, p: records[2]!.p, n: records[2]!.n, lRecon: records[2]!.lRecon });
  });

  it('trains L_recon on mask-less batches, or skips them with skipBatchesWithoutMask', async () => {
    const kept = await run({ schedule: learnedSchedule(), data: stream(2, [0, 1]), options: { epochs: 1, batchSize: 2 } });
    for (const r of kept.records) expect(r).toMatchObject({ skipped: false, lDist: null, loss: r.lRecon, sigma: 0.5 });
    const skipped = await run({ schedule: learnedSchedule(), data: stream(2, [0, 1]), options: { epochs: 1, batchSize: 2, skipBatchesWithoutMask: true } });
    for (const r of skipped.records) expect(r).toMatchObject({ skipped: true, loss: null });
    const fresh = createTinyModel(geometry, createRng('model'));
    expect(skipped.weights).toEqual(weights({ model: fresh }));
  });

  it('refuses to resume into a different schedule or data', async () => {
    const { checkpoints } = await run({ schedule: learnedSchedule(), options: { epochs: 1, batchSize: 2 } });
    const resume = decodeCheckpoint(encodeCheckpoint(checkpoints[0]!));
    const model = createTinyModel(geometry, createRng(1));
    await expect(train({ model, simulator, schedule: staticSchedule(0.5), data: stream(2), seed: 1, resume })).rejects.toThrow(
      'loadCheckpoint: schedule must be "learned" as in the checkpoint, but got "static"',
    );
    await expect(train({ model, simulator, schedule: learnedSchedule(), data: stream(3), seed: 1, resume })).rejects.toThrow(
      'loadCheckpoint: data stepsPerEpoch must be 2 as in the checkpoint, but got 3',
    );
  });

  it('rejects a model/data mismatch and bad options with UserErrors', async () => {
    const model = createTinyModel({ ...geometry, height: 8 }, createRng(1));
    await expect(train({ model, simulator, schedule: learnedSchedule(), data: stream(1), seed: 1 })).rejects.toThrow(
      'train: data clip shape [T,H,W,C] must be [3,8,4,3] (model tiny), but got [3,4,4,3]',
    );
    await expect(train({ model, simulator, schedule: learnedSchedule(), data: stream(1), seed: 1, options: { epochz: 1 } as never })).rejects.toThrow(/trainer\.epochz: unknown key; allowed: epochs, .*logEvery/);
    await expect(
      train({ model: createTinyModel(geometry, createRng(1)), simulator, schedule: learnedSchedule(), data: stream(1), seed: 1, options: { batchSize: 1 } }),
    ).rejects.toThrow('train: batch size must be at most trainer.batchSize = 1, but got 2');
    await expect(train({ model: createTinyModel(geometry, createRng(1)), simulator, schedule: learnedSchedule(), data: stream(1), seed: 1, options: { threads: 2 } as never })).rejects.toThrow(
      /^trainer\.threads: unknown key; allowed: epochs, .*logEvery$/, // threads is the runner's: it passes a data-parallel engine instead
    );
  });

  it('yields to the event loop after every step, so a signal handler can abort mid-epoch', async () => {
    const controller = new AbortController();
    const { result, records } = await run({ schedule: learnedSchedule(), signal: controller.signal, options: { epochs: 1, batchSize: 2 } }, () => {
      setImmediate(() => controller.abort()); // runs only if train gives the event loop a turn
    });
    expect(result).toMatchObject({ step: 1, stopped: true });
    expect(records.map((r) => r.step)).toEqual([0]);
  });
});
