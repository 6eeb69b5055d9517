/** Where a training clip came from: its video and the index (0-based) of its target (middle) frame. */
export interface ClipMeta {
    readonly video: string;
    readonly frame: number;
}
/**
 * Random access to the frames of the source videos, for temporal simulators that need frames beyond
 * the T-frame window (e.g. skipped frames with stride 5).
 */
export interface FrameSource {
    /** Number of frames of `video`. */
    length(video: string): number;
    /**
     * Frames of `video` at the given 0-based indices, clamped to [0, length − 1] (edge frames repeat),
     * packed as [indices.length, H, W, C] float32 in [0, 1].
     */
    frames(video: string, indices: readonly number[]): Float32Array;
}
/**
 * One training batch on the host, as the data pipeline delivers it.
 * `clips` is [B, T, H, W, C] float32 in [0, 1]; `masks` is [B, T, H, W, 1] in {0, 1} — the object
 * mask where pseudo anomalies may go — or null when the batch has no object at all.
 */
export interface HostBatch {
    readonly shape: readonly [number, number, number, number, number];
    readonly clips: Float32Array;
    readonly masks: Float32Array | null;
    readonly meta: readonly ClipMeta[];
}
/** A finite, re-iterable stream of training batches; the order of each epoch is derived from the seed. */
export interface BatchStream {
    /** Batches per epoch. */
    readonly stepsPerEpoch: number;
    /** Shape of every clip: [T, H, W, C]. */
    readonly clipShape: readonly [number, number, number, number];
    /** The batches of `epoch`, in a deterministic order fixed by `seed` and `epoch`. */
    batches(epoch: number, seed: number): AsyncIterable<HostBatch> | Iterable<HostBatch>;
    /** Access to the full source videos, when the data source has them. */
    readonly source?: FrameSource;
}
