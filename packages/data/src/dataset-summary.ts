import type { Dataset, Video } from './types';

/** Counts `vad data check` reports (the `--json` object). */
export interface DatasetSummary {
  readonly dataset: string;
  readonly train: { readonly videos: number; readonly frames: number };
  readonly test: { readonly videos: number; readonly frames: number; readonly anomalousFrames: number };
  /** Source resolution (of the first video; others that differ are listed in `notes`). */
  readonly width: number;
  readonly height: number;
  /** The size frames are resized to for the model. */
  readonly resized: { readonly width: number; readonly height: number };
  readonly channels: number;
  readonly partial: boolean;
  readonly notes: readonly string[];
}

const listed = 8; // videos named per differing source size before "… and N more"

/** Notes for videos whose source size differs from `first`, grouped by size, or whose size is unknown. */
function sizeNotes(videos: readonly Video[], first: string): string[] {
  const bySize = new Map<string, string[]>();
  for (const v of videos) {
    const size = v.sourceWidth > 0 && v.sourceHeight > 0 ? `${v.sourceWidth}×${v.sourceHeight}` : 'unknown';
    if (size !== first) bySize.set(size, [...(bySize.get(size) ?? []), v.id]);
  }
  return [...bySize].map(([size, ids]) => {
    const names = ids.slice(0, listed).join(', ') + (ids.length > listed ? ` … and ${ids.length - listed} more` : '');
    return `source size ${size} (not ${first}) in ${ids.length} video${ids.length === 1 ? '' : 's'}: ${names}`;
  });
}

/**
 * Per-split video and frame counts, anomalous test frames, source resolution (of the first video, train
 * split first; other sizes noted) and the resized model size of a dataset.
 *
 * @example
 * const s = summariseDataset(avenueSample); // opened at 64×64
 * s.test;                      // => {videos: 2, frames: 112, anomalousFrames: 89}
 * [s.width, s.height];         // => [640, 360]
 * s.resized;                   // => {width: 64, height: 64}
 */
export function summariseDataset(dataset: Dataset): DatasetSummary {
  const frames = (videos: readonly { length: number }[]): number => videos.reduce((s, v) => s + v.length, 0);
  const videos = [...dataset.train, ...dataset.test];
  const known = videos.find((v) => v.sourceWidth > 0 && v.sourceHeight > 0);
  const source = known === undefined ? { width: dataset.width, height: dataset.height } : { width: known.sourceWidth, height: known.sourceHeight };
  const unknown = videos.length > 0 ? ['source size unknown for every video: width/height are the resized size'] : [];
  const notes = [...dataset.notes, ...(known === undefined ? unknown : sizeNotes(videos, `${source.width}×${source.height}`))];
  return {
    dataset: dataset.name,
    train: { videos: dataset.train.length, frames: frames(dataset.train) },
    test: {
      videos: dataset.test.length,
      frames: frames(dataset.test),
      anomalousFrames: dataset.test.reduce((s, v) => s + v.labels.reduce((a, b) => a + b, 0), 0),
    },
    width: source.width,
    height: source.height,
    resized: { width: dataset.width, height: dataset.height },
    channels: dataset.channels,
    partial: dataset.partial,
    notes,
  };
}
