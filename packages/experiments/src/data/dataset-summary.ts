import type { Dataset } from './types';

/** Counts `vad data check` reports (the `--json` object). */
export interface DatasetSummary {
  readonly dataset: string;
  readonly train: { readonly videos: number; readonly frames: number };
  readonly test: { readonly videos: number; readonly frames: number; readonly anomalousFrames: number };
  readonly width: number;
  readonly height: number;
  readonly channels: number;
  readonly partial: boolean;
  readonly notes: readonly string[];
}

/**
 * Per-split video and frame counts, anomalous test frames and resolution of a dataset.
 *
 * @example
 * summariseDataset(avenueSample).test; // => {videos: 2, frames: 112, anomalousFrames: 89}
 */
export function summariseDataset(dataset: Dataset): DatasetSummary {
  const frames = (videos: readonly { length: number }[]): number => videos.reduce((s, v) => s + v.length, 0);
  return {
    dataset: dataset.name,
    train: { videos: dataset.train.length, frames: frames(dataset.train) },
    test: {
      videos: dataset.test.length,
      frames: frames(dataset.test),
      anomalousFrames: dataset.test.reduce((s, v) => s + v.labels.reduce((a, b) => a + b, 0), 0),
    },
    width: dataset.width,
    height: dataset.height,
    channels: dataset.channels,
    partial: dataset.partial,
    notes: dataset.notes,
  };
}
