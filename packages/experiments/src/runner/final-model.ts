import { copyFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@vad/core';
import { listCheckpoints, trialFiles } from './trial-files';

/**
 * Publishes the newest checkpoint as the trial's `model.ckpt` (copy to a temp name, then rename), the
 * file `vad eval` and `vad infer` load.
 */
export function saveFinalModel(trialDir: string): string {
  const newest = listCheckpoints(trialDir).at(-1);
  if (newest === undefined) throw new UserError(`${trialDir}: trial must have a checkpoint after training, but got none`);
  const target = join(trialDir, trialFiles.model);
  const temp = `${target}.tmp-${process.pid}`;
  copyFileSync(newest, temp);
  renameSync(temp, target);
  return target;
}
