import { UserError } from '@vad/core';
import { resizeNearest } from '../pixels/resize-nearest';
import { readFileSync } from 'node:fs';
import { readNpy } from './npy';

/** Pixel masks of one test video from `test_pixel_mask/<id>.npy` ([T, H, W], H × W the source frame size when `source` is known), loaded on first use. */
export function npyMasks(path: string, length: number, height: number, width: number, source?: { height: number; width: number }): (i: number) => Uint8Array {
  let masks: Uint8Array[] | null = null;
  return (i) => {
    if (masks === null) {
      const arr = readNpy(new Uint8Array(readFileSync(path)), path);
      const [t, h, w] = arr.shape as [number, number, number];
      if (arr.shape.length !== 3 || t !== length) throw new UserError(`${path}: pixel masks must have shape (${length}, H, W), but got (${arr.shape.join(', ')})`);
      if (source !== undefined && source.height > 0 && (h !== source.height || w !== source.width)) {
        throw new UserError(`${path}: pixel masks must have the video's frame size (${length}, ${source.height}, ${source.width}), but got (${arr.shape.join(', ')})`);
      }
      masks = Array.from({ length: t }, (_, k) => resizeNearest(Uint8Array.from(arr.data.subarray(k * h * w, (k + 1) * h * w), (v) => (v ? 1 : 0)), h, w, 1, height, width));
    }
    return masks[i] as Uint8Array;
  };
}

