import { z } from 'zod';
import { describeValue } from '@vad/core';

/** SLURM `--time` formats: minutes, m:s, h:m:s, d-h, d-h:m, d-h:m:s (or UNLIMITED / INFINITE). */
const timePattern = /^(\d+(:\d{1,2}){0,2}|\d+-\d{1,2}(:\d{1,2}){0,2}|UNLIMITED|INFINITE)$/;

/** A string matching `pattern`, with the house-form message (`must be WHAT, but got …`). */
function matching(pattern: RegExp, what: string) {
  return z.string().regex(pattern, { error: (issue) => `must be ${what}, but got ${describeValue(issue.input)}` });
}

/**
 * `launcher.slurm:` — how `vad run --launcher slurm` asks for resources (the submitit launcher's
 * conveniences). Every resource left null is left to the cluster's defaults (no `#SBATCH` line).
 *
 * @example
 * slurmOptionsSchema.parse({ partition: 'gpu', time: 90, gpusPerTask: 1, parallelism: 8 });
 * // => { partition: 'gpu', time: 90, gpusPerTask: 1, parallelism: 8, requeue: true, timeoutRequeues: 3, … }
 */
export const slurmOptionsSchema = z.strictObject({
  partition: matching(/^[\w.-]+(,[\w.-]+)*$/, 'a partition name (or a comma-separated list)').nullable().default(null),
  time: z.union([matching(timePattern, 'minutes or a SLURM time such as 90, 2:30:00 or 1-12:00:00'), z.number().int().positive()]).nullable().default(null), // per task: minutes, or a SLURM time ("1-12:00:00")
  cpusPerTask: z.number().int().positive().nullable().default(null), // --cpus-per-task (set trainer.threads to match)
  mem: matching(/^\d+[KMGT]?$/, 'a SLURM memory size such as 16G or 4000M').nullable().default(null), // --mem per task (one task per node)
  gpusPerTask: z.number().int().positive().nullable().default(null), // --gpus-per-task
  parallelism: z.number().int().positive().nullable().default(null), // at most N array tasks at once (--array=…%N)
  account: z.string().min(1).nullable().default(null), // --account
  qos: z.string().min(1).nullable().default(null), // --qos
  extra: z.array(matching(/^--?[A-Za-z][^\n]*$/, 'an sbatch option such as --constraint=a100 (one per line)')).default([]), // more #SBATCH lines
  setup: z.array(matching(/^[^\n]*$/, 'one shell line')).default([]), // shell lines run before each trial (module load …, source venv)
  node: z.string().min(1).nullable().default(null), // node executable on the compute nodes; null = the one running vad run
  requeue: z.boolean().default(true), // --requeue: preempted / requeued tasks restart and resume from their checkpoint
  timeoutRequeues: z.number().int().nonnegative().default(3), // times a task near its time limit checkpoints and requeues itself (0 = never)
  signalSeconds: z.number().int().positive().default(120), // how long before the time limit that happens (--signal=B:USR2@N)
});
export type SlurmOptions = z.output<typeof slurmOptionsSchema>;
