/**
 * Per-pixel median over a set of equally sized uint8 frames — a background model for static cameras
 * (moving objects occupy a pixel in fewer than half the frames, so the median is the background).
 * For an even count it returns the lower median.
 *
 * @example
 * temporalMedian([Uint8Array.of(0, 9), Uint8Array.of(5, 1), Uint8Array.of(7, 3)]); // => [5, 3]
 */
export function temporalMedian(frames: readonly Uint8Array[]): Uint8Array {
  const first = frames[0];
  if (first === undefined) throw new Error('temporalMedian(frames) must hold at least one frame, but got 0');
  const n = frames.length;
  const out = new Uint8Array(first.length);
  const histogram = new Uint16Array(256);
  const rank = Math.floor((n - 1) / 2);
  for (let p = 0; p < first.length; p++) {
    histogram.fill(0);
    for (const frame of frames) histogram[frame[p] as number] = (histogram[frame[p] as number] as number) + 1;
    let seen = 0;
    for (let v = 0; v < 256; v++) {
      seen += histogram[v] as number;
      if (seen > rank) {
        out[p] = v;
        break;
      }
    }
  }
  return out;
}
