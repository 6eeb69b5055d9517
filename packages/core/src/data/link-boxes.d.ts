import { type Box } from './boxes';
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
export declare function linkBoxes(boxesPerFrame: ReadonlyArray<readonly Box[]>, minIou: number): Box[][];
