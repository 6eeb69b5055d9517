import { MetricsError } from './metrics-error';

/**
 * DDL's frame score: the mean of a per-pixel error map inside P×P patches on two grids — the regular
 * grid from (0, 0) and the grid shifted by P/2 (the map cropped by P/2 on every side) — and the
 * maximum patch mean over both. Patches that would cross the border are not formed (floor, like
 * `avg_pool2d` with stride P). One integral image makes it O(H·W) for any P.
 *
 * `errorMap` is [height, width] row-major, already ‖x − x̂‖₂ over channels ÷ √C per pixel.
 *
 * @example
 * // 32×32 map, zero except one 8×8 block of ones at rows/cols 12..19: the shifted patch at
 * // (8, 8) holds all 64 ones, the regular patches hold at most 16 → 64 / 256
 * patchMax(map, 32, 32, 16); // => 0.25
 * @throws MetricsError when the map is smaller than one patch, its length is not height·width, or P is not even.
 */
export function patchMax(errorMap: ArrayLike<number>, height: number, width: number, patchSize = 16): number {
  checkShape(errorMap, height, width, patchSize);
  const stride = width + 1;
  const integral = new Float64Array((height + 1) * stride); // [H + 1, W + 1], integral[y][x] = Σ rows < y, cols < x
  for (let y = 0; y < height; y++) {
    let rowSum = 0;
    for (let x = 0; x < width; x++) {
      rowSum += errorMap[y * width + x] as number;
      integral[(y + 1) * stride + x + 1] = (integral[y * stride + x + 1] as number) + rowSum;
    }
  }
  const half = patchSize / 2;
  const area = patchSize * patchSize;
  let best = -Infinity;
  for (const offset of [0, half]) {
    for (let y = offset; y + patchSize <= height - offset; y += patchSize) {
      for (let x = offset; x + patchSize <= width - offset; x += patchSize) {
        const sum =
          (integral[(y + patchSize) * stride + x + patchSize] as number) -
          (integral[y * stride + x + patchSize] as number) -
          (integral[(y + patchSize) * stride + x] as number) +
          (integral[y * stride + x] as number);
        if (sum > best) best = sum;
      }
    }
  }
  return best / area;
}

function checkShape(errorMap: ArrayLike<number>, height: number, width: number, patchSize: number): void {
  if (!Number.isInteger(patchSize) || patchSize < 2 || patchSize % 2 !== 0) {
    throw new MetricsError(`patchMax(patchSize) must be an even integer >= 2, but got ${patchSize}`);
  }
  if (!Number.isInteger(height) || !Number.isInteger(width) || height < patchSize || width < patchSize) {
    throw new MetricsError(`patchMax(height, width) must be integers >= patchSize (${patchSize}), but got ${height}×${width}`);
  }
  if (errorMap.length !== height * width) {
    throw new MetricsError(`patchMax(errorMap) must have height·width = ${height * width} values, but got ${errorMap.length}`);
  }
}
