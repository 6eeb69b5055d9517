import { UserError } from '@vad/core';
import { join, resolve } from 'node:path';
import type { DataConfig } from './config';
import { applyKindsFile } from './kinds-file';
import { createSyntheticDataset } from './synthetic/synthetic-dataset';
import type { Dataset, TestVideo, Video } from './types';

/** Overrides for {@link openDataset}. */
export interface OpenDatasetOptions {
  readonly cacheDir?: string; // decoded-frame cache (overrides config.cacheDir / $VAD_CACHE_DIR)
}

/** Resolves the dataset folder: `config.root`, else `$VAD_DATA_ROOT/<type>`; a UserError when neither is set. */
export function resolveDataRoot(config: Pick<DataConfig, 'type' | 'root'>): string {
  if (config.root !== undefined) return resolve(config.root);
  const base = process.env.VAD_DATA_ROOT;
  if (base !== undefined && base.length > 0) return resolve(base, config.type);
  throw new UserError(`data.root must name the ${config.type} dataset folder (or set VAD_DATA_ROOT), but got nothing`);
}

/** Resolves the frame cache folder: option, config, `$VAD_CACHE_DIR`, else `<cwd>/.vad-cache`. */
export function resolveCacheDir(config: Pick<DataConfig, 'cacheDir'>, options: OpenDatasetOptions = {}): string {
  return resolve(options.cacheDir ?? config.cacheDir ?? process.env.VAD_CACHE_DIR ?? join(process.cwd(), '.vad-cache'));
}

function byScene<T extends Video>(videos: readonly T[], scene: string | undefined): T[] {
  return scene === undefined ? [...videos] : videos.filter((v) => v.id.startsWith(`${scene}_`) || v.scene === scene);
}

/**
 * Opens the dataset a `data:` config describes, resized to height × width × channels: the built-in
 * synthetic set is generated in memory; real datasets are read from `root` (frames decoded once into
 * the disk cache, then read lazily). `labels.kinds` names a kinds file giving the test frames their
 * anomaly kinds (the synthetic set records its own).
 *
 * @example
 * const ds = await openDataset(dataConfigSchema.parse({synthetic: {length: 32}}));
 * ds.name;        // => 'synthetic'
 * ds.test.length; // => 6
 */
export async function openDataset(config: DataConfig, options: OpenDatasetOptions = {}): Promise<Dataset> {
  const shape = { height: config.height, width: config.width, channels: config.channels };
  let dataset: Dataset;
  if (config.type === 'synthetic') dataset = createSyntheticDataset(config.synthetic, shape);
  else {
    const { openRealDataset } = await import('./readers/open-real-dataset');
    dataset = await openRealDataset(config, resolveDataRoot(config), resolveCacheDir(config, options));
  }
  if (config.labels.kinds !== undefined) dataset = applyKindsFile(dataset, resolve(config.labels.kinds));
  if (config.scene === undefined) return dataset;
  const train = byScene(dataset.train, config.scene);
  const test: TestVideo[] = byScene(dataset.test, config.scene);
  if (train.length === 0 && test.length === 0) {
    const scenes = [...new Set([...dataset.train, ...dataset.test].map((v) => v.scene))].sort();
    throw new UserError(`data.scene must be one of ${scenes.join(', ')}, but got "${config.scene}"`);
  }
  return { ...dataset, train, test, notes: [...dataset.notes, `scene ${config.scene}: ${train.length} train / ${test.length} test videos`] };
}
