import type { HostBatch } from '../contracts/data';
import type { StepRecord } from './records';
import { type TrainerSession } from './session';
import { type GradientInputs, type StepGradients } from './step';
/**
 * Computes a step's gradients. The default runs {@link computeGradients} in this process; a
 * data-parallel engine can shard the batch over workers and average their gradients.
 */
export interface GradientEngine {
    computeGradients(inputs: GradientInputs): StepGradients | Promise<StepGradients>;
}
/** Computes gradients in this process. */
export declare const localEngine: GradientEngine;
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
export declare function runStep(session: TrainerSession, engine: GradientEngine, host: HostBatch, at: StepPosition, now: () => number): Promise<StepRecord>;
