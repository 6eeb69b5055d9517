import { UserError } from '@vad/core';
import type { MatValue } from './mat-v5';

/** 1-based inclusive frame ranges [start, end] → 0/1 labels of a `length`-frame video. */
export function rangesToLabels(ranges: readonly (readonly [number, number])[], length: number, where: string): Uint8Array {
  const labels = new Uint8Array(length);
  for (const [start, end] of ranges) {
    if (!Number.isInteger(start) || !Number.isInteger(end) || start < 1 || end < start || end > length) {
      throw new UserError(`${where}: frame range must lie in [1, ${length}], but got [${start}, ${end}]`);
    }
    labels.fill(1, start - 1, end);
  }
  return labels;
}

/**
 * Frame labels from a MATLAB `gt` cell (1×V; cell i a 2×K matrix of [start; end] 1-based inclusive
 * ranges of test video i, as in ped2.mat / avenue.mat of MNAD and LNTRA).
 *
 * @example
 * // gt = {[2; 3]} for one 4-frame video
 * labelsFromGtCell(gt, [4], 'ped2.mat'); // => [Uint8Array [0, 1, 1, 0]]
 */
export function labelsFromGtCell(gt: MatValue | undefined, lengths: readonly number[], where: string): Uint8Array[] {
  if (gt?.kind !== 'cell') throw new UserError(`${where}: variable gt must be a cell array, but got ${gt?.kind ?? 'nothing'}`);
  if (gt.cells.length !== lengths.length) {
    throw new UserError(`${where}: gt must have one cell per test video (${lengths.length}), but got ${gt.cells.length}`);
  }
  return gt.cells.map((cell, i) => {
    if (cell.kind !== 'numeric') throw new UserError(`${where}: gt{${i + 1}} must be numeric, but got ${cell.kind}`);
    const [rows, cols] = cell.dims as [number, number];
    const v = Array.from(cell.data as ArrayLike<number>, Number);
    // 2×K [start; end] columns; a 1×2 row [start, end] is one range too
    const ranges: [number, number][] =
      rows === 2 ? Array.from({ length: cols }, (_, k) => [v[2 * k] as number, v[2 * k + 1] as number]) : rows === 1 && cols === 2 ? [[v[0] as number, v[1] as number]] : [];
    if (ranges.length === 0 && v.length > 0) throw new UserError(`${where}: gt{${i + 1}} must be a 2×K matrix of [start; end], but got ${cell.dims.join('×')}`);
    return rangesToLabels(ranges, lengths[i] as number, `${where} gt{${i + 1}}`);
  });
}

/** Splits a flat 0/1 label array (all test frames, videos concatenated in order) per video. */
export function splitFlatLabels(flat: ArrayLike<number>, lengths: readonly number[], where: string): Uint8Array[] {
  const total = lengths.reduce((a, b) => a + b, 0);
  if (flat.length !== total) throw new UserError(`${where}: label count must equal the ${total} test frames, but got ${flat.length}`);
  let at = 0;
  return lengths.map((n) => {
    const out = Uint8Array.from({ length: n }, (_, k) => (Number(flat[at + k]) !== 0 ? 1 : 0));
    at += n;
    return out;
  });
}

/**
 * Parses the frame ranges of the UCSD `Test/UCSDpedN.m` file (`TestDataset.gt_frame{3} = [1:146];`,
 * several ranges separated by commas), keyed by 1-based video number.
 *
 * @example
 * parseUcsdGroundTruth("TestDataset.gt_frame{1} = [61:180];\nTestDataset.gt_frame{2} = [5:90, 140:200];");
 * // => Map {1 => [[61, 180]], 2 => [[5, 90], [140, 200]]}
 */
export function parseUcsdGroundTruth(text: string): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  for (const match of text.matchAll(/gt_frame\{(\d+)\}\s*=\s*\[([^\]]*)\]/g)) {
    const ranges = [...(match[2] ?? '').matchAll(/(\d+)\s*:\s*(\d+)/g)].map((r) => [Number(r[1]), Number(r[2])] as [number, number]);
    out.set(Number(match[1]), ranges);
  }
  return out;
}
