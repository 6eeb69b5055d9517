import * as tf from '@tensorflow/tfjs';
import { parentPort } from 'node:worker_threads';
import { initBackend, resolveBackendChoice } from '../backend';
import type { AnomalyModel } from '../contracts/model';
import type { Simulator } from '../contracts/simulator';
import { createModel } from '../models/create-model';
import { createRng } from '../rng';
import { computeGradients } from '../train/step';
import { logitName, type SigmaInput } from '../train/step-types';
import { packLayout, type InitMessage, type PackLayout, type StepMessage, type WorkerReply, type WorkerRequest } from './worker-protocol';

/** One data-parallel worker: a model replica that computes the gradients of its shard of each batch. */
interface WorkerState {
  readonly model: AnomalyModel;
  readonly simulator: Simulator;
  readonly layout: PackLayout;
  readonly weights: Float32Array;
  readonly output: Float32Array;
  readonly logit: tf.Variable;
}

let state: WorkerState | null = null;
const port = parentPort;
if (port === null) throw new Error('gradient-worker: must run in a worker thread, but got the main thread');
const reply = (message: WorkerReply): void => port.postMessage(message);

async function init(message: InitMessage): Promise<WorkerState> {
  await initBackend(resolveBackendChoice(message.backend));
  const model = createModel(message.model, createRng('worker-replica')); // weights arrive with every step
  const source = message.simulator; // the caller's module: core imports nothing of the packages above it by name
  const mod = (await import(source.module)) as Record<string, unknown>;
  const factory = mod[source.factory];
  if (typeof factory !== 'function') throw new Error(`gradient-worker: ${source.module} must export a function ${source.factory}, but got ${typeof factory}`);
  const simulator = await (factory as (options: unknown) => Simulator | Promise<Simulator>)(source.options);
  const layout = packLayout(model.variables());
  return { model, simulator, layout, weights: new Float32Array(message.weights), output: new Float32Array(message.output), logit: tf.variable(tf.scalar(0)) };
}

function step(s: WorkerState, message: StepMessage): WorkerReply {
  const variables = s.model.variables();
  tf.tidy(() => {
    variables.forEach((v, i) => {
      const offset = s.layout.weightOffsets[i] ?? 0;
      v.variable.assign(tf.tensor(s.weights.subarray(offset, offset + v.variable.size), v.variable.shape));
    });
  });
  const [b, t, h, w] = message.shape;
  const batch = {
    clips: tf.tensor5d(message.clips, [...message.shape]),
    masks: message.masks === null ? null : tf.tensor5d(message.masks, [b, t, h, w, 1]),
    meta: message.meta,
  };
  let sigma: SigmaInput = null;
  if (message.sigma?.kind === 'learned') {
    s.logit.assign(tf.scalar(message.sigma.logit));
    sigma = { kind: 'learned', logit: { variable: s.logit, lrMultiplier: 1 } };
  } else if (message.sigma?.kind === 'fixed') {
    sigma = { kind: 'fixed', sigma: message.sigma.sigma };
  }
  const { grads, values } = computeGradients({ model: s.model, simulator: s.simulator, batch, sigma, rng: createRng(message.seed), loss: message.loss });
  batch.clips.dispose();
  batch.masks?.dispose();
  const hasGrad = variables.map((v, i) => {
    const grad = grads[v.name];
    const offset = s.layout.gradOffsets[i] ?? -1;
    if (offset >= 0 && grad !== undefined) s.output.set(grad.dataSync(), offset);
    const stat = s.layout.statOffsets[i] ?? -1;
    if (stat >= 0) s.output.set(v.variable.dataSync(), stat);
    return grad !== undefined;
  });
  const logitGrad = grads[logitName]?.dataSync()[0] ?? null;
  for (const grad of Object.values(grads)) grad.dispose();
  return { kind: 'done', values, hasGrad, logitGrad };
}

port.on('message', (message: WorkerRequest) => {
  void (async () => {
    try {
      if (message.kind === 'init') {
        state = await init(message);
        reply({ kind: 'ready' });
      } else {
        if (state === null) throw new Error('gradient-worker: step must follow init, but got a step first');
        reply(step(state, message));
      }
    } catch (error) {
      const e = error as Error;
      reply({ kind: 'error', message: e.message, ...(e.stack !== undefined ? { stack: e.stack } : {}) });
    }
  })();
});
