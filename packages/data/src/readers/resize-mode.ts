import { bytesToUnit, resizeBilinear } from '../pixels/resize-bilinear';
import { z } from 'zod';

/** Resampling methods of `data.resize.method`. */
export const resizeMethods = ['bilinear', 'bicubic', 'lanczos3', 'nearest'] as const;

/** The sharp / ffmpeg kernel of each antialiased method (their shrink filters widen with the scale). */
export const sharpKernels = { bilinear: 'linear', bicubic: 'cubic', lanczos3: 'lanczos3', nearest: 'nearest' } as const;

/** Legacy `data.resize: <kernel>` strings (before the object form) and what they meant. */
const legacy: Record<string, { method: (typeof resizeMethods)[number]; antialias: boolean }> = {
  linear: { method: 'bilinear', antialias: true },
  cubic: { method: 'bicubic', antialias: true },
  lanczos3: { method: 'lanczos3', antialias: true },
  nearest: { method: 'nearest', antialias: false },
};

/**
 * `data.resize`: how source frames become model-size frames.
 * - `{ method: bilinear, antialias: false }` (default): the official DDL loader — frames / 255, then
 *   torchvision's `Resize` on float tensors (half-pixel centres, no antialiasing in the torchvision it
 *   pins), computed in float32 bit for bit; frames are stored as float32 (4 bytes per value) unless
 *   `quantize: true` rounds them to 8 bits.
 * - `antialias: true`: sharp's (images) or ffmpeg's (videos) kernel for `method`, which widens when
 *   shrinking (smooth, alias-free), stored as 8 bits — this framework's behaviour before the parity work.
 * - `{ method: nearest }`: nearest neighbour (no antialiasing exists for it), 8 bits.
 * The legacy strings `linear`, `cubic`, `lanczos3`, `nearest` still parse (as their antialiased kernels).
 */
export const resizeSchema = z.preprocess(
  (raw) => (typeof raw === 'string' && raw in legacy ? legacy[raw] : raw),
  z
    .strictObject({
      method: z.enum(resizeMethods).default('bilinear'), // interpolation kernel
      antialias: z.boolean().default(false), // false = torchvision Resize on float frames (the official loader)
      quantize: z.boolean().default(false), // round float frames to 8 bits (¼ of the frame cache; not bit-exact)
    })
    .refine((r) => r.method === 'bilinear' || r.method === 'nearest' || r.antialias, {
      path: ['antialias'],
      error: (i) => `must be true for method ${(i.input as { method: string }).method} (only bilinear has the unantialiased torchvision form), but got false`,
    })
    .refine((r) => r.method !== 'nearest' || !r.antialias, { path: ['antialias'], error: 'must be false for method nearest (nearest neighbour has no antialiased form), but got true' }),
);
export type ResizeMode = z.output<typeof resizeSchema>;

/** The default mode (the official loader's). */
export const torchvisionResize: ResizeMode = { method: 'bilinear', antialias: false, quantize: false };

/** True when frames are resized in float32 by {@link resizeFrame} (else sharp / ffmpeg resize them). */
export function isFloatResize(mode: ResizeMode): boolean {
  return mode.method === 'bilinear' && !mode.antialias;
}

/** Element type of the stored frames. */
export function frameDtype(mode: ResizeMode): 'uint8' | 'float32' {
  return isFloatResize(mode) && !mode.quantize ? 'float32' : 'uint8';
}

/**
 * One line for evaluation cards and logs.
 *
 * @example
 * describeResize(torchvisionResize); // => 'bilinear, no antialias (torchvision), float32'
 */
export function describeResize(mode: ResizeMode): string {
  if (isFloatResize(mode)) return `bilinear, no antialias (torchvision), ${mode.quantize ? 'rounded to 8 bits' : 'float32'}`;
  if (mode.method === 'nearest') return 'nearest, 8 bits';
  return `${mode.method}, antialiased (sharp ${sharpKernels[mode.method]} / ffmpeg), 8 bits`;
}

/** The frame-cache key of a mode. @example resizeKey(torchvisionResize) // => 'bilinear/antialias=false/quantize=false' */
export function resizeKey(mode: ResizeMode): string {
  return `${mode.method}/antialias=${mode.antialias}/quantize=${mode.quantize}`;
}

/** A mode from a stored config value (the object form or a legacy string), for configs written by older runs. */
export function parseResize(raw: unknown): ResizeMode {
  return resizeSchema.parse(raw ?? {});
}

/**
 * The float path: uint8 [height, width, channels] source → /255 → torchvision bilinear to
 * [outHeight, outWidth, channels], returned as the stored bytes (float32 little-endian, or uint8 when
 * `quantize`).
 *
 * @example
 * resizeFrame(Uint8Array.of(0, 255), 1, 2, 1, 1, 4, torchvisionResize); // => bytes of Float32Array [0, 0.25, 0.75, 1]
 */
export function resizeFrame(source: Uint8Array, height: number, width: number, channels: number, outHeight: number, outWidth: number, mode: ResizeMode): Uint8Array {
  const resized = resizeBilinear(bytesToUnit(source), height, width, channels, outHeight, outWidth);
  if (!mode.quantize) return new Uint8Array(resized.buffer);
  return Uint8Array.from(resized, (v) => Math.round(v * 255));
}
