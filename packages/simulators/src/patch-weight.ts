/** How an intruder patch is pasted (LNTRA `model/pseudoanomaly_utils.py`, anchors §2.2). */
export const patchBlends = ['cutmix', 'smoothmix-box', 'smoothmix-gaussian', 'mixup'] as const;
export type PatchBlend = (typeof patchBlends)[number];

/** A patch of `height × width` pixels whose top-left corner is (y, x). */
export interface Patch {
  readonly y: number;
  readonly x: number;
  readonly height: number;
  readonly width: number;
}

function ramp(position: number, start: number, size: number): number {
  const end = start + size - 1;
  const distance = position < start ? start - position : position > end ? position - end : 0;
  const width = Math.max(1, Math.round((0.1 * size) / 2)); // ramps extend 10 % of the half-side
  return distance === 0 ? 1 : distance <= width ? 1 - distance / (width + 1) : 0;
}

function gaussian(position: number, start: number, size: number): number {
  const z = (position + 0.5 - (start + size / 2)) / size; // σ = the patch side, as LNTRA's SmoothMixC
  return Math.exp(-0.5 * z * z);
}

/**
 * Writes the blend weight of one patch into `plane` ([H, W], row-major) and returns it:
 * cutmix = 1 inside the box; mixup = 0.5 inside; smoothmix-box = 1 inside with linear ramps 10 % of the
 * half-side wide outside; smoothmix-gaussian = separable Gaussian with σ = patch side per axis, cut to 0
 * below e^(−4.5) (beyond 3σ).
 *
 * @example
 * // 1 row, 6 columns, patch x = 1, width 4, cutmix → [0, 1, 1, 1, 1, 0]
 * patchWeight('cutmix', { y: 0, x: 1, height: 1, width: 4 }, 1, 6, new Float32Array(6));
 */
export function patchWeight(blend: PatchBlend, patch: Patch, height: number, width: number, plane: Float32Array): Float32Array {
  const floor = Math.exp(-4.5);
  for (let yy = 0; yy < height; yy++) {
    for (let xx = 0; xx < width; xx++) {
      const insideY = yy >= patch.y && yy < patch.y + patch.height;
      const insideX = xx >= patch.x && xx < patch.x + patch.width;
      let value: number;
      if (blend === 'cutmix' || blend === 'mixup') value = insideY && insideX ? (blend === 'mixup' ? 0.5 : 1) : 0;
      else if (blend === 'smoothmix-box') value = ramp(yy, patch.y, patch.height) * ramp(xx, patch.x, patch.width);
      else {
        value = gaussian(yy, patch.y, patch.height) * gaussian(xx, patch.x, patch.width);
        if (value < floor) value = 0;
      }
      plane[yy * width + xx] = value;
    }
  }
  return plane;
}
