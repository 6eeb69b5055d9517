import type { AnomalyModel } from '@vad/core';
import { frameScore, type EvaluationProtocol, type ScoreRow } from '@vad/metrics';
import { testClips, type TestVideo } from '@vad/data';
import { errorMaps } from './error-maps';

/** Options of {@link scoreVideos}. */
export interface ScoreVideosOptions {
  readonly protocol: Pick<EvaluationProtocol, 'scorer' | 'patchSize' | 'psnrPeak' | 'edgePolicy'>;
  readonly batchSize: number;
  /** Called with each video's id after it is scored (progress). */
  readonly onVideo?: (video: string, index: number, total: number) => void;
}

/**
 * Slides the model's T-frame window over every test video, reconstructs each middle frame, turns the
 * per-pixel error map into a frame score with the protocol's scorer (DDL: patch-max), and returns one
 * row per frame: frames the edge policy leaves unscored get `score: null` (labels are never cut);
 * rows carry the frame's anomaly kinds when the video has them.
 *
 * @example
 * const rows = await scoreVideos(model, dataset.test, { protocol, batchSize: 8 });
 * rows[0]; // => { video: 'test_00', frame: 0, score: null, label: 0, scene: '00' }  (edge drop, T = 3)
 */
export async function scoreVideos(model: AnomalyModel, videos: readonly TestVideo[], options: ScoreVideosOptions): Promise<ScoreRow[]> {
  const { frames: T, height: H, width: W } = model.geometry;
  const rows: ScoreRow[] = [];
  for (const [index, video] of videos.entries()) {
    const scores = new Array<number | null>(video.length).fill(null);
    for await (const batch of testClips(video, { frames: T, edge: options.protocol.edgePolicy, batchSize: options.batchSize })) {
      const maps = (await errorMaps(model, batch.clips, batch.shape)).errors; // [B, H, W]
      batch.frames.forEach((frame, b) => {
        scores[frame] = frameScore(maps.subarray(b * H * W, (b + 1) * H * W), H, W, options.protocol);
      });
    }
    for (let frame = 0; frame < video.length; frame++) {
      const row = { video: video.id, frame, score: scores[frame] ?? null, label: video.labels[frame] ?? 0, scene: video.scene };
      rows.push(video.kinds === undefined ? row : { ...row, kinds: video.kinds[frame] ?? [] });
    }
    options.onVideo?.(video.id, index, videos.length);
  }
  return rows;
}
