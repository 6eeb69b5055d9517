import { trainerOptionsSchema } from '@vad/core';
import { z } from 'zod';

/**
 * The `trainer:` section: core's trainer options plus what only the runner can honour.
 *
 * @example
 * trainerSectionSchema.parse({ epochs: 2, threads: 2 }); // => { epochs: 2, …core defaults, threads: 2 }
 */
export const trainerSectionSchema = trainerOptionsSchema.extend({
  /**
   * Threads computing each step's gradients (absent = 1: the exact single-thread step). With N > 1
   * the runner splits each batch into N shards computed data-parallel (`createTrialEngine`, passed
   * to `train` as its `engine`), so BatchNorm normalises with per-shard statistics, L_dist is a
   * per-shard mean and each shard's simulator has its own stream: results differ from threads = 1.
   * Worker shards get no FrameSource, so temporal simulators fall back to in-window frames there.
   * Left out of the resolved config when absent (trial ids unchanged).
   */
  threads: z.number().int().positive().optional(),
});

/** A validated `trainer:` section (every default filled in). */
export type TrainerSection = z.output<typeof trainerSectionSchema>;
