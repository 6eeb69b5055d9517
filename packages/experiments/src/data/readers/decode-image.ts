import { UserError } from '@vad/core';
import sharp from 'sharp';

/** Output geometry and resampling of decoded frames. */
export interface ResizeOptions {
  readonly height: number;
  readonly width: number;
  readonly channels: 1 | 3;
  readonly kernel: 'linear' | 'cubic' | 'lanczos3' | 'nearest';
}

/**
 * Decodes one image (jpg / png / tif / anything sharp reads) to uint8 [height, width, channels] at the
 * requested size (aspect not kept: exactly the model size), returning its original size too.
 *
 * @throws UserError naming the file when it is missing or not a readable image.
 */
export async function decodeImage(path: string, options: ResizeOptions): Promise<{ data: Uint8Array; sourceWidth: number; sourceHeight: number }> {
  try {
    const image = sharp(path, { failOn: 'error' });
    const meta = await image.metadata();
    let pipeline = image.resize(options.width, options.height, { fit: 'fill', kernel: options.kernel }).removeAlpha();
    pipeline = options.channels === 1 ? pipeline.greyscale() : pipeline.toColourspace('srgb');
    const { data, info } = await pipeline.raw().toBuffer({ resolveWithObject: true });
    if (info.channels !== options.channels) {
      // greyscale sources come back with 1 channel even when RGB is asked for: replicate it
      const out = new Uint8Array(options.height * options.width * options.channels);
      for (let p = 0; p < options.height * options.width; p++) out.fill(data[p * info.channels] as number, p * options.channels, (p + 1) * options.channels);
      return { data: out, sourceWidth: meta.width ?? 0, sourceHeight: meta.height ?? 0 };
    }
    return { data: new Uint8Array(data.buffer, data.byteOffset, data.length), sourceWidth: meta.width ?? 0, sourceHeight: meta.height ?? 0 };
  } catch (error) {
    const lines = [...new Set((error as Error).message.split('\n').map((line) => line.trim()).filter((line) => line !== ''))]; // libvips stacks one line per warning
    throw new UserError(`${path}: must be a readable image, but decoding failed: ${lines.join('; ')}`);
  }
}
