import type { QueuedTrial } from '../launcher';

/** SLURM job states (squeue %T / sacct State) → launcher states; unknown ones count as running. */
const states: Readonly<Record<string, QueuedTrial['state']>> = {
  PENDING: 'queued',
  REQUEUED: 'queued',
  REQUEUE_HOLD: 'queued',
  REQUEUE_FED: 'queued',
  CONFIGURING: 'queued',
  RESV_DEL_HOLD: 'queued',
  RUNNING: 'running',
  COMPLETING: 'running',
  SIGNALING: 'running',
  STAGE_OUT: 'running',
  SUSPENDED: 'running',
  STOPPED: 'running',
  RESIZING: 'running',
  COMPLETED: 'done',
  CANCELLED: 'cancelled',
  FAILED: 'failed',
  TIMEOUT: 'failed',
  OUT_OF_MEMORY: 'failed',
  NODE_FAIL: 'failed',
  BOOT_FAIL: 'failed',
  DEADLINE: 'failed',
  PREEMPTED: 'failed',
  SPECIAL_EXIT: 'failed',
  REVOKED: 'cancelled',
};

/**
 * The launcher state of a SLURM state word (`CANCELLED by 0` counts as CANCELLED).
 *
 * @example
 * launcherState('PENDING'); // => 'queued'
 * launcherState('OUT_OF_MEMORY'); // => 'failed'
 */
export function launcherState(slurmState: string): QueuedTrial['state'] {
  return states[slurmState.split(' ')[0] ?? ''] ?? 'running';
}

/** True while the task can still run (queued or running). */
export function isActive(slurmState: string): boolean {
  const state = launcherState(slurmState);
  return state === 'queued' || state === 'running';
}

/** One task's state as a scheduler command printed it. */
export interface TaskState {
  readonly state: string;
  readonly reason: string;
}

/**
 * Parses `squeue -h -r -o '%F|%K|%T|%r'` (array job, task, state, reason; `-r` lists every task on
 * its own line) into a map keyed `<arrayJob>_<task>`; lines of other jobs are skipped.
 *
 * @example
 * parseSqueue('12|0|RUNNING|None\n12|1|PENDING|JobArrayTaskLimit\n');
 * // => Map { '12_0' => { state: 'RUNNING', reason: 'None' }, '12_1' => { state: 'PENDING', reason: 'JobArrayTaskLimit' } }
 */
export function parseSqueue(text: string): Map<string, TaskState> {
  const tasks = new Map<string, TaskState>();
  for (const line of text.split('\n')) {
    const [job, task, state, reason] = line.trim().split('|');
    if (job && task && /^\d+$/.test(task) && state) tasks.set(`${job}_${task}`, { state, reason: reason ?? '' });
  }
  return tasks;
}

/**
 * Parses `sacct -n -P -X -o JobID,State,ExitCode` into a map keyed `<arrayJob>_<task>`; pending
 * array ranges (`12_[2-3]`) are skipped (squeue lists those task by task).
 *
 * @example
 * parseSacct('12_0|COMPLETED|0:0\n12_1|CANCELLED by 0|0:15\n12_[2-3]|PENDING|0:0\n');
 * // => Map { '12_0' => { state: 'COMPLETED', reason: 'exit 0:0' }, '12_1' => { state: 'CANCELLED by 0', reason: 'exit 0:15' } }
 */
export function parseSacct(text: string): Map<string, TaskState> {
  const tasks = new Map<string, TaskState>();
  for (const line of text.split('\n')) {
    const [id, state, exit] = line.trim().split('|');
    if (id && /^\d+_\d+$/.test(id) && state) tasks.set(id, { state, reason: `exit ${exit ?? '?'}` });
  }
  return tasks;
}
