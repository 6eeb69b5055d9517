import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { StepRecord } from '@vad/core';
import { writeFileAtomic } from '@vad/data';
import { appendJsonl, readJsonl } from '../io/jsonl';
import { trialFiles } from './trial-files';

/**
 * The step log of a trial: one {@link StepRecord} per line, `steps.jsonl`. Run folders written
 * before it was renamed hold the same records as `metrics.jsonl`; they are read from there, and the
 * first write (resuming such a run) moves them to `steps.jsonl`.
 *
 * @example
 * stepLogPath('runs/quickstart/learned-1a2b3c4d-seed0'); // => '…/steps.jsonl', or '…/metrics.jsonl' in an old folder
 */
export function stepLogPath(trialDir: string): string {
  const current = join(trialDir, trialFiles.steps);
  const legacy = join(trialDir, trialFiles.legacySteps);
  return !existsSync(current) && existsSync(legacy) ? legacy : current;
}

/** Every complete step record of a trial (a torn last line is dropped), from either log name. */
export function readStepLog(trialDir: string): StepRecord[] {
  return readJsonl<StepRecord>(stepLogPath(trialDir));
}

/**
 * Makes the step log agree with the checkpoint training resumes from: step records at or after
 * `step` (written after that checkpoint, and about to be redone) are dropped, atomically, into
 * `steps.jsonl` (an old folder's `metrics.jsonl` is removed once they are there). `step` 0 starts
 * the log afresh.
 */
export function truncateStepLog(trialDir: string, step: number): void {
  const from = stepLogPath(trialDir);
  const kept = step === 0 ? [] : readJsonl<StepRecord>(from).filter((record) => record.step < step);
  const to = join(trialDir, trialFiles.steps);
  writeFileAtomic(to, kept.map((record) => `${JSON.stringify(record)}\n`).join(''));
  if (from !== to) rmSync(from, { force: true });
}

/** Appends one step record to `steps.jsonl`. */
export function logStep(trialDir: string, record: StepRecord): void {
  appendJsonl(join(trialDir, trialFiles.steps), [record]);
}
