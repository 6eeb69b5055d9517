import sharp from 'sharp';
import { heatColor } from './heat-colors';
import { rawPixels } from './raw-pixels';

/**
 * RGB bytes [H, W, 3] of a frame with its error map blended on top: the heat colour of
 * `error / scale` (clamped to [0, 1]) mixed in with weight `alpha · t`, so low errors stay the frame.
 *
 * @example
 * overlayRgb(Uint8Array.of(100), 1, Float32Array.of(0), 1)[0]; // => 100 (no error, frame unchanged)
 */
export function overlayRgb(frame: Uint8Array, channels: number, errors: Float32Array, scale: number, alpha = 0.7): Uint8Array {
  const pixels = errors.length;
  const out = new Uint8Array(pixels * 3);
  for (let p = 0; p < pixels; p++) {
    const t = Math.min(1, Math.max(0, (errors[p] ?? 0) / scale));
    const color = heatColor(t);
    const w = alpha * t;
    for (let c = 0; c < 3; c++) {
      const v = frame[p * channels + (channels === 3 ? c : 0)] ?? 0;
      out[p * 3 + c] = Math.round((1 - w) * v + w * (color[c] ?? 0));
    }
  }
  return out;
}

/** PNG of an [H, W, 3] RGB buffer, upscaled to `width` pixels wide (nearest keeps pixels crisp). */
export async function rgbPng(rgb: Uint8Array, height: number, width: number, outWidth: number): Promise<Uint8Array> {
  const image = sharp(Buffer.from(rgb), { raw: { width, height, channels: 3 } });
  const scaled = outWidth === width ? image : image.resize(outWidth, Math.round((height * outWidth) / width), { kernel: 'nearest' });
  return new Uint8Array(await scaled.png().toBuffer());
}

/**
 * PNG of a display-size frame with a model-size error map upsampled (bilinear) onto it, so the
 * overlay keeps the source video's detail.
 */
export async function overlayPng(
  frame: { readonly data: Uint8Array; readonly height: number; readonly width: number; readonly channels: number },
  errors: { readonly data: Float32Array; readonly height: number; readonly width: number },
  scale: number,
): Promise<Uint8Array> {
  const levels = new Uint8Array(errors.data.length);
  for (let p = 0; p < levels.length; p++) levels[p] = Math.round(255 * Math.min(1, Math.max(0, (errors.data[p] ?? 0) / scale)));
  const resized = sharp(Buffer.from(levels), { raw: { width: errors.width, height: errors.height, channels: 1 } }).resize(frame.width, frame.height, { kernel: 'linear', fit: 'fill' });
  const upsampled = await rawPixels(resized, 1); // sharp turns a 1-channel raw image into sRGB (3 channels) unless told
  const heat = Float32Array.from(upsampled, (v) => v / 255);
  return rgbPng(overlayRgb(frame.data, frame.channels, heat, 1), frame.height, frame.width, frame.width);
}
