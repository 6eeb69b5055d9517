import type { SimulateInput, SimulateResult } from '@vad/core';

function same(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((value, i) => value === b[i]);
}

/**
 * Checks a simulator's result against the contract: clips [B, T, H, W, C] like the input, mask
 * [B, T, H, W, 1], target [B, H, W, C], all float32 tensors distinct from the input's.
 *
 * @throws Error `<where>: simulate().mask must have shape [2,3,16,16,1], but got [2,3,16,16,3]`
 */
export function checkSimulateResult(input: SimulateInput, result: unknown, where: string): asserts result is SimulateResult {
  if (result === null || typeof result !== 'object') {
    throw new Error(`${where}: simulate() must return {clips, mask, target}, but got ${String(result)}`);
  }
  const [b, t, h, w, c] = input.clips.shape;
  const expected: Record<string, number[]> = { clips: [b, t, h, w, c], mask: [b, t, h, w, 1], target: [b, h, w, c] };
  for (const [name, shape] of Object.entries(expected)) {
    const value = (result as Record<string, unknown>)[name] as { shape?: unknown; dtype?: unknown; isDisposed?: unknown } | undefined;
    if (value === undefined || !Array.isArray(value.shape)) {
      throw new Error(`${where}: simulate().${name} must be a tensor of shape [${shape.join(',')}], but got ${typeof value}`);
    }
    if (!same(value.shape as number[], shape)) {
      throw new Error(`${where}: simulate().${name} must have shape [${shape.join(',')}], but got [${(value.shape as number[]).join(',')}]`);
    }
    if (value.dtype !== 'float32') throw new Error(`${where}: simulate().${name} must be float32, but got ${String(value.dtype)}`);
    if (value === input.clips || value === input.masks) throw new Error(`${where}: simulate().${name} must be a new tensor, but got an input tensor`);
  }
}
