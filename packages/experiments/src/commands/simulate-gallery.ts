import sharp from 'sharp';
import * as tf from '@tensorflow/tfjs';
import { createRng } from '@vad/core';
import type { ClipMeta, FrameSource, HostBatch, Simulator } from '@vad/core';
import { createDemoScene } from '@vad/simulators';
import { createSyntheticDataset } from '../data/synthetic/synthetic-dataset';
import { syntheticOptionsSchema } from '../data/synthetic/synthetic-options';

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
    const byId = new Map(dataset.train.map((video) => [video.id, video]));
    const source: FrameSource = {
      length: (id) => byId.get(id)?.length ?? 0,
      frames: (id, indices) => {
        const video = byId.get(id);
        const out = new Float32Array(indices.length * plane * 3);
        indices.forEach((i, k) => video !== undefined && out.set(video.frame(Math.min(video.length - 1, Math.max(0, i))), k * plane * 3));
        return out;
      },
    };
    return { batch: { shape: [2, frames, size, size, 3], clips, masks, meta }, source, name: 'synthetic dataset' };
  }
  const demo = createDemoScene({ height: size, width: size, channels: 3, seed });
  return { batch: demo.batch([{ video: 'demo-0', frame: 12 }, { video: 'demo-1', frame: 14 }], frames), source: demo.source, name: 'demo scene' };
}

/** Sample 0 of one simulate() call: its T frames [T, H, W, C] and changed-region mask [T, H, W]. */
function simulateOnce(simulator: Simulator, scene: GalleryScene, sigma: number, seed: number): { frames: Float32Array; mask: Float32Array } {
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
    return { frames: Float32Array.from(result.clips.dataSync().subarray(0, t * h * w * c)), mask: Float32Array.from(result.mask.dataSync().subarray(0, t * h * w)) };
  });
}

function escapeXml(text: string): string {
  return text.replace(/[<>&"]/g, (ch) => `&#${ch.charCodeAt(0)};`);
}

/**
 * Renders the gallery PNG: one row per simulator, one column per σ in {@link gallerySigmas}, each
 * cell the T frames of the first clip (target frame in the middle) with the changed region outlined in red.
 */
export async function renderGallery(rows: readonly { label: string; simulator: Simulator }[], scene: GalleryScene, seed: number): Promise<Buffer> {
  const [, t, h, w, c] = scene.batch.shape;
  const [labelWidth, header, gap] = [170, 24, 8];
  const cellWidth = t * w + (t - 1) * 2;
  const width = labelWidth + gallerySigmas.length * (cellWidth + gap);
  const height = header + rows.length * (h + gap);
  const canvas = new Uint8Array(width * height * 3).fill(24);
  const put = (x: number, y: number, rgb: readonly number[]): void => canvas.set(rgb, (y * width + x) * 3);
  rows.forEach((row, r) => {
    gallerySigmas.forEach((sigma, col) => {
      const { frames, mask } = simulateOnce(row.simulator, scene, sigma, seed);
      for (let f = 0; f < t; f++) {
        const [left, top] = [labelWidth + col * (cellWidth + gap) + f * (w + 2), header + r * (h + gap)];
        const at = (y: number, x: number): number => (y < 0 || x < 0 || y >= h || x >= w ? 0 : (mask[(f * h + y) * w + x] ?? 0));
        for (let y = 0; y < h; y++) {
          for (let x = 0; x < w; x++) {
            const edge = at(y, x) > 0 && (at(y - 1, x) === 0 || at(y + 1, x) === 0 || at(y, x - 1) === 0 || at(y, x + 1) === 0);
            const base = ((f * h + y) * w + x) * c;
            const rgb = [0, 1, 2].map((k) => Math.round(255 * Math.min(1, Math.max(0, frames[base + (c === 3 ? k : 0)] ?? 0))));
            put(left + x, top + y, edge ? [255, 40, 40] : rgb);
          }
        }
        if (f === Math.floor((t - 1) / 2)) for (let x = 0; x < w; x++) put(left + x, top - 3, [250, 210, 60]); // target-frame marker
      }
    });
  });
  const text = [
    ...gallerySigmas.map((sigma, col) => `<text x="${labelWidth + col * (cellWidth + gap) + cellWidth / 2}" y="16" text-anchor="middle">σ = ${sigma}</text>`),
    ...rows.map((row, r) => `<text x="6" y="${header + r * (h + gap) + h / 2 + 5}">${escapeXml(row.label.slice(0, 24))}</text>`),
  ].join('');
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}"><g font-family="sans-serif" font-size="13" fill="#eee">${text}</g></svg>`;
  return sharp(Buffer.from(canvas), { raw: { width, height, channels: 3 } })
    .composite([{ input: Buffer.from(svg), top: 0, left: 0 }])
    .png()
    .toBuffer();
}
