import type * as tf from '@tensorflow/tfjs';
import type { ClipMeta, FrameSource } from '../contracts/data';
import type { AnomalyModel } from '../contracts/model';
import type { Simulator } from '../contracts/simulator';
import type { Rng } from '../rng';
import type { Adam } from './adam';
import type { LossConfig } from './loss-modes';

/** Name of the learned ℓ (σ = sigmoid(ℓ)) in gradients, optimiser state and checkpoints. */
export const logitName = 'ddl.logit';

/** ℓ, owned by the trainer: σ = sigmoid(ℓ), optional clamp of σ, learning rate × `lrMultiplier`. */
export interface LearnedLogit {
  readonly variable: tf.Variable;
  readonly lrMultiplier: number;
  readonly bounds?: readonly [number, number];
}

/** σ of one step: learned through ℓ, a fixed number from a schedule, or null (no pseudo anomalies). */
export type SigmaInput = { readonly kind: 'learned'; readonly logit: LearnedLogit } | { readonly kind: 'fixed'; readonly sigma: number } | null;

/** One batch on the device. `masks` is null when the batch has no object pixel at all. */
export interface StepBatch {
  readonly clips: tf.Tensor5D; // [B, T, H, W, C]
  readonly masks: tf.Tensor5D | null; // [B, T, H, W, 1]
  readonly meta: readonly ClipMeta[];
  readonly source?: FrameSource;
}

/** Everything one gradient computation needs (no hidden state). */
export interface GradientInputs {
  readonly model: AnomalyModel;
  readonly simulator: Simulator;
  readonly batch: StepBatch;
  readonly sigma: SigmaInput;
  /** The simulator's stream (every call draws from it). */
  readonly rng: Rng;
  readonly loss: LossConfig;
}

/** Loss terms of one step as numbers; the pseudo terms are null when the step had none. */
export interface LossValues {
  readonly loss: number;
  readonly lRecon: number;
  readonly lPseudo: number | null;
  readonly lDist: number | null;
  readonly p: number | null;
  readonly n: number | null;
  /** Masked pixels of the middle frames (0 without pseudo anomalies). */
  readonly maskedPixels: number;
}

/** Gradients by variable name (model names and {@link logitName}) plus the loss terms. */
export interface StepGradients {
  readonly grads: Record<string, tf.Tensor>;
  readonly values: LossValues;
}

/**
 * Computes a step's gradients. The default runs `computeGradients` in this process; a data-parallel
 * engine can shard the batch over workers and average their gradients.
 */
export interface GradientEngine {
  computeGradients(inputs: GradientInputs): StepGradients | Promise<StepGradients>;
}

/** The trainer's optimisers: one Adam for the model, one for ℓ (its own learning rate). */
export interface Optimizers {
  readonly model: Adam;
  readonly logit: Adam;
}

/** Where a step sits in the run. */
export interface StepPosition {
  readonly epoch: number;
  readonly step: number;
  readonly lr: number;
}
