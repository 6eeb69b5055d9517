import { readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { decodeCheckpoint, encodeCheckpoint, type Checkpoint, type StepRecord } from '@vad/core';
import { writeFileAtomic } from '@vad/data';
import { appendJsonl, readJsonl } from '../io/jsonl';
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

/**
 * Makes metrics.jsonl agree with the checkpoint training resumes from: step records at or after
 * `step` (written after that checkpoint, and about to be redone) are dropped, atomically. `step` 0
 * starts the file afresh.
 */
export function truncateStepLog(trialDir: string, step: number): void {
  const path = join(trialDir, trialFiles.steps);
  const kept = step === 0 ? [] : readJsonl<StepRecord>(path).filter((record) => record.step < step);
  writeFileAtomic(path, kept.map((record) => `${JSON.stringify(record)}\n`).join(''));
}

/** Appends one step record to metrics.jsonl. */
export function logStep(trialDir: string, record: StepRecord): void {
  appendJsonl(join(trialDir, trialFiles.steps), [record]);
}
