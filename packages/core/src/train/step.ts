import * as tf from '@tensorflow/tfjs';
import type { HostBatch } from '../contracts/data';
import type { AnomalyModel } from '../contracts/model';
import type { ScheduleContext } from '@vad/contracts';
import { describeValue, UserError } from '../errors';
import { adamUpdate } from './adam';
import { reconstructionLoss } from './loss';
import { middleFrame, pseudoLoss } from './loss-modes';
import type { StepRecord } from './records';
import type { TrainerSession } from './session';
import { disposeBatch, hasObjectPixels, uploadBatch } from './step-batch';
import { logitName, type GradientEngine, type GradientInputs, type LearnedLogit, type LossValues, type Optimizers, type SigmaInput, type StepGradients, type StepPosition } from './step-types';

/**
 * One training step, top to bottom: σ → simulate → f(X), f(X_A) → loss → update → report. The
 * middle (simulate, both forwards, loss, gradients) is {@link computeGradients} below, run by
 * `engine`: in this process, or sharded over threads. The session carries everything from step to
 * step (streams, ℓ, Adam, the schedule's state and history), so a checkpoint can hold all of it.
 */
export async function runStep(session: TrainerSession, engine: GradientEngine, host: HostBatch, at: StepPosition, now: () => number): Promise<StepRecord> {
  const started = now();
  const { model, simulator, loss, logit, optimizers } = session;
  if (session.options.skipBatchesWithoutMask && !hasObjectPixels(host)) {
    return { step: at.step, epoch: at.epoch, sigma: null, logit: null, loss: null, lRecon: null, lPseudo: null, lDist: null, p: null, n: null, maskedPixels: 0, lr: at.lr, ms: now() - started, skipped: true };
  }
  const sigma = nextSigma(session, at); // σ: sigmoid(ℓ) when learned, else the schedule's (null: none)
  const batch = uploadBatch(host, session.source);
  let result: StepGradients;
  try {
    result = await engine.computeGradients({ model, simulator, batch, sigma: sigma.input, rng: session.rngs.simulator, loss }); // simulate, f(X), f(X_A), loss, ∇
  } finally {
    disposeBatch(batch);
  }
  applyGradients(model, logit, optimizers, result.grads, at.lr); // update: Adam on the weights and ℓ
  observe(session, at.step, sigma.sigma, result.values); // report: the schedules' history …
  return { step: at.step, epoch: at.epoch, sigma: sigma.sigma, logit: sigma.logit, ...result.values, lr: at.lr, ms: now() - started, skipped: false }; // … and the step record
}

/** σ of the next step: from ℓ when learned, from the schedule (explicit context and state) otherwise. */
function nextSigma(session: TrainerSession, at: StepPosition): { input: SigmaInput; sigma: number | null; logit: number | null } {
  const { schedule, options } = session;
  if (!schedule.enabled) return { input: null, sigma: null, logit: null };
  if (session.logit !== null) {
    const logit = session.logit.variable.dataSync()[0] ?? NaN;
    return { input: { kind: 'learned', logit: session.logit }, sigma: 1 / (1 + Math.exp(-logit)), logit };
  }
  const random = session.rngs.schedule;
  const context: ScheduleContext = {
    step: at.step,
    epoch: at.epoch,
    stepsPerEpoch: session.stepsPerEpoch,
    totalEpochs: options.epochs,
    totalSteps: options.epochs * session.stepsPerEpoch,
    previousSigma: session.previousSigma,
    history: [...session.history],
    random: () => random.next(),
  };
  const decision = schedule.next(context, session.scheduleState);
  if (!(Number.isFinite(decision.sigma) && decision.sigma >= 0 && decision.sigma <= 1)) {
    throw new UserError(`train: schedule "${schedule.type}" must give σ in [0, 1], but got ${describeValue(decision.sigma)} at step ${at.step}`);
  }
  session.scheduleState = decision.state;
  return { input: { kind: 'fixed', sigma: decision.sigma }, sigma: decision.sigma, logit: null };
}

/** Records a step for the schedules' history window (only steps with pseudo terms are observations). */
function observe(session: TrainerSession, step: number, sigma: number | null, values: LossValues): void {
  if (sigma !== null) session.previousSigma = sigma;
  if (sigma === null || values.lDist === null || values.p === null || values.n === null) return;
  session.history.push({ step, sigma, lDist: values.lDist, p: values.p, n: values.n, lRecon: values.lRecon });
  if (session.history.length > session.options.historyWindow) session.history.shift();
}

