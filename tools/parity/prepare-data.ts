/**
 * Writes the two datasets of the live parity runs in the frames layout both implementations read —
 * PNG frames `training/frames/<video>/0000.png`, `testing/frames/…`, `frame_labels_<name>.npy` and DDL's
 * `training/frames/tracked_bounding_boxes.json` (the official loader's only mask source):
 * - `synthetic`: the built-in benchmark rendered at 128×128 (the model sees 64×64, so resizing matters),
 *   tracks = the generator's actors;
 * - `avenue`: the CUHK Avenue sample (/work/shared/datasets/avenue-sample) at its source 640×360,
 *   tracks = our motion boxes (found on 64×64 frames) linked frame to frame by IoU.
 * Usage: tsx tools/parity/prepare-data.ts OUT_DIR [AVENUE_ROOT]
 */
import { boxIou, type Box } from '@vad/data';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { dataConfigSchema, type DataConfig } from '../../packages/data/src/config';
import { motionMask, motionMaskOptions } from '../../packages/data/src/masks/motion';
import { openDataset } from '../../packages/data/src/open-dataset';
import { createSyntheticDataset } from '../../packages/data/src/synthetic/synthetic-dataset';
import { syntheticOptionsSchema } from '../../packages/data/src/synthetic/synthetic-options';
import type { Dataset, SceneObject, Video } from '../../packages/data/src/types';
import { writeFramesDataset } from '../../packages/data/src/writers/write-frames-dataset';

/** Greedy frame-to-frame tracking: each box takes the free track of the previous frame it overlaps most (IoU ≥ 0.3). */
function track(boxesPerFrame: readonly (readonly Box[])[]): Map<number, Box>[] {
  let next = 1;
  let previous = new Map<number, Box>();
  return boxesPerFrame.map((boxes) => {
    const current = new Map<number, Box>();
    for (const box of [...boxes].sort((a, b) => (b.x1 - b.x0) * (b.y1 - b.y0) - (a.x1 - a.x0) * (a.y1 - a.y0))) {
      let best = -1;
      let bestIou = 0.3;
      for (const [id, prev] of previous) {
        const iou = boxIou(box, prev);
        if (!current.has(id) && iou >= bestIou) [best, bestIou] = [id, iou];
      }
      current.set(best >= 0 ? best : next++, box);
    }
    previous = current;
    return current;
  });
}

/** A video whose objects are tracked boxes found at another resolution (`scale` maps them to this video's pixels). */
function withObjects(video: Video, tracks: readonly Map<number, Box>[], sx: number, sy: number): Video {
  const objects = (i: number): SceneObject[] =>
    [...(tracks[i] ?? new Map<number, Box>())].map(([id, b]) => ({ id, kind: 'pedestrian', anomalous: false, box: { x0: b.x0 * sx, y0: b.y0 * sy, x1: b.x1 * sx, y1: b.y1 * sy } }));
  return { ...video, objects };
}

async function prepareAvenue(root: string, out: string, cacheDir: string): Promise<void> {
  const config = (over: Record<string, unknown>): DataConfig => dataConfigSchema.parse({ type: 'avenue', root, integrity: 'partial', cacheDir, ...over });
  const full = await openDataset(config({ height: 360, width: 640, resize: { method: 'nearest' } })); // source pixels, exact
  const small = await openDataset(config({ height: 64, width: 64 }));
  const motion = motionMask(motionMaskOptions.parse({ type: 'motion' }));
  const train = full.train.map((video, v) => {
    const low = small.train[v] as Video;
    const tracks = track(Array.from({ length: low.length }, (_, i) => motion.boxes(low, i)));
    return withObjects(video, tracks, 640 / 64, 360 / 64);
  });
  const dataset: Dataset = { ...full, name: 'avenue', train };
  const { files } = await writeFramesDataset(dataset, out);
  process.stdout.write(`avenue: ${files} frames → ${out}\n`);
}

async function prepareSynthetic(out: string): Promise<void> {
  const dataset = createSyntheticDataset(syntheticOptionsSchema.parse({}), { height: 128, width: 128, channels: 3 });
  const { files } = await writeFramesDataset(dataset, out);
  process.stdout.write(`synthetic: ${files} frames → ${out}\n`);
}

const [outArg, avenueArg] = process.argv.slice(2);
if (outArg === undefined) throw new Error('usage: tsx tools/parity/prepare-data.ts OUT_DIR [AVENUE_ROOT]');
const out = resolve(outArg);
const cacheDir = join(out, '.cache');
if (!existsSync(join(out, 'synthetic', 'frame_labels_synthetic.npy'))) await prepareSynthetic(join(out, 'synthetic'));
const avenue = avenueArg ?? '/work/shared/datasets/avenue-sample';
if (existsSync(avenue) && !existsSync(join(out, 'avenue', 'frame_labels_avenue.npy'))) await prepareAvenue(avenue, join(out, 'avenue'), cacheDir);
