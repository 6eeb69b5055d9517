import { UserError } from '@vad/core';
import type { DataConfig } from '../config';
import type { Dataset } from '../types';

export async function openRealDataset(config: DataConfig, root: string, cacheDir: string): Promise<Dataset> {
  throw new UserError(`openDataset: ${config.type} at ${root} (cache ${cacheDir}) is not readable yet`);
}
