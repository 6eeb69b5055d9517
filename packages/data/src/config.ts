import { z } from 'zod';
import { maskConfigSchema } from './masks/mask-config';
import { resizeSchema } from './readers/resize-mode';
import { syntheticOptionsSchema } from './synthetic/synthetic-options';

/** Dataset kinds `data.type` accepts. */
export const datasetTypes = ['synthetic', 'frames', 'ped1', 'ped2', 'avenue', 'shanghaitech'] as const;
export type DatasetType = (typeof datasetTypes)[number];

/**
 * The `data:` section of an experiment config. `root` is the dataset folder for real datasets; when
 * absent it defaults to `$VAD_DATA_ROOT/<type>` (e.g. `VAD_DATA_ROOT=/data` → `/data/ped2`).
 * `cacheDir` holds decoded, resized frames; default `$VAD_CACHE_DIR`, else `<cwd>/.vad-cache`.
 */
export const dataConfigSchema = z.strictObject({
  type: z.enum(datasetTypes).default('synthetic'),
  root: z.string().min(1).optional(), // dataset folder (real datasets), relative to the config file that sets it; default $VAD_DATA_ROOT/<type>
  height: z.number().int().min(1).default(64), // frames are resized to height × width (64 keeps CPU runs fast)
  width: z.number().int().min(1).default(64),
  channels: z.union([z.literal(1), z.literal(3)]).default(3), // 3 = RGB as in the official code, 1 = grey
  resize: resizeSchema.prefault({}), // { method, antialias, quantize }; default: torchvision's float bilinear, as the official loader
  scene: z
    .string()
    .regex(/^\d+$/, 'must be digits such as "01"')
    .optional(), // ShanghaiTech (and synthetic) scene filter: keep videos whose id starts with "<scene>_"
  labels: z
    .strictObject({
      file: z.string().min(1).optional(), // explicit label file (.mat with `gt` cell, or .npy of 0/1 per test frame)
      name: z.string().min(1).optional(), // looks for <root>/<name>.mat or frame_labels_<name>.npy; default: the type
      kinds: z.string().min(1).optional(), // optional kinds file (CSV video,first,last,kind): per-kind AUCs for any dataset
    })
    .prefault({}),
  integrity: z.enum(['auto', 'full', 'partial']).default('auto'), // known benchmark totals: auto = check when all videos are present
  synthetic: syntheticOptionsSchema.prefault({}), // used when type = synthetic
  masks: maskConfigSchema.prefault({ type: 'motion' }),
  cacheDir: z.string().min(1).optional(), // decoded-frame cache; default $VAD_CACHE_DIR or ./.vad-cache
});
export type DataConfig = z.infer<typeof dataConfigSchema>;

/** Keys of `data:` that describe one particular dataset; changing `data.type` (e.g. through `extends`) drops them. */
export const datasetSpecificKeys = ['root', 'labels', 'scene', 'synthetic'] as const;

/**
 * The `data:` keys kept when a config changes `data.type` (all but {@link datasetSpecificKeys}: frame
 * size, channels, resizing, masks, cache, integrity apply to any dataset).
 *
 * @example
 * dataKeysFor('ped2').includes('height'); // => true
 * dataKeysFor('ped2').includes('root');   // => false
 */
export function dataKeysFor(_type: string): string[] {
  return Object.keys(dataConfigSchema.shape).filter((key) => !(datasetSpecificKeys as readonly string[]).includes(key));
}
