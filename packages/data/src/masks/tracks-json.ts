import { readFile } from 'node:fs/promises';
import { UserError } from '@vad/core';
import { normalisedToPixels, rasteriseBox, rasteriseSlice } from '../pixels/boxes';
import { z } from 'zod';
import type { Video } from '../types';
import type { MaskProvider } from './mask-provider';

/** Options of the `tracks-json` mask (the official DDL code's pre-computed tracked boxes). */
export const tracksJsonMaskOptions = z.strictObject({
  type: z.literal('tracks-json'),
  file: z.string().min(1).optional(), // default: <training split folder>/tracked_bounding_boxes.json
  frameOffset: z.number().int().default(0), // added to our frame number before matching the file's numbers
  slicing: z.enum(['numpy', 'clip']).default('numpy'), // numpy: the official loader's mask[y0:y1, x0:x1] (a negative corner wraps); clip: clamp to the frame
});
export type TracksJsonMaskOptions = z.infer<typeof tracksJsonMaskOptions>;

/** Boxes by video folder → frame number → track id, each [x0, y0, x1, y1] normalised to [0, 1]. */
export type TrackIndex = Map<string, Map<number, Map<string, readonly number[]>>>;

/**
 * Indexes DDL's `tracked_bounding_boxes.json` (`{frame_path: {track_id: {box: [x0, y0, x1, y1]}}}`) by
 * the frame's folder name and the number in its file name, so keys match whatever the extension or the
 * absolute path the file was made with.
 *
 * @example
 * indexTracks({'/a/Train001/007.jpg': {'3': {box: [0, 0, 0.5, 0.5]}}}, 'x.json').get('Train001')?.get(7)?.get('3'); // => [0, 0, 0.5, 0.5]
 */
export function indexTracks(json: unknown, where: string): TrackIndex {
  if (typeof json !== 'object' || json === null || Array.isArray(json)) {
    throw new UserError(`${where}: tracked boxes must be an object {frame_path: {track_id: {box}}}, but got ${Array.isArray(json) ? 'an array' : typeof json}`);
  }
  const index: TrackIndex = new Map();
  for (const [path, tracks] of Object.entries(json as Record<string, unknown>)) {
    const parts = path.split(/[\\/]/).filter((p) => p.length > 0);
    const file = parts.at(-1) ?? '';
    const digits = /(\d+)(?!.*\d)/.exec(file.replace(/\.[^.]*$/, ''));
    if (parts.length < 2 || digits === null) throw new UserError(`${where}: key must be a path "<video folder>/<number>.<ext>", but got "${path}"`);
    const folder = parts.at(-2) as string;
    const frames = index.get(folder) ?? new Map<number, Map<string, readonly number[]>>();
    index.set(folder, frames);
    const byTrack = new Map<string, readonly number[]>();
    for (const [track, value] of Object.entries((tracks ?? {}) as Record<string, { box?: unknown }>)) {
      const box = value?.box;
      if (!Array.isArray(box) || box.length !== 4 || box.some((v) => typeof v !== 'number' || !Number.isFinite(v))) {
        throw new UserError(`${where}: "${path}".${track}.box must be 4 numbers, but got ${JSON.stringify(box)}`);
      }
      if (box.some((v: number) => v < -0.5 || v > 1.5)) {
        throw new UserError(`${where}: "${path}".${track}.box must be [x0, y0, x1, y1] normalised to the frame size (0…1), but got ${JSON.stringify(box)} (pixel coordinates?)`);
      }
      byTrack.set(track, box as number[]);
    }
    frames.set(Number(digits[1]), byTrack);
  }
  return index;
}

/** Reads and indexes a tracked-boxes file; a missing or malformed file is a UserError naming the path. */
export async function loadTracks(file: string): Promise<TrackIndex> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    throw new UserError(`tracks-json: file must exist and be readable, but got ${(error as Error).message}`);
  }
  try {
    return indexTracks(JSON.parse(text), file);
  } catch (error) {
    if (error instanceof SyntaxError) throw new UserError(`${file}: must be valid JSON, but got ${error.message}`);
    throw error;
  }
}

/**
 * Masks one tracked object present in all T frames of the clip (chosen uniformly by `rng` among the
 * common tracks, sorted by id), rasterised like the official code (`slicing: numpy`, negative corners
 * included) or clipped to the frame; false when no track spans the window.
 */
export function tracksJsonMask(index: TrackIndex, options: TracksJsonMaskOptions): MaskProvider {
  const lookup = (video: Video, i: number): Map<string, readonly number[]> | undefined =>
    index.get(video.sourceName)?.get(video.frameNumber(i) + options.frameOffset);
  const rasterise = options.slicing === 'numpy' ? rasteriseSlice : rasteriseBox;
  return {
    type: 'tracks-json',
    fill: (video, indices, rng, out, offset) => {
      const frames = indices.map((i) => lookup(video, i));
      const first = frames[0];
      if (first === undefined) return false;
      const common = [...first.keys()].filter((id) => frames.every((f) => f?.has(id))).sort();
      if (common.length === 0) return false;
      const track = common[rng.int(common.length)] as string;
      const plane = video.height * video.width;
      let set = 0;
      frames.forEach((f, k) => {
        const box = normalisedToPixels(f?.get(track) as number[], video.height, video.width);
        set += rasterise(box, video.height, video.width, out, offset + k * plane);
      });
      return set > 0;
    },
  };
}
