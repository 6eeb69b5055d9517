import type { Launcher } from '../launcher';
import { slurmCancel, slurmQueue } from './slurm-queue';
import { submitToSlurm } from './slurm-submit';

/**
 * Runs trials as a SLURM job array (see {@link submitToSlurm}); `vad status` asks squeue/sacct about
 * them and `vad cancel` scancels what is still queued or running.
 */
export const slurmLauncher: Launcher = {
  submit: submitToSlurm,
  queued: slurmQueue,
  cancel: slurmCancel,
};
