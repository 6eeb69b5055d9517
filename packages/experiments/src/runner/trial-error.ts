import { rmSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { isUserError } from '@vad/core';
import { writeJsonAtomic } from '@vad/data';
import { readJsonIfExists, trialFiles } from './trial-files';

/** error.json of a trial whose last attempt failed. */
export interface TrialError {
  readonly id: string;
  readonly message: string;
  /** Stack of an unexpected error (absent for user errors such as a missing file). */
  readonly stack?: string;
  readonly failedAt: string;
  readonly host: string;
  /** The launcher's log of the attempt (`VAD_TASK_LOG`, set by the SLURM array script). */
  readonly log?: string;
  /** SLURM array task that ran the attempt (`<arrayJobId>_<taskId>`), when one did. */
  readonly job?: string;
}

/**
 * Writes why a trial failed into `<trialDir>/error.json` (atomically), so that `vad status` can show
 * it without the scheduler's logs. Never throws: failing to record must not hide the original error.
 *
 * @example
 * recordTrialError('runs/x/none-1a2b3c4d-seed0', 'none-1a2b3c4d-seed0', new Error('disk full'));
 * // runs/x/none-1a2b3c4d-seed0/error.json: { "id": "none-1a2b3c4d-seed0", "message": "disk full", … }
 */
export function recordTrialError(trialDir: string, id: string, error: unknown): void {
  const env = process.env;
  const record: TrialError = {
    id,
    message: error instanceof Error ? error.message : String(error),
    ...(error instanceof Error && !isUserError(error) && error.stack !== undefined ? { stack: error.stack } : {}),
    failedAt: new Date().toISOString(),
    host: hostname(),
    ...(env['VAD_TASK_LOG'] ? { log: env['VAD_TASK_LOG'] } : {}),
    ...(env['SLURM_ARRAY_JOB_ID'] && env['SLURM_ARRAY_TASK_ID'] ? { job: `${env['SLURM_ARRAY_JOB_ID']}_${env['SLURM_ARRAY_TASK_ID']}` } : {}),
  };
  try {
    writeJsonAtomic(join(trialDir, trialFiles.error), record);
  } catch (writeError) {
    process.stderr.write(`${trialDir}: error.json must be writable, but ${(writeError as Error).message}\n`);
  }
}

/** Removes a previous attempt's error.json (the trial is being run again). */
export function clearTrialError(trialDir: string): void {
  rmSync(join(trialDir, trialFiles.error), { force: true });
}

/** The trial's error.json, or undefined. */
export function readTrialError(trialDir: string): TrialError | undefined {
  return readJsonIfExists<TrialError>(join(trialDir, trialFiles.error));
}
