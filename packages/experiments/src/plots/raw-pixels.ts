import type { Sharp } from 'sharp';

/**
 * The uint8 pixels of a sharp pipeline with exactly `channels` channels per pixel, [H, W, channels].
 * sharp converts its output to sRGB, so a 1-channel input comes back with 3 channels (and a 16-bit
 * image with 2 bytes per value) unless asked otherwise; this forces the channel count and 8-bit
 * depth and checks what came back, so a reader never mistakes the layout.
 *
 * @example
 * await rawPixels(sharp(grey, { raw: { width: 4, height: 4, channels: 1 } }).resize(8, 8), 1); // => Uint8Array(64)
 */
export async function rawPixels(image: Sharp, channels: 1 | 3): Promise<Uint8Array> {
  const pipeline = channels === 1 ? image.toColourspace('b-w') : image.removeAlpha().toColourspace('srgb');
  const { data, info } = await pipeline.raw({ depth: 'uchar' }).toBuffer({ resolveWithObject: true });
  if (info.channels !== channels || data.length !== info.width * info.height * channels) {
    throw new Error(`rawPixels(image) must give ${channels} channel(s) of 8 bits, but sharp gave ${info.channels} channel(s), ${data.length} bytes for ${info.width}×${info.height}`);
  }
  return new Uint8Array(data.buffer, data.byteOffset, data.length);
}
