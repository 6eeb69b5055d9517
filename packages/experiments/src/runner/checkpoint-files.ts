import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCheckpoint, encodeCheckpoint, type Checkpoint } from '@vad/core';
import { writeFileAtomic } from '@vad/data';
import { checkpointName, listCheckpoints, trialFiles } from './trial-files';

/**
 * Writes a checkpoint as `checkpoints/step-<n>.ckpt` (atomically: temp file + rename) and deletes all
 * but the newest `keep`. A checkpoint on disk is therefore always complete.
 */
export function saveCheckpoint(trialDir: string, checkpoint: Checkpoint, keep: number): string {
  const path = join(trialDir, trialFiles.checkpoints, checkpointName(checkpoint.step));
  writeFileAtomic(path, encodeCheckpoint(checkpoint));
  const all = listCheckpoints(trialDir);
  for (const old of all.slice(0, Math.max(0, all.length - keep))) rmSync(old, { force: true });
  return path;
}

/**
 * The newest checkpoint of a trial that decodes, or undefined. A file that fails to decode (it cannot
 * be half-written, but a disk may still corrupt it) is skipped in favour of the one before it, and the
 * reason is reported through `warn`.
 */
export function latestCheckpoint(trialDir: string, warn: (line: string) => void): { checkpoint: Checkpoint; path: string } | undefined {
  for (const path of listCheckpoints(trialDir).reverse()) {
    try {
      return { checkpoint: decodeCheckpoint(new Uint8Array(readFileSync(path))), path };
    } catch (error) {
      warn(`${path}: checkpoint must decode, but ${(error as Error).message}; trying an older one`);
    }
  }
  return undefined;
}