/**
 * The differentiable half of a DDL step, pure in its inputs (a data-parallel engine can run it per
 * shard and average the gradients): σ → simulate → f(X), f(X_A) (both BatchNorm train mode) →
 * L = L_recon + λ·L_pseudo → gradients. ℓ gets its gradient only through X_A. Without σ or masks it
 * is plain reconstruction: no simulator call, no second forward. Returned gradients are the caller's.
 */
export function computeGradients(inputs: GradientInputs): StepGradients {
  const { model, batch, sigma, loss } = inputs;
  const masks = sigma !== null ? batch.masks : null; // null ⇒ plain reconstruction
  const trainable = model.variables().filter((v) => v.trainable);
  const names = new Map(trainable.map((v) => [v.variable.name, v.name]));
  const varList = trainable.map((v) => v.variable);
  if (masks !== null && sigma?.kind === 'learned') {
    names.set(sigma.logit.variable.name, logitName);
    varList.push(sigma.logit.variable);
  }
  const kept: { terms?: tf.Tensor1D } = {}; // [loss, lRecon] or [loss, lRecon, lPseudo, lDist, p, n, count]
  const grads = tf.tidy(() => {
    const result = tf.variableGrads(() => {
      const lRecon = reconstructionLoss(middleFrame(batch.clips), model.apply(batch.clips, true)); // f(X)
      if (masks === null || sigma === null) {
        kept.terms = tf.keep(tf.stack([lRecon, lRecon]) as tf.Tensor1D);
        return lRecon;
      }
      const s = sigma.kind === 'learned' ? tf.sigmoid(sigma.logit.variable) : tf.scalar(sigma.sigma); // σ
      const sim = inputs.simulator.simulate({ ...batch, masks, sigma: s as tf.Scalar, rng: inputs.rng });
      const frames = {
        target: sim.target, // X_t [B, H, W, C]
        anomalous: middleFrame(sim.clips), // X_t^A [B, H, W, C]
        reconstruction: model.apply(sim.clips, true), // f(X_A) [B, H, W, C]
        maskT: tf.squeeze(middleFrame(sim.mask), [3]) as tf.Tensor3D, // M_t [B, H, W]
      };
      const t = pseudoLoss(loss, frames, sim.mask);
      const total = tf.add(lRecon, tf.mul(t.lPseudo, loss.lambda)) as tf.Scalar;
      kept.terms = tf.keep(tf.stack([total, lRecon, t.lPseudo, t.lDist, t.p, t.n, t.count]) as tf.Tensor1D);
      return total;
    }, varList);
    const renamed: Record<string, tf.Tensor> = {};
    for (const [tfName, grad] of Object.entries(result.grads)) renamed[names.get(tfName) ?? tfName] = grad;
    return renamed;
  });
  return { grads, values: readValues(kept.terms) };
}

/**
 * The update half of a step: Adam on every model weight that has a gradient at `lr`, on ℓ at
 * `lr × lrMultiplier`, then σ clamped to its bounds. Consumes (disposes) `grads`.
 */
export function applyGradients(model: AnomalyModel, logit: LearnedLogit | null, optimizers: Optimizers, grads: Record<string, tf.Tensor>, lr: number): void {
  for (const { name, variable, trainable } of model.variables()) {
    const grad = grads[name];
    if (trainable && grad !== undefined) adamUpdate(optimizers.model, name, variable, grad, lr);
  }
  const logitGrad = grads[logitName];
  if (logit !== null && logitGrad !== undefined) {
    adamUpdate(optimizers.logit, logitName, logit.variable, logitGrad, lr * logit.lrMultiplier);
    if (logit.bounds !== undefined) {
      const [lo, hi] = logit.bounds.map((s) => Math.log(s / (1 - s))) as [number, number];
      tf.tidy(() => logit.variable.assign(tf.clipByValue(logit.variable, lo, hi)));
    }
  }
  for (const grad of Object.values(grads)) grad.dispose();
}

function readValues(terms: tf.Tensor1D | undefined): LossValues {
  if (terms === undefined) throw new Error('computeGradients: the loss must have been evaluated, but got no terms');
  const v = Array.from(terms.dataSync());
  terms.dispose();
  const [loss = NaN, lRecon = NaN, lPseudo, lDist, p, n, count = 0] = v;
  const dist = (x: number | undefined): number | null => (count > 0 && x !== undefined ? x : null);
  return { loss, lRecon, lPseudo: lPseudo ?? null, lDist: dist(lDist), p: dist(p), n: dist(n), maskedPixels: count };
}

/** Computes gradients in this process. */
export const localEngine: GradientEngine = { computeGradients };
