import { scoredFrames, windowIndices, type EdgePolicy } from './clip-window';
import type { Video } from './types';

/** Options of {@link testClips}. */
export interface TestClipsOptions {
  readonly frames: number; // T, odd
  readonly edge: EdgePolicy;
  readonly batchSize: number;
}

/** A batch of evaluation windows of one video and the target frame each one scores. */
export interface TestClipBatch {
  readonly shape: readonly [number, number, number, number, number]; // [B, T, H, W, C]
  readonly clips: Float32Array;
  readonly frames: readonly number[]; // 0-based target frame of each clip
}

/**
 * Slides the T-frame window over a test video in batches: with `edge: 'drop'` only frames
 * (T−1)/2 … length−1−(T−1)/2 are scored (cut the labels with `scoredFrames`/`scoredLabels`), with
 * `replicate` every frame is, edge frames repeating. The next batch is read while the caller works.
 *
 * @example
 * // a 10-frame video, T = 3, drop: targets 1…8 in batches of 4
 * for await (const b of testClips(video, {frames: 3, edge: 'drop', batchSize: 4})) b.frames; // [1,2,3,4] then [5,6,7,8]
 */
export async function* testClips(video: Video, options: TestClipsOptions): AsyncGenerator<TestClipBatch> {
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
    throw new Error(`testClips(options.batchSize) must be a positive integer, but got ${options.batchSize}`);
  }
  const T = options.frames;
  const targets = scoredFrames(video.length, T, options.edge);
  const clipSize = T * video.height * video.width * video.channels;
  const read = async (start: number): Promise<TestClipBatch> => {
    const frames = targets.slice(start, start + options.batchSize);
    const clips = new Float32Array(frames.length * clipSize); // [B, T, H, W, C]
    await Promise.all(frames.map((f, b) => video.readFrames(windowIndices(f, T, video.length), clips, b * clipSize)));
    return { shape: [frames.length, T, video.height, video.width, video.channels], clips, frames };
  };
  let next = targets.length > 0 ? read(0) : null;
  try {
    for (let start = 0; next !== null; start += options.batchSize) {
      const current = await next;
      next = start + options.batchSize < targets.length ? read(start + options.batchSize) : null;
      yield current;
    }
  } finally {
    if (next !== null) await Promise.allSettled([next]);
  }
}
