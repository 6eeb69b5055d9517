import { spawnSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import { frameScore, postprocessScores, type EvaluationProtocol } from '@vad/metrics';
import { createVideo, memoryStore, testClips, frameBytes, findFfmpeg, frameDtype, parseResize, type ResizeMode, writeFileAtomic } from '@vad/data';
import { timelineChart } from '../plots/charts';
import { overlayPng } from '../plots/overlay';
import { writeChart } from '../plots/render-chart';
import { errorMaps } from './error-maps';
import { checkOutputDir, prepareOutputDir } from '../io/output-path';
import { readInferInput, type InferInput } from './infer-input';
import { loadTrained, type TrainedModel } from './load-trained';
import { withRunLock } from './run-lock';

/** Options of {@link inferVideo}. */
export interface InferOptions {
  readonly out: string;
  readonly log: (line: string) => void;
  /** Write the heat-map overlay frames and video (default true). */
  readonly overlay?: boolean;
  /** Frame rate for a frames folder (videos carry their own). */
  readonly fps?: number;
}

/** What `vad infer` wrote. */
export interface InferResult {
  readonly frames: number;
  readonly files: readonly string[];
  readonly video: 'mp4' | 'png-frames' | 'none';
}

function quantile(values: Float32Array, q: number): number {
  const step = Math.max(1, Math.floor(values.length / 100_000)); // a subsample is plenty for a colour scale
  const sample = Array.from({ length: Math.ceil(values.length / step) }, (_, i) => values[i * step] ?? 0).sort((a, b) => a - b);
  return sample[Math.min(sample.length - 1, Math.floor(q * sample.length))] ?? 1;
}

function encodeMp4(framesDir: string, fps: number, target: string, log: (line: string) => void): boolean {
  let ffmpeg: string;
  try {
    ffmpeg = findFfmpeg();
  } catch (error) {
    log(`no ffmpeg (${(error as Error).message.split('\n')[0]}); overlay frames stay as PNG files in ${framesDir}`);
    return false;
  }
  for (const codec of [['-c:v', 'libx264', '-pix_fmt', 'yuv420p'], ['-c:v', 'mpeg4', '-q:v', '3']]) {
    const pattern = join(framesDir.replace(/%/g, '%%'), 'frame-%06d.png'); // ffmpeg reads `%` in an input path as part of the pattern
    const args = ['-y', '-hide_banner', '-loglevel', 'error', '-framerate', String(fps), '-i', pattern, '-vf', 'pad=ceil(iw/2)*2:ceil(ih/2)*2', ...codec, target];
    const run = spawnSync(ffmpeg, args, { encoding: 'utf8' });
    if (run.status === 0) return true;
    log(`ffmpeg ${codec[1]} failed: ${(run.stderr ?? '').trim().split('\n').slice(-1)[0] ?? run.status}`);
  }
  log(`could not encode an mp4; overlay frames stay as PNG files in ${framesDir}`);
  return false;
}

/**
 * Scores any video file or frames folder with a trained trial: every frame gets a score (edge frames
 * use replicated windows), written to scores.csv (`frame,time,score,smoothed`) with a score-over-time
 * plot (SVG + PNG), heat-map overlay frames (PNG) and, when ffmpeg is available, overlay.mp4.
 */
export async function inferVideo(modelDir: string, input: string, options: InferOptions): Promise<InferResult> {
  const out = checkOutputDir(options.out, 'vad infer: --out');
  const trained = await loadTrained(modelDir);
  try {
    const { height: H, width: W, channels: C } = trained.model.geometry;
    const resize = parseResize(trained.config.data.resize); // configs of older runs hold a kernel name
    const source = await readInferInput(input, { height: H, width: W, channels: C === 3 ? 3 : 1, resize }, options.fps);
    prepareOutputDir(out, 'vad infer: --out'); // a read-only or occupied folder is reported before the scoring
    return await withRunLock(out, `vad infer: ${out}`, () => scoreAndWrite(trained, source, resize, input, out, options));
  } finally {
    trained.model.dispose();
  }
}

async function scoreAndWrite(trained: TrainedModel, source: InferInput, resize: ResizeMode, input: string, out: string, options: InferOptions): Promise<InferResult> {
  const { frames: T, height: H, width: W, channels: C } = trained.model.geometry;
  const video = createVideo({ id: source.name, scene: 'input', fps: source.fps, height: H, width: W, channels: C === 3 ? 3 : 1 }, { ...memoryStore(source.data, frameBytes({ height: H, width: W, channels: C === 3 ? 3 : 1, resize })), dtype: frameDtype(resize) });
  const evaluation = trained.config.evaluation;
  const maps = new Float32Array(video.length * H * W); // [L, H, W]
  const scores = new Array<number>(video.length).fill(0);
  for await (const batch of testClips(video, { frames: T, edge: 'replicate', batchSize: evaluation.batchSize })) {
    const errors = (await errorMaps(trained.model, batch.clips, batch.shape)).errors; // [B, H, W]
    batch.frames.forEach((frame, b) => {
      const map = errors.subarray(b * H * W, (b + 1) * H * W);
      maps.set(map, frame * H * W);
      scores[frame] = frameScore(map, H, W, evaluation);
    });
  }
  options.log(`${source.name}: ${video.length} frames scored at ${W}×${H}`);
  const protocol: Partial<EvaluationProtocol> = { normalization: evaluation.normalization, smoothing: evaluation.smoothing };
  const smoothed = postprocessScores(scores.map((score, frame) => ({ video: source.name, frame, score, label: 0 })), protocol)[0]?.scores ?? [];
  const csv = ['frame,time,score,smoothed', ...scores.map((s, i) => `${i},${(i / source.fps).toFixed(3)},${s},${smoothed[i] ?? ''}`)].join('\n');
  const files = [join(out, 'scores.csv')];
  writeFileAtomic(files[0] as string, `${csv}\n`);
  await writeChart(join(out, 'scores'), timelineChart(`anomaly score — ${source.name}`, scores.map((score, frame) => ({ frame, score: smoothed[frame] ?? score, label: 0 }))));
  files.push(join(out, 'scores.svg'), join(out, 'scores.png'));
  if (options.overlay === false) return { frames: video.length, files, video: 'none' };
  const framesDir = join(out, 'overlay-frames');
  rmSync(framesDir, { recursive: true, force: true }); // frames of an earlier, longer input would end up in this video
  const scale = Math.max(quantile(maps, 0.995), 1e-6);
  const width = Math.min(640, source.sourceWidth > 0 ? source.sourceWidth : Math.max(W, 256));
  const height = 2 * Math.round((source.sourceHeight > 0 ? (width * source.sourceHeight) / source.sourceWidth : (width * H) / W) / 2);
  const display = await readInferInput(input, { height, width, channels: 3, resize: { method: 'bilinear', antialias: true, quantize: false } }, options.fps); // smooth 8-bit frames for the overlay
  for (let i = 0; i < video.length; i++) {
    const frame = { data: display.data.subarray(i * height * width * 3, (i + 1) * height * width * 3), height, width, channels: 3 };
    const png = await overlayPng(frame, { data: maps.subarray(i * H * W, (i + 1) * H * W), height: H, width: W }, scale);
    writeFileAtomic(join(framesDir, `frame-${String(i).padStart(6, '0')}.png`), png);
  }
  files.push(framesDir);
  const mp4 = join(out, 'overlay.mp4');
  if (encodeMp4(framesDir, source.fps, mp4, options.log)) {
    files.push(mp4);
    return { frames: video.length, files, video: 'mp4' };
  }
  return { frames: video.length, files, video: 'png-frames' };
}
