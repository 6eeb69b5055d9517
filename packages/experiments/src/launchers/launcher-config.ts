import { z } from 'zod';
import type { ConfigProblem } from '../config/config-error';
import { isMapping, mergeConfig } from '../config/merge';
import { parseSection } from '../config/plugin-section';
import { slurmOptionsSchema } from './slurm/slurm-options';

/** Names of the launchers (`vad run --launcher NAME`, `launcher.type`). */
export const launcherTypes = ['local', 'slurm'] as const;
export type LauncherType = (typeof launcherTypes)[number];

/** `launcher:` — which launcher runs the trials, and each launcher's options under its own key. */
export const launcherSchema = z.strictObject({
  type: z.enum(launcherTypes).default('local'), // local: this machine (--workers child processes); slurm: a SLURM job array
  slurm: slurmOptionsSchema.prefault({}),
});
export type LauncherConfig = z.output<typeof launcherSchema>;

/** Launcher settings given as flags (`--launcher`, `--partition`, …), laid over the YAML's `launcher:` (`extra` lines are appended). */
export interface LauncherOverrides {
  readonly type?: string;
  readonly slurm?: Readonly<Record<string, unknown>>;
}

/**
 * Validates the `launcher:` section (a mapping, or just the launcher's name) with flag overrides laid
 * over it; problems use the section's dotted paths (`launcher.slurm.time must be …`).
 *
 * @example
 * parseLauncher('x.yaml', 'slurm', { slurm: { partition: 'gpu' } });
 * // => { ok: true, value: { type: 'slurm', slurm: { partition: 'gpu', time: null, …, requeue: true } } }
 */
export function parseLauncher(file: string, raw: unknown, overrides: LauncherOverrides = {}): { ok: true; value: LauncherConfig } | { ok: false; problems: ConfigProblem[] } {
  const base = typeof raw === 'string' ? { type: raw } : raw;
  const input: unknown = isMapping(base) || base === undefined || base === null ? { ...(isMapping(base) ? base : {}) } : base;
  if (isMapping(input)) {
    if (overrides.type !== undefined) input['type'] = overrides.type;
    const slurm = overrides.slurm ?? {};
    if (Object.keys(slurm).length > 0) {
      const base = isMapping(input['slurm']) ? input['slurm'] : {};
      const extra = Array.isArray(base['extra']) && Array.isArray(slurm['extra']) ? { extra: [...base['extra'], ...slurm['extra']] } : {}; // --sbatch adds lines
      input['slurm'] = { ...(mergeConfig(base, slurm) as Record<string, unknown>), ...extra };
    }
  }
  return parseSection<LauncherConfig>(file, 'launcher', launcherSchema, input);
}
