import { createRng, type BatchStream, type ClipMeta, type FrameSource, type HostBatch } from '@vad/core';
import { trainTargets, windowIndices } from './clip-window';
import type { MaskProvider } from './masks/mask-provider';
import type { Dataset, Video } from './types';

/** Options of {@link createTrainStream}. */
export interface TrainStreamOptions {
  readonly frames: number; // T, odd
  readonly batchSize: number;
  readonly stride?: number; // distance between training targets in a video (default 1)
  readonly masks?: MaskProvider | null; // null / absent: batches carry no masks
  readonly prefetch?: number; // batches prepared ahead of the consumer (default 2)
}

/** Random access to the frames of `videos` by id (edge frames repeat), for temporal simulators. */
export function createFrameSource(videos: readonly Video[]): FrameSource {
  const byId = new Map(videos.map((v) => [v.id, v]));
  const get = (id: string): Video => {
    const v = byId.get(id);
    if (v === undefined) throw new Error(`FrameSource: video must be one of ${[...byId.keys()].slice(0, 5).join(', ')}…, but got "${id}"`);
    return v;
  };
  return {
    length: (id) => get(id).length,
    frames: (id, indices) => {
      const v = get(id);
      const size = v.height * v.width * v.channels;
      const out = new Float32Array(indices.length * size); // [n, H, W, C]
      indices.forEach((i, k) => out.set(v.frame(Math.min(v.length - 1, Math.max(0, i))), k * size));
      return out;
    },
  };
}

/**
 * The training {@link BatchStream} of a dataset: every full T-frame window (targets every `stride`
 * frames; windows never cross a video's edge), shuffled per epoch from `seed` and `epoch`, in batches of
 * `batchSize` (a smaller last batch is dropped unless it is the only one). The next batches are
 * assembled while the consumer works on the current one. Masks come from `masks` with an rng derived
 * from (seed, epoch, batch), so they do not depend on prefetch timing.
 *
 * @example
 * const stream = createTrainStream(dataset, {frames: 3, batchSize: 4});
 * for await (const batch of stream.batches(0, 42)) batch.shape; // => [4, 3, 64, 64, 3]
 */
export function createTrainStream(dataset: Pick<Dataset, 'train'>, options: TrainStreamOptions): BatchStream {
  const videos = dataset.train;
  const first = videos[0];
  if (first === undefined) throw new Error('createTrainStream(dataset.train) must hold at least one video, but got 0');
  if (!Number.isInteger(options.batchSize) || options.batchSize < 1) {
    throw new Error(`createTrainStream(options.batchSize) must be a positive integer, but got ${options.batchSize}`);
  }
  const T = options.frames;
  const items: ClipMeta[] = videos.flatMap((v) => trainTargets(v.length, T, options.stride ?? 1).map((frame) => ({ video: v.id, frame })));
  if (items.length === 0) throw new Error(`createTrainStream(dataset): no video has the ${T} frames a window needs`);
  const B = Math.min(options.batchSize, items.length);
  const steps = Math.floor(items.length / B);
  const byId = new Map(videos.map((v) => [v.id, v]));
  const { height: H, width: W, channels: C } = first;

  const build = async (metas: readonly ClipMeta[], seed: number, epoch: number, step: number): Promise<HostBatch> => {
    const clipSize = T * H * W * C;
    const clips = new Float32Array(metas.length * clipSize); // [B, T, H, W, C]
    const masks = options.masks ? new Float32Array(metas.length * T * H * W) : null; // [B, T, H, W, 1]
    let found = false;
    await Promise.all(
      metas.map(async (meta, b) => {
        const video = byId.get(meta.video) as Video;
        const indices = windowIndices(meta.frame, T, video.length);
        await video.readFrames(indices, clips, b * clipSize);
        if (options.masks && masks) {
          const rng = createRng(`${seed}/masks/${epoch}/${step}/${b}`);
          if (await options.masks.fill(video, indices, rng, masks, b * T * H * W)) found = true;
        }
      }),
    );
    return { shape: [metas.length, T, H, W, C], clips, masks: found ? masks : null, meta: metas };
  };

  return {
    stepsPerEpoch: steps,
    clipShape: [T, H, W, C],
    source: createFrameSource(videos),
    batches: (epoch, seed) => prefetched(steps, options.prefetch ?? 2, (step, order) => build(order.slice(step * B, (step + 1) * B), seed, epoch, step), () =>
      createRng(`${seed}/shuffle/${epoch}`).shuffle([...items]),
    ),
  };
}

async function* prefetched<T>(
  steps: number,
  depth: number,
  make: (step: number, order: readonly ClipMeta[]) => Promise<T>,
  shuffle: () => ClipMeta[],
): AsyncGenerator<T> {
  const order = shuffle();
  const pending: Promise<T>[] = [];
  let issued = 0;
  const top = (): void => {
    while (issued < steps && pending.length <= depth) pending.push(make(issued++, order));
  };
  try {
    top();
    while (pending.length > 0) {
      const batch = await (pending.shift() as Promise<T>);
      top();
      yield batch;
    }
  } finally {
    // the consumer stopped early: let the batches already in flight finish before returning
    await Promise.allSettled(pending);
  }
}
