import { boxIou, type Box } from './boxes';

/**
 * Links per-frame detections into tracks that span every frame of a window: starting from each box of
 * the middle frame, it follows the best-IoU box (≥ `minIou`) frame by frame outwards in both directions.
 * Returns one T-box chain per linked object (frames in window order); objects lost in any frame are
 * dropped.
 *
 * @example
 * const a = {x0: 0, y0: 0, x1: 4, y1: 4};
 * const b = {x0: 1, y0: 0, x1: 5, y1: 4};  // IoU(a, b) = 12 / 20 = 0.6
 * linkBoxes([[a], [b], [b]], 0.5);         // => [[a, b, b]]
 * linkBoxes([[a], [b], []], 0.5);          // => []
 */
export function linkBoxes(boxesPerFrame: ReadonlyArray<readonly Box[]>, minIou: number): Box[][] {
  const t = boxesPerFrame.length;
  if (t === 0) return [];
  const mid = Math.floor(t / 2);
  const chains: Box[][] = [];
  for (const seed of boxesPerFrame[mid] ?? []) {
    const chain: Box[] = new Array<Box>(t);
    chain[mid] = seed;
    let ok = follow(boxesPerFrame, chain, mid, -1, minIou);
    ok = ok && follow(boxesPerFrame, chain, mid, 1, minIou);
    if (ok) chains.push(chain);
  }
  return chains;
}

function follow(frames: ReadonlyArray<readonly Box[]>, chain: Box[], mid: number, dir: 1 | -1, minIou: number): boolean {
  for (let f = mid + dir; f >= 0 && f < frames.length; f += dir) {
    const prev = chain[f - dir] as Box;
    let best: Box | undefined;
    let bestIou = minIou;
    for (const cand of frames[f] ?? []) {
      const iou = boxIou(prev, cand);
      if (iou >= bestIou) {
        best = cand;
        bestIou = iou;
      }
    }
    if (best === undefined) return false;
    chain[f] = best;
  }
  return true;
}
