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

/**
 * Per-frame labels checked to be exactly 0 or 1 (booleans count as 0/1): any other value (2, −1, 0.5,
 * NaN) is a UserError naming the file, the video and the 0-based frame — never silently "anomalous".
 *
 * @example
 * strictLabels([0, 1, true], 'labels.npy', '01'); // => Uint8Array [0, 1, 1]
 * strictLabels([0, 2], 'labels.npy', '01');       // throws 'labels.npy: label of video 01 frame 1 (0-based) must be 0 or 1, but got 2'
 */
export function strictLabels(values: ArrayLike<number | boolean | bigint>, where: string, video: string, from = 0, length = values.length - from): Uint8Array {
  const out = new Uint8Array(length);
  for (let k = 0; k < length; k++) {
    const v = values[from + k];
    const n = typeof v === 'boolean' ? Number(v) : typeof v === 'bigint' ? (v === 0n ? 0 : v === 1n ? 1 : NaN) : v;
    if (n !== 0 && n !== 1) throw new UserError(`${where}: label of video ${video} frame ${k} (0-based) must be 0 or 1, but got ${String(v)}`);
    out[k] = n;
  }
  return out;
}

/** Splits a flat 0/1 label array (all test frames, videos concatenated in order) per video; `ids` name the videos in messages. */
export function splitFlatLabels(flat: ArrayLike<number>, lengths: readonly number[], where: string, ids: readonly string[] = lengths.map((_, i) => `#${i + 1}`)): Uint8Array[] {
  const total = lengths.reduce((a, b) => a + b, 0);
  if (flat.length !== total) throw new UserError(`${where}: label count must equal the ${total} test frames, but got ${flat.length}`);
  let at = 0;
  return lengths.map((n, i) => {
    const out = strictLabels(flat, where, ids[i] ?? `#${i + 1}`, at, n);
    at += n;
    return out;
  });
}

/**
 * Parses the frame ranges of the UCSD `Test/UCSDpedN.m` file (`TestDataset.gt_frame{3} = [1:146];`,
 * several ranges or single frames separated by commas or spaces), keyed by 1-based video number.
 * Anything else inside the brackets (a decimal, a negative number, a stray word) or a video given
 * twice is a UserError naming `where` and the line, rather than a silently different label.
 *
 * @example
 * parseUcsdGroundTruth("TestDataset.gt_frame{1} = [61:180];\nTestDataset.gt_frame{2} = [5:90, 140:200, 210];");
 * // => Map {1 => [[61, 180]], 2 => [[5, 90], [140, 200], [210, 210]]}
 */
export function parseUcsdGroundTruth(text: string, where = 'UCSDped.m'): Map<number, [number, number][]> {
  const out = new Map<number, [number, number][]>();
  text = text.replace(/%.*$/gm, ''); // MATLAB comments (line numbers stay)
  for (const match of text.matchAll(/gt_frame\{([^}]*)\}\s*=\s*\[([^\]]*)\]/g)) {
    const line = text.slice(0, match.index).split('\n').length;
    const at = `${where}:${line}`;
    if (!/^\s*\d+\s*$/.test(match[1] ?? '')) throw new UserError(`${at}: gt_frame index must be a positive integer, but got {${match[1]}}`);
    const video = Number(match[1]);
    if (out.has(video)) throw new UserError(`${at}: gt_frame{${video}} must be given once, but it is given again`);
    const items = (match[2] ?? '').split(/[\s,;]+/).filter((item) => item !== '');
    const ranges = items.map((item): [number, number] => {
      const range = /^(\d+)(?::(\d+))?$/.exec(item);
      if (range === null) throw new UserError(`${at}: gt_frame{${video}} items must be frame numbers or ranges a:b of positive integers, but got "${item}"`);
      return [Number(range[1]), Number(range[2] ?? range[1])];
    });
    out.set(video, ranges);
  }
  return out;
}
