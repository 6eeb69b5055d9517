import type { BatchStream, HostBatch } from '../contracts/data';
import type { AnomalyModel } from '../contracts/model';
import type { JsonValue, SigmaSchedule } from '@vad/contracts';
import type { Simulator } from '../contracts/simulator';
import { UserError } from '../errors';
import { captureCheckpoint, restoreSession, type Checkpoint } from './checkpoint';
import { learningRateAt, parseTrainerOptions, type TrainerOptions, type TrainerOptionsInput } from './options';
import type { EpochSummary, StepRecord, TrainCallbacks } from './records';
import { createSession, disposeSession } from './session';
import { localEngine, runStep } from './step';
import type { GradientEngine } from './step-types';

/** Inputs of {@link train}; side effects come in through `callbacks`. */
export interface TrainArgs {
  readonly model: AnomalyModel;
  /** Pseudo-anomaly generator (e.g. `weighted-noise` from @vad/simulators); core has none of its own. */
  readonly simulator: Simulator;
  readonly schedule: SigmaSchedule;
  readonly data: BatchStream;
  /** Validated by {@link trainerOptionsSchema}; missing keys take the documented defaults. */
  readonly options?: TrainerOptionsInput;
  /** The run's seed; the simulator, schedule and shuffle streams are forked from it. */
  readonly seed: number | string;
  readonly callbacks?: TrainCallbacks;
  /** Continue from this checkpoint (its streams and data order replace those of `seed`). */
  readonly resume?: Checkpoint;
  /** Resolved run configuration, stored verbatim in every checkpoint. */
  readonly config?: JsonValue;
  /** Stops before the next step; a checkpoint is still emitted. */
  readonly signal?: AbortSignal;
  /** Gradient computation (default: in this process; `createWorkerEngine` shards it over threads). */
  readonly engine?: GradientEngine;
  /** Clock in milliseconds (default `performance.now`), for step timings. */
  readonly now?: () => number;
}

/** How a run ended. */
export interface TrainResult {
  /** Steps done. */
  readonly step: number;
  readonly stopped: boolean;
  readonly sigma: number | null;
  readonly logit: number | null;
}

/**
 * Trains `model` with pseudo anomalies from `simulator` at the σ chosen by `schedule`:
 * epochs × batches of {@link runStep}, step decay of the learning rate per epoch, callbacks for
 * every side effect, a checkpoint every `checkpointEvery` steps and at the end.
 *
 * @example
 * await train({ model, simulator, schedule: learned, data, seed: 1, options: { epochs: 10 }, callbacks: { onStep: (r) => log(r) } });
 */
export async function train(args: TrainArgs): Promise<TrainResult> {
  const options = parseTrainerOptions(args.options);
  const { model, data, callbacks = {} } = args;
  const spe = checkData(model, data);
  const session = createSession({ model, simulator: args.simulator, schedule: args.schedule, options, stepsPerEpoch: spe, source: data.source, seed: args.seed });
  const now = args.now ?? (() => performance.now());
  const engine = args.engine ?? localEngine;
  let saved = -1;
  const checkpoint = async (): Promise<void> => {
    saved = session.step;
    await callbacks.onCheckpoint?.(captureCheckpoint(session, args.config ?? null));
  };
  try {
    if (args.resume !== undefined) restoreSession(session, args.resume);
    saved = session.step;
    let stopped = false;
    for (let epoch = Math.floor(session.step / spe); epoch < options.epochs && !stopped; epoch++) {
      const lr = learningRateAt(options, epoch);
      const started = now();
      const records: StepRecord[] = [];
      let index = 0;
      for await (const host of data.batches(epoch, session.shuffleSeed)) {
        const step = epoch * spe + index++;
        if (step < session.step) continue; // trained before the checkpoint we resumed from
        if (args.signal?.aborted === true) {
          stopped = true;
          break;
        }
        checkBatch(host, data, options, index, spe);
        const record = await runStep(session, engine, host, { epoch, step, lr }, now);
        session.step = step + 1;
        records.push(record);
        if (step % options.logEvery === 0) await callbacks.onStep?.(record);
        if (options.checkpointEvery > 0 && session.step % options.checkpointEvery === 0) await checkpoint();
        await yieldToEventLoop(); // after every step: SIGINT/SIGTERM handlers run here, and abort before the next one
      }
      if (stopped) break;
      if (index !== spe) throw new Error(`train: data.batches(${epoch}) must yield stepsPerEpoch = ${spe} batches, but got ${index}`);
      await callbacks.onEpoch?.(summarise(epoch, options, records, lr, now() - started));
    }
    if (saved !== session.step) await checkpoint();
    const last = session.logit?.variable.dataSync()[0] ?? null;
    return { step: session.step, stopped, sigma: last === null ? session.previousSigma : 1 / (1 + Math.exp(-last)), logit: last };
  } finally {
    disposeSession(session);
  }
}

/** A step awaits only microtasks (tfjs is synchronous here), so macrotasks such as signal handlers need this. */
function yieldToEventLoop(): Promise<void> {
  return new Promise((resolve) => setImmediate(resolve));
}

function checkData(model: AnomalyModel, data: BatchStream): number {
  const g = model.geometry;
  const expected = [g.frames, g.height, g.width, g.channels];
  if (expected.join() !== data.clipShape.join()) {
    throw new UserError(`train: data clip shape [T,H,W,C] must be [${expected.join(',')}] (model ${model.type}), but got [${data.clipShape.join(',')}]`);
  }
  if (!(Number.isInteger(data.stepsPerEpoch) && data.stepsPerEpoch > 0)) {
    throw new UserError(`train: data.stepsPerEpoch must be a positive integer, but got ${data.stepsPerEpoch}`);
  }
  return data.stepsPerEpoch;
}

function checkBatch(host: HostBatch, data: BatchStream, options: TrainerOptions, index: number, spe: number): void {
  if (index > spe) throw new Error(`train: data.batches() must yield stepsPerEpoch = ${spe} batches, but got more`);
  const [b, ...clip] = host.shape;
  const pixels = b * clip[0]! * clip[1]! * clip[2]!;
  if (clip.join() !== data.clipShape.join() || host.clips.length !== pixels * clip[3]! || (host.masks !== null && host.masks.length !== pixels)) {
    throw new Error(`train: batch must be ${b} clips of [${data.clipShape.join(',')}] with matching array lengths, but got shape [${host.shape.join(',')}], ${host.clips.length} values, ${host.masks?.length ?? 'no'} mask values`);
  }
  if (b > options.batchSize) throw new UserError(`train: batch size must be at most trainer.batchSize = ${options.batchSize}, but got ${b}`);
}

function mean(values: readonly (number | null)[]): number | null {
  const xs = values.filter((x): x is number => x !== null);
  return xs.length === 0 ? null : xs.reduce((a, x) => a + x, 0) / xs.length;
}

function summarise(epoch: number, options: TrainerOptions, records: readonly StepRecord[], lr: number, ms: number): EpochSummary {
  const trained = records.filter((r) => !r.skipped);
  return {
    epoch,
    totalEpochs: options.epochs,
    steps: trained.length,
    skipped: records.length - trained.length,
    loss: mean(trained.map((r) => r.loss)),
    lRecon: mean(trained.map((r) => r.lRecon)),
    lDist: mean(trained.map((r) => r.lDist)),
    sigma: trained.at(-1)?.sigma ?? null,
    lr,
    ms,
  };
}
