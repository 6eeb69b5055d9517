import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '@vad/core';
import type { ClipMeta, FrameSource, HostBatch, Simulator } from '@vad/core';
import { createDemoScene } from '@vad/simulators';
import { createFrameSource, createSyntheticDataset, syntheticOptionsSchema } from '@vad/data';

/** The clips a gallery shows: a host batch of two clips plus the frame source behind it. */
export interface GalleryScene {
  readonly batch: HostBatch;
  readonly source: FrameSource;
  readonly name: string;
}

/** Strengths shown as columns. */
export const gallerySigmas = [0.1, 0.3, 0.5, 0.7, 0.9] as const;

/**
 * Two T-frame clips from the synthetic dataset (one tracked pedestrian box as the mask), or from the
 * simulators' demo scene when the generated videos have no object present in a whole window.
 */
export function galleryScene(size: number, frames: number, seed: number): GalleryScene {
  const dataset = createSyntheticDataset(syntheticOptionsSchema.parse({ length: 48, trainVideos: 2, seed }), { height: size, width: size, channels: 3 });
  const mid = Math.floor((frames - 1) / 2);
  const plane = size * size;
  const clips = new Float32Array(2 * frames * plane * 3);
  const masks = new Float32Array(2 * frames * plane);
  const meta: ClipMeta[] = [];
  const area = (box: { x0: number; y0: number; x1: number; y1: number }): number => (box.x1 - box.x0) * (box.y1 - box.y0);
  for (const [b, video] of dataset.train.slice(0, 2).entries()) {
    let best: { frame: number; id: number; size: number } | undefined; // the largest object tracked through a whole window
    for (let f = mid; f < video.length - mid; f++) {
      const tracks = Array.from({ length: frames }, (_, t) => video.objects?.(f + t - mid) ?? []);
      for (const object of tracks[0] ?? []) {
        const boxes = tracks.map((list) => list.find((other) => other.id === object.id)?.box);
        const size = Math.min(...boxes.map((box) => (box === undefined ? 0 : area(box))));
        if (size > (best?.size ?? 0)) best = { frame: f, id: object.id, size };
      }
    }
    if (best === undefined) break;
    meta.push({ video: video.id, frame: best.frame });
    for (let t = 0; t < frames; t++) {
      const i = best.frame + t - mid;
      clips.set(video.frame(i), (b * frames + t) * plane * 3);
      const box = video.objects?.(i).find((object) => object.id === best?.id)?.box;
      if (box === undefined) continue;
      const [x0, x1] = [Math.max(0, Math.floor(box.x0)), Math.min(size, Math.ceil(box.x1))];
      for (let y = Math.max(0, Math.floor(box.y0)); y < Math.min(size, Math.ceil(box.y1)); y++) {
        masks.fill(1, (b * frames + t) * plane + y * size + x0, (b * frames + t) * plane + y * size + x1);
      }
    }
  }
  if (meta.length === 2) {
    return { batch: { shape: [2, frames, size, size, 3], clips, masks, meta }, source: createFrameSource(dataset.train), name: 'synthetic dataset' };
  }
  const demo = createDemoScene({ height: size, width: size, channels: 3, seed });
  return { batch: demo.batch([{ video: 'demo-0', frame: 12 }, { video: 'demo-1', frame: 14 }], frames), source: demo.source, name: 'demo scene' };
}

/** One gallery row: its label and the simulator drawn in it. */
export interface GalleryRow {
  readonly label: string;
  readonly simulator: Simulator;
}

/** A window of a frame, in pixels: rows y0 … y0 + height − 1, columns x0 … x0 + width − 1. */
export interface CropBox {
  readonly y0: number;
  readonly x0: number;
  readonly height: number;
  readonly width: number;
}

