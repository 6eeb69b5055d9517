import type { Box } from '../pixels/boxes';
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { writeFileAtomic } from '../io/atomic-write';
import type { Video } from '../types';

const version = 1; // bump when the file layout or the box computation changes

/** What identifies a video's motion boxes: its frame-cache entry, its size and the options boxes depend on (not `minIou`). */
export interface MotionCacheKey {
  readonly video: string;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly threshold: number;
  readonly close: number;
  readonly open: number;
  readonly minArea: number;
  readonly backgroundFrames: number;
}

/** The key of `video`'s boxes, or null when the video has no frame-cache entry (in-memory videos). */
export function motionCacheKey(video: Video, options: Pick<MotionCacheKey, 'threshold' | 'close' | 'open' | 'minArea' | 'backgroundFrames'>): MotionCacheKey | null {
  if (video.cacheKey === undefined) return null;
  const { threshold, close, open, minArea, backgroundFrames } = options;
  return { video: video.cacheKey, height: video.height, width: video.width, channels: video.channels, threshold, close, open, minArea, backgroundFrames };
}

/** `<cacheDir>/<hash>.motion.json` for `key`. @example motionCachePath('/c', key) // => '/c/3f…(32 hex).motion.json' */
export function motionCachePath(cacheDir: string, key: MotionCacheKey): string {
  const name = createHash('sha256').update(JSON.stringify({ version, key })).digest('hex').slice(0, 32);
  return join(cacheDir, `${name}.motion.json`);
}

const isCoord = (v: unknown, max: number): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max;

function parseBox(raw: unknown, key: MotionCacheKey): Box | null {
  if (!Array.isArray(raw) || raw.length !== 4) return null;
  const [x0, y0, x1, y1] = raw as unknown[];
  if (!isCoord(x0, key.width) || !isCoord(x1, key.width) || !isCoord(y0, key.height) || !isCoord(y1, key.height)) return null;
  return x0 < x1 && y0 < y1 ? { x0, y0, x1, y1 } : null;
}

/**
 * The per-frame boxes stored at `path` for `key`, or null when the file is missing or fails validation
 * (unparsable, another version or key, not one list per frame of a `length`-frame video, or a box
 * outside the frame) — a half-written or stale file is never trusted; the caller recomputes.
 */
export function readMotionCache(path: string, key: MotionCacheKey, length: number): Box[][] | null {
  if (!existsSync(path)) return null;
  let file: { version?: unknown; key?: unknown; boxes?: unknown };
  try {
    file = JSON.parse(readFileSync(path, 'utf8')) as typeof file;
  } catch {
    return null; // unparsable (e.g. truncated): recomputed and rewritten by the caller
  }
  if (file === null || typeof file !== 'object' || file.version !== version || JSON.stringify(file.key) !== JSON.stringify(key)) return null;
  if (!Array.isArray(file.boxes) || file.boxes.length !== length) return null;
  const out: Box[][] = [];
  for (const frame of file.boxes as unknown[]) {
    if (!Array.isArray(frame)) return null;
    const boxes = frame.map((b: unknown) => parseBox(b, key));
    if (boxes.some((b) => b === null)) return null;
    out.push(boxes as Box[]);
  }
  return out;
}

/**
 * Writes the per-frame boxes of a video atomically (temp file + rename) as
 * `{version, key, boxes: [[[x0, y0, x1, y1], …] per frame]}`.
 *
 * @example
 * writeMotionCache(path, key, [[{x0: 2, y0: 2, x1: 5, y1: 5}], []]); // boxes: [[[2,2,5,5]],[]]
 */
export function writeMotionCache(path: string, key: MotionCacheKey, boxes: readonly (readonly Box[])[]): void {
  const compact = boxes.map((frame) => frame.map((b) => [b.x0, b.y0, b.x1, b.y1]));
  writeFileAtomic(path, `${JSON.stringify({ version, key, boxes: compact })}\n`);
}
