/**
 * Nearest-neighbour resize of a row-major [height, width, channels] plane (pixel-centre sampling,
 * like `cv2.INTER_NEAREST_EXACT`); used for label masks, where interpolation would invent values.
 *
 * @example
 * resizeNearest(Uint8Array.of(1, 2, 3, 4), 2, 2, 1, 1, 4); // => [3, 3, 4, 4]  (row centre 0.5 → 1.0 picks row 1)
 */
export function resizeNearest<T extends Uint8Array | Float32Array>(
  src: T,
  height: number,
  width: number,
  channels: number,
  outHeight: number,
  outWidth: number,
): T {
  if (src.length !== height * width * channels) {
    throw new Error(`resizeNearest(src) must have ${height * width * channels} entries, but got ${src.length}`);
  }
  const out = new (src.constructor as new (n: number) => T)(outHeight * outWidth * channels);
  for (let y = 0; y < outHeight; y++) {
    const sy = Math.min(height - 1, Math.floor(((y + 0.5) * height) / outHeight));
    for (let x = 0; x < outWidth; x++) {
      const sx = Math.min(width - 1, Math.floor(((x + 0.5) * width) / outWidth));
      for (let c = 0; c < channels; c++) out[(y * outWidth + x) * channels + c] = src[(sy * width + sx) * channels + c] as number;
    }
  }
  return out;
}
