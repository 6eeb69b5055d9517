import type { HostBatch } from '../contracts/data';
import type { StepRecord } from './records';
import { decideSigma, observe, type TrainerSession } from './session';
import { applyGradients, computeGradients, disposeBatch, uploadBatch, type GradientInputs, type StepGradients } from './step';

/**
 * Computes a step's gradients. The default runs {@link computeGradients} in this process; a
 * data-parallel engine can shard the batch over workers and average their gradients.
 */
export interface GradientEngine {
  computeGradients(inputs: GradientInputs): StepGradients | Promise<StepGradients>;
}

/** Computes gradients in this process. */
export const localEngine: GradientEngine = { computeGradients };

/** Where a step sits in the run. */
export interface StepPosition {
  readonly epoch: number;
  readonly step: number;
  readonly lr: number;
}

/**
 * One training step, top to bottom: σ (schedule or ℓ) → upload → simulate, f(X), f(X_A), loss,
 * gradients (the engine) → Adam → history → record.
 */
export async function runStep(session: TrainerSession, engine: GradientEngine, host: HostBatch, at: StepPosition, now: () => number): Promise<StepRecord> {
  const started = now();
  const hasMask = host.masks !== null && host.masks.some((x) => x !== 0);
  if (session.options.skipBatchesWithoutMask && !hasMask) {
    return { step: at.step, epoch: at.epoch, sigma: null, logit: null, loss: null, lRecon: null, lPseudo: null, lDist: null, p: null, n: null, maskedPixels: 0, lr: at.lr, ms: now() - started, skipped: true };
  }
  const sigma = decideSigma(session, at.epoch, at.step);
  const batch = uploadBatch(host, session.source);
  const { model, simulator, loss } = session;
  let result: StepGradients;
  try {
    result = await engine.computeGradients({ model, simulator, batch, sigma: sigma.input, rng: session.rngs.simulator, loss });
  } finally {
    disposeBatch(batch);
  }
  const { grads, values } = result;
  applyGradients(model, session.logit, session.optimizers, grads, at.lr);
  observe(session, at.step, sigma.sigma, values);
  return { step: at.step, epoch: at.epoch, sigma: sigma.sigma, logit: sigma.logit, ...values, lr: at.lr, ms: now() - started, skipped: false };
}