/** Frame geometry of one clip. */
export interface ClipDims {
  readonly frames: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** What one row shows: the crop every cell uses and, per σ, the shown clip's frames [T, H, W, C] and changed-region mask [T, H, W]. */
export interface GalleryRowData {
  readonly box: CropBox;
  readonly cells: readonly { readonly frames: Float32Array; readonly mask: Float32Array }[];
}

/** Index of the scene clip the gallery shows: the one whose object mask covers the most pixels (the first on ties). */
export function shownClip(scene: GalleryScene): number {
  const [b, t, h, w] = scene.batch.shape;
  const area = (i: number): number => (scene.batch.masks ?? new Float32Array(0)).subarray(i * t * h * w, (i + 1) * t * h * w).reduce((sum, v) => sum + (v > 0 ? 1 : 0), 0);
  return Array.from({ length: b }, (_, i) => i).reduce((best, i) => (area(i) > area(best) ? i : best), 0);
}

/**
 * Square crop around the union bounding box of `masks` (each [T, H, W], all T frames): the box's longer
 * side plus `margin` of it on each side (at least 8 px), centred on the box and shifted/clamped into
 * the frame. Empty masks give the whole frame.
 *
 * @example
 * // 96 × 96 frames, mask rows 40…59 and columns 45…54 (20 × 10): side 20·(1 + 2·0.5) = 40, centre (50, 50)
 * cropBox([mask], { frames: 1, height: 96, width: 96, channels: 3 }); // => { y0: 30, x0: 30, height: 40, width: 40 }
 */
export function cropBox(masks: readonly ArrayLike<number>[], dims: ClipDims, margin = 0.5): CropBox {
  const { frames, height, width } = dims;
  let [ymin, ymax, xmin, xmax] = [height, -1, width, -1];
  for (const mask of masks) {
    for (let k = 0; k < frames * height * width; k++) {
      if ((mask[k] ?? 0) <= 0) continue;
      const [y, x] = [Math.floor(k / width) % height, k % width];
      [ymin, ymax, xmin, xmax] = [Math.min(ymin, y), Math.max(ymax, y), Math.min(xmin, x), Math.max(xmax, x)];
    }
  }
  if (ymax < 0) return { y0: 0, x0: 0, height, width };
  const longest = Math.max(ymax - ymin + 1, xmax - xmin + 1);
  const side = Math.min(height, width, Math.max(8, Math.ceil(longest * (1 + 2 * margin))));
  const place = (lo: number, hi: number, extent: number): number => Math.min(extent - side, Math.max(0, Math.round((lo + hi + 1) / 2 - side / 2)));
  return { y0: place(ymin, ymax, height), x0: place(xmin, xmax, width), height: side, width: side };
}

/**
 * RGB bytes [H, W, 3] of frame `f` of a clip ([T, H, W, C] in [0, 1]) cropped to `box` and scaled to the
 * full H × W by nearest neighbour, with the pixels just outside the changed region `mask` ([T, H, W]; null
 * for none) — and its pixels on the cell border — painted red.
 *
 * @example
 * // 1 grey 6 × 6 frame, box {1, 1, 3, 3}: cell pixel (y, x) shows source (1 + ⌊y/2⌋, 1 + ⌊x/2⌋); a mask on
 * // source pixel (2, 2) covers cell pixels (2…3, 2…3) and outlines the 8 around them, (1, 2), (1, 3), (2, 1), …
 */
export function drawFrame(frames: Float32Array, mask: Float32Array | null, dims: ClipDims, box: CropBox, f: number): Uint8Array {
  const { height: h, width: w, channels: c } = dims;
  const source = (o: number, extent: number, start: number, size: number): number => start + Math.min(size - 1, Math.floor((o * size) / extent));
  const rows = Array.from({ length: h }, (_, y) => source(y, h, box.y0, box.height));
  const cols = Array.from({ length: w }, (_, x) => source(x, w, box.x0, box.width));
  const inside = (y: number, x: number): boolean => y >= 0 && x >= 0 && y < h && x < w && (mask?.[(f * h + (rows[y] ?? 0)) * w + (cols[x] ?? 0)] ?? 0) > 0;
  const out = new Uint8Array(h * w * 3);
  for (let y = 0; y < h; y++) {
    for (let x = 0; x < w; x++) {
      const near = inside(y - 1, x) || inside(y + 1, x) || inside(y, x - 1) || inside(y, x + 1);
      const border = y === 0 || x === 0 || y === h - 1 || x === w - 1;
      const edge = inside(y, x) ? border : near;
      const base = ((f * h + (rows[y] ?? 0)) * w + (cols[x] ?? 0)) * c;
      for (let k = 0; k < 3; k++) out[(y * w + x) * 3 + k] = edge ? ([255, 40, 40][k] ?? 0) : Math.round(255 * Math.min(1, Math.max(0, frames[base + (c === 3 ? k : 0)] ?? 0)));
    }
  }
  return out;
}

/** Clip `shown` of one simulate() call: its T frames [T, H, W, C] and changed-region mask [T, H, W]. */
function simulateOnce(simulator: Simulator, scene: GalleryScene, sigma: number, seed: number, shown: number): { frames: Float32Array; mask: Float32Array } {
  const [b, t, h, w, c] = scene.batch.shape;
  return tf.tidy(() => {
    const result = simulator.simulate({
      clips: tf.tensor5d(scene.batch.clips, [b, t, h, w, c]),
      masks: tf.tensor5d(scene.batch.masks ?? new Float32Array(b * t * h * w), [b, t, h, w, 1]),
      sigma: tf.scalar(sigma),
      rng: createRng(seed).fork(simulator.type), // same draws in every column: only σ changes
      meta: scene.batch.meta,
      source: scene.source,
    });
    const [clip, plane] = [t * h * w * c, t * h * w];
    return { frames: result.clips.dataSync().slice(shown * clip, (shown + 1) * clip) as Float32Array, mask: result.mask.dataSync().slice(shown * plane, (shown + 1) * plane) as Float32Array };
  });
}

/**
 * One row's cells (σ = 0.1 … 0.9) and its crop: the square around the shown clip's object mask and every
 * cell's changed region over all T frames (see {@link cropBox}), or the whole frame when `fullFrame`.
 */
export function simulateRow(simulator: Simulator, scene: GalleryScene, seed: number, fullFrame = false): GalleryRowData {
  const [, t, h, w, c] = scene.batch.shape;
  const shown = shownClip(scene);
  const cells = gallerySigmas.map((sigma) => simulateOnce(simulator, scene, sigma, seed, shown));
  const object = (scene.batch.masks ?? new Float32Array(0)).subarray(shown * t * h * w, (shown + 1) * t * h * w);
  const dims = { frames: t, height: h, width: w, channels: c };
  return { box: fullFrame ? { y0: 0, x0: 0, height: h, width: w } : cropBox([object, ...cells.map((cell) => cell.mask)], dims), cells };
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/** Pixel offsets of frame `f` of the cell in row `r`, column `col`: [left, top]. */
export function cellOrigin(r: number, col: number, f: number, dims: ClipDims): [number, number] {
  const [labelWidth, header, gap] = [170, 24, 8];
  const cellWidth = dims.frames * dims.width + (dims.frames - 1) * 2;
  return [labelWidth + col * (cellWidth + gap) + f * (dims.width + 2), header + r * (dims.height + gap)];
}

/**
 * Renders the gallery PNG: one row per simulator, one column per σ in {@link gallerySigmas}, each cell
 * the T frames of the shown clip (target frame marked in yellow) zoomed on the row's crop (see
 * {@link simulateRow}) with the changed region outlined in red. Also returns each row's data.
 */
export async function renderGallery(rows: readonly GalleryRow[], scene: GalleryScene, seed: number, fullFrame = false): Promise<{ png: Buffer; data: GalleryRowData[] }> {
  const [, t, h, w, c] = scene.batch.shape;
  const dims = { frames: t, height: h, width: w, channels: c };
  const [width, height] = [cellOrigin(0, gallerySigmas.length, 0, dims)[0], cellOrigin(rows.length, 0, 0, dims)[1]];
  const canvas = new Uint8Array(width * height * 3).fill(24);
  const data = rows.map((row) => simulateRow(row.simulator, scene, seed, fullFrame));
  data.forEach(({ box, cells }, r) => {
    cells.forEach(({ frames, mask }, col) => {
      for (let f = 0; f < t; f++) {
        const [left, top] = cellOrigin(r, col, f, dims);
        const rgb = drawFrame(frames, mask, dims, box, f);
        for (let y = 0; y < h; y++) canvas.set(rgb.subarray(y * w * 3, (y + 1) * w * 3), ((top + y) * width + left) * 3);
        if (f === Math.floor((t - 1) / 2)) for (let x = 0; x < w; x++) canvas.set([250, 210, 60], ((top - 3) * width + left + x) * 3); // target-frame marker
      }
    });
  });
  const cellWidth = t * w + (t - 1) * 2;
  const text = [
    ...gallerySigmas.map((sigma, col) => `<text x="${cellOrigin(0, col, 0, dims)[0] + cellWidth / 2}" y="16" text-anchor="middle">σ = ${sigma}</text>`),
    ...rows.map((row, r) => `<text x="6" y="${cellOrigin(r, 0, 0, dims)[1] + h / 2 + 5}">${escapeXml(row.label.slice(0, 24))}</text>`),
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><g font-family="sans-serif" font-size="13" fill="#eee">${text}</g></svg>`;
  const png = await sharp(Buffer.from(canvas), { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .png()
    .toBuffer();
  return { png, data };
}
