import type { Box } from './pixels/boxes';

/** A ground-truth object of a synthetic frame (pedestrian or anomaly), in pixels of the dataset size. */
export interface SceneObject {
  readonly id: number;
  readonly kind: 'pedestrian' | 'cyclist' | 'skater' | 'cart' | 'runner' | 'wrong-way' | 'off-path' | 'erratic' | 'object' | 'loiterer';
  readonly box: Box;
  readonly anomalous: boolean;
}

/**
 * One video of a dataset, resized to the dataset's H×W×C. Frames are decoded lazily (or held in
 * memory for the synthetic set) and returned as fresh [H, W, C] float32 arrays in [0, 1].
 */
export interface Video {
  readonly id: string;
  readonly scene: string;
  readonly length: number;
  readonly fps: number;
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  /** Width of the source frames before resizing (the dataset width for generated videos). */
  readonly sourceWidth: number;
  /** Height of the source frames before resizing (the dataset height for generated videos). */
  readonly sourceHeight: number;
  /**
   * Name of the decoded-frame cache entry (a hash of source identity + resize options) for videos
   * read from disk; derived caches (e.g. motion boxes) key on it. Absent for in-memory videos.
   */
  readonly cacheKey?: string;
  /** Name of the source folder/file stem (e.g. "Train001", "01_0014"), used to match external annotations. */
  readonly sourceName: string;
  /** Frame i as [H, W, C] float32 in [0, 1]. */
  frame(i: number): Float32Array;
  /** Frame i as [H, W, C] uint8 (the stored values; `frame(i)` = this / 255). */
  frameBytes(i: number): Uint8Array;
  /**
   * Frames at `indices` (clamped to the video) packed as [n, H, W, C] into `out` at element `offset`
   * (a new array when `out` is omitted). Asynchronous so that disk reads overlap the training step.
   */
  readFrames(indices: readonly number[], out?: Float32Array, offset?: number): Promise<Float32Array>;
  /** Number written in the source file name of frame i (0-based index for decoded video files). */
  frameNumber(i: number): number;
  /** Ground-truth objects of frame i (synthetic data only). */
  objects?(i: number): readonly SceneObject[];
}

/** A test video: per-frame 0/1 labels (1 = anomalous) and, when the dataset has them, pixel masks. */
export interface TestVideo extends Video {
  readonly labels: Uint8Array;
  /** Pixel mask of frame i as [H, W] in {0, 1}, when available. */
  pixelMask?(i: number): Uint8Array;
  /**
   * Anomaly kinds present in each frame (sorted; empty on normal frames), when known: the synthetic
   * generator records them, real datasets get them from an optional kinds file (`data.labels.kinds`).
   */
  readonly kinds?: ReadonlyArray<readonly string[]>;
}

/** A loaded dataset: normal training videos and labelled test videos, all at one size. */
export interface Dataset {
  readonly name: string;
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly train: readonly Video[];
  readonly test: readonly TestVideo[];
  /** True when fewer videos than the full benchmark are present (totals were not checked). */
  readonly partial: boolean;
  /** Human-readable notes from loading (e.g. "partial: 2 of 21 test videos present"). */
  readonly notes: readonly string[];
  /** Folder of the training split on disk (where `tracked_bounding_boxes.json` is looked for). */
  readonly trainDir?: string;
  /** Cache folder of a dataset read from disk (decoded frames; derived caches such as motion boxes go here too). */
  readonly cacheDir?: string;
}
