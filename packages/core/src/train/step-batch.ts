import * as tf from '@tensorflow/tfjs';
import type { FrameSource, HostBatch } from '../contracts/data';
import type { StepBatch } from './step-types';

/** True when the host batch has at least one object pixel (something to simulate on). */
export function hasObjectPixels(batch: HostBatch): boolean {
  return batch.masks !== null && batch.masks.some((x) => x !== 0);
}

/** Uploads a host batch; masks become null when no pixel is set (nothing to simulate). */
export function uploadBatch(batch: HostBatch, source?: FrameSource): StepBatch {
  const [b, t, h, w, c] = batch.shape;
  return {
    clips: tf.tensor5d(batch.clips, [b, t, h, w, c]),
    masks: hasObjectPixels(batch) && batch.masks !== null ? tf.tensor5d(batch.masks, [b, t, h, w, 1]) : null,
    meta: batch.meta,
    ...(source !== undefined ? { source } : {}),
  };
}

/** Frees an uploaded batch. */
export function disposeBatch(batch: StepBatch): void {
  batch.clips.dispose();
  batch.masks?.dispose();
}
