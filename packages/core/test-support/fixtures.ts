import * as tf from '@tensorflow/tfjs';
import type { BatchStream, HostBatch } from '../src/contracts/data';
import type { AnomalyModel, ModelGeometry, NamedVariable } from '../src/contracts/model';
import type { JsonValue, SigmaSchedule, TrainableSigma } from '@vad/contracts';
import { createRng, type Rng } from '../src/rng';

/**
 * Test fixtures for the trainer (used by its specs, not exported from the package): a tiny
 * conv → BatchNorm → ReLU → conv → sigmoid model, a seeded in-memory batch stream, and minimal σ
 * schedules. Real models, simulators and schedules come from their own folders and packages.
 */

function uniform(shape: number[], bound: number, rng: Rng): tf.Variable {
  const seed = rng.nextSeed();
  return tf.tidy(() => tf.variable(tf.randomUniform(shape, -bound, bound, 'float32', seed)));
}

/** A 2-conv AnomalyModel with one BatchNorm (running statistics updated in train mode). */
export function createTinyModel(geometry: ModelGeometry, rng: Rng, hidden = 4): AnomalyModel {
  const { frames: t, channels: c } = geometry;
  const inC = t * c;
  const vars: NamedVariable[] = tf.tidy(() => [
    { name: 'conv1.kernel', variable: uniform([3, 3, inC, hidden], 1 / Math.sqrt(9 * inC), rng), trainable: true },
    { name: 'conv1.bias', variable: uniform([hidden], 0.1, rng), trainable: true },
    { name: 'bn1.gamma', variable: tf.variable(tf.ones([hidden])), trainable: true },
    { name: 'bn1.beta', variable: tf.variable(tf.zeros([hidden])), trainable: true },
    { name: 'bn1.runningMean', variable: tf.variable(tf.zeros([hidden]), false), trainable: false },
    { name: 'bn1.runningVar', variable: tf.variable(tf.ones([hidden]), false), trainable: false },
    { name: 'conv2.kernel', variable: uniform([3, 3, hidden, c], 1 / Math.sqrt(9 * hidden), rng), trainable: true },
    { name: 'conv2.bias', variable: uniform([c], 0.1, rng), trainable: true },
  ]);
  const v = (i: number): tf.Variable => (vars[i] as NamedVariable).variable;
  return {
    type: 'tiny',
    geometry,
    apply(clips: tf.Tensor5D, training: boolean): tf.Tensor4D {
      return tf.tidy(() => {
        const [b, , h, w] = clips.shape;
        const x = tf.reshape(tf.transpose(clips, [0, 2, 3, 1, 4]), [b, h, w, inC]) as tf.Tensor4D; // [B, H, W, T·C]
        const y = tf.add(tf.conv2d(x, v(0) as tf.Tensor4D, 1, 'same'), v(1)); // [B, H, W, hidden]
        let mean: tf.Tensor = v(4);
        let variance: tf.Tensor = v(5);
        if (training) {
          ({ mean, variance } = tf.moments(y, [0, 1, 2]));
          const n = b * h * w;
          v(4).assign(tf.add(tf.mul(v(4), 0.9), tf.mul(mean, 0.1)));
          v(5).assign(tf.add(tf.mul(v(5), 0.9), tf.mul(variance, (0.1 * n) / Math.max(1, n - 1))));
        }
        const normed = tf.batchNorm(y, mean, variance, v(3), v(2), 1e-5); // [B, H, W, hidden]
        return tf.sigmoid(tf.add(tf.conv2d(tf.relu(normed) as tf.Tensor4D, v(6) as tf.Tensor4D, 1, 'same'), v(7))) as tf.Tensor4D;
      });
    },
    variables: () => vars,
    parameterCount: () => vars.filter((x) => x.trainable).reduce((sum, x) => sum + x.variable.size, 0),
    dispose: () => vars.forEach((x) => x.variable.dispose()),
  };
}

/** Shape of the synthetic stream. */
export interface SyntheticStreamOptions {
  readonly stepsPerEpoch: number;
  readonly batch: number;
  readonly clipShape: readonly [number, number, number, number];
  /** Batch indices (before shuffling) whose masks are null. */
  readonly maskless?: readonly number[];
}

/** A seeded in-memory BatchStream: fixed smooth-ish clips per batch index, a box mask, shuffled per epoch. */
export function createSyntheticStream(options: SyntheticStreamOptions): BatchStream {
  const [t, h, w, c] = options.clipShape;
  const b = options.batch;
  const make = (index: number): HostBatch => {
    const rng = createRng(`synthetic/${index}`);
    const clips = Float32Array.from({ length: b * t * h * w * c }, (_, i) => 0.5 + 0.3 * Math.sin(i * 0.37 + index) * rng.next());
    const masks = new Float32Array(b * t * h * w);
    for (let i = 0; i < masks.length; i++) {
      const y = Math.floor(i / w) % h;
      const x = i % w;
      masks[i] = y >= 1 && y < 1 + h / 2 && x >= 1 && x < 1 + w / 2 ? 1 : 0;
    }
    const meta = Array.from({ length: b }, (_, k) => ({ video: `v${index}`, frame: k + 1 }));
    return { shape: [b, t, h, w, c], clips, masks: options.maskless?.includes(index) ? null : masks, meta };
  };
  return {
    stepsPerEpoch: options.stepsPerEpoch,
    clipShape: options.clipShape,
    *batches(epoch: number, seed: number): Iterable<HostBatch> {
      const order = createRng(`${seed}/${epoch}`).shuffle(Array.from({ length: options.stepsPerEpoch }, (_, i) => i));
      for (const index of order) yield make(index);
    },
  };
}

/** DDL's learned σ. */
export function learnedSchedule(trainable: Partial<TrainableSigma> = {}): SigmaSchedule<null> {
  const sigma: TrainableSigma = { initialSigma: 0.5, lrMultiplier: 1, ...trainable };
  return { type: 'learned', enabled: true, trainable: sigma, initialState: () => null, next: () => ({ sigma: sigma.initialSigma, state: null }) };
}

/** A fixed σ; `enabled: false` gives the plain-reconstruction `none`. */
export function staticSchedule(sigma: number, enabled = true): SigmaSchedule<null> {
  return { type: enabled ? 'static' : 'none', enabled, initialState: () => null, next: () => ({ sigma, state: null }) };
}

/** A stateful, random schedule (tests that state, history and the schedule stream survive resume). */
export function jitterSchedule(): SigmaSchedule<{ readonly calls: number }> {
  return {
    type: 'jitter',
    enabled: true,
    initialState: () => ({ calls: 0 }),
    next: (ctx, state) => ({ sigma: 0.3 + 0.2 * ctx.random() + 0.01 * (state.calls % 3) + 0.001 * ctx.history.length, state: { calls: state.calls + 1 } }),
  };
}

/** Type guard helper for specs. */
export function asJson(value: unknown): JsonValue {
  return JSON.parse(JSON.stringify(value)) as JsonValue;
}
