/**
 * Binary dilation of a row-major [height, width] mask by a (2r+1)×(2r+1) square (separable max filter).
 *
 * @example
 * dilate(Uint8Array.of(0, 0, 1, 0, 0), 1, 5, 1); // => [0, 1, 1, 1, 0]
 */
export function dilate(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array {
  return squareFilter(mask, height, width, radius, 1);
}

/**
 * Binary erosion by a (2r+1)×(2r+1) square; pixels outside the image are ignored (as in OpenCV).
 *
 * @example
 * erode(Uint8Array.of(0, 1, 1, 1, 0), 1, 5, 1); // => [0, 0, 1, 0, 0]
 */
export function erode(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array {
  return squareFilter(mask, height, width, radius, 0);
}

/** Opening (erode then dilate): removes specks smaller than the square. */
export function openMask(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array {
  return dilate(erode(mask, height, width, radius), height, width, radius);
}

/**
 * Closing (dilate then erode): fills holes and gaps smaller than the square. Computed on a zero-padded
 * copy, so objects near the border do not grow toward it (unlike a border-ignoring erosion).
 *
 * @example
 * closeMask(Uint8Array.of(0, 1, 0, 1, 0), 1, 5, 1); // => [0, 1, 1, 1, 0]
 */
export function closeMask(mask: Uint8Array, height: number, width: number, radius: number): Uint8Array {
  if (radius === 0) return mask.slice();
  const ph = height + 2 * radius;
  const pw = width + 2 * radius;
  const padded = new Uint8Array(ph * pw);
  for (let y = 0; y < height; y++) padded.set(mask.subarray(y * width, (y + 1) * width), (y + radius) * pw + radius);
  const closed = erode(dilate(padded, ph, pw, radius), ph, pw, radius);
  const out = new Uint8Array(height * width);
  for (let y = 0; y < height; y++) out.set(closed.subarray((y + radius) * pw + radius, (y + radius) * pw + radius + width), y * width);
  return out;
}

// `hit` = the value that, when present in the neighbourhood, decides the output (1: dilate, 0: erode).
function squareFilter(mask: Uint8Array, height: number, width: number, radius: number, hit: 0 | 1): Uint8Array {
  if (mask.length !== height * width) {
    throw new Error(`morphology(mask) must have height×width = ${height * width} entries, but got ${mask.length}`);
  }
  if (radius === 0) return mask.slice();
  const rows = new Uint8Array(mask.length);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) rows[y * width + x] = scan(mask, y * width, 1, x, width, radius, hit);
  }
  const out = new Uint8Array(mask.length);
  for (let x = 0; x < width; x++) {
    for (let y = 0; y < height; y++) out[y * width + x] = scan(rows, x, width, y, height, radius, hit);
  }
  return out;
}

function scan(src: Uint8Array, base: number, step: number, at: number, n: number, r: number, hit: 0 | 1): number {
  for (let k = Math.max(0, at - r); k <= Math.min(n - 1, at + r); k++) {
    if ((src[base + k * step] ? 1 : 0) === hit) return hit;
  }
  return hit === 1 ? 0 : 1;
}
