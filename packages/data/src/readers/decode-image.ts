import { UserError } from '@vad/core';
import sharp from 'sharp';
import { frameDtype, isFloatResize, resizeFrame, sharpKernels, type ResizeMode } from './resize-mode';

/** Output geometry and resampling of decoded frames. */
export interface ResizeOptions {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly resize: ResizeMode;
}

/** A decoded, resized frame: its stored bytes (uint8 values, or float32 ones — see {@link frameDtype}) and the source size. */
export interface DecodedImage {
  readonly data: Uint8Array;
  readonly sourceWidth: number;
  readonly sourceHeight: number;
}

/** Bytes per stored frame of `options`. */
export function frameBytes(options: ResizeOptions): number {
  return options.height * options.width * options.channels * (frameDtype(options.resize) === 'float32' ? 4 : 1);
}

/** Replicates a 1-channel plane to `channels` (greyscale sources read as RGB). */
function replicate(data: Uint8Array, pixels: number, from: number, channels: number): Uint8Array {
  if (from === channels) return data;
  const out = new Uint8Array(pixels * channels);
  for (let p = 0; p < pixels; p++) out.fill(data[p * from] as number, p * channels, (p + 1) * channels);
  return out;
}

/**
 * Decodes one image (jpg / png / tif / anything sharp reads) at the requested size (aspect not kept:
 * exactly the model size). The float path decodes at source size and resizes like torchvision
 * ({@link resizeFrame}); the antialiased paths let sharp resize.
 *
 * @throws UserError naming the file when it is missing or not a readable image.
 */
export async function decodeImage(path: string, options: ResizeOptions): Promise<DecodedImage> {
  try {
    const image = sharp(path, { failOn: 'error' });
    const meta = await image.metadata();
    const float = isFloatResize(options.resize);
    let pipeline = float ? image.removeAlpha() : image.resize(options.width, options.height, { fit: 'fill', kernel: sharpKernels[options.resize.method] }).removeAlpha();
    pipeline = options.channels === 1 ? pipeline.greyscale() : pipeline.toColourspace('srgb');
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    const pixels = new Uint8Array(data.buffer, data.byteOffset, data.length);
    const source = { sourceWidth: meta.width ?? info.width, sourceHeight: meta.height ?? info.height };
    // greyscale sources come back with 1 channel even when RGB is asked for: replicate it
    const full = replicate(pixels, info.width * info.height, info.channels, options.channels);
    if (!float) return { data: full, ...source };
    return { data: resizeFrame(full, info.height, info.width, options.channels, options.height, options.width, options.resize), ...source };
  } catch (error) {
    const lines = [...new Set((error as Error).message.split('\n').map((line) => line.trim()).filter((line) => line !== ''))]; // libvips stacks one line per warning
    throw new UserError(`${path}: must be a readable image, but decoding failed: ${lines.join('; ')}`);
  }
}
