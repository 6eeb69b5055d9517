import type { Launcher } from './launcher';
import type { LauncherType } from './launcher-config';
import { localLauncher } from './local-launcher';
import { slurmLauncher } from './slurm/slurm-launcher';

/** Every launcher by name (`vad run --launcher NAME`, `launcher.type`). */
export const launchers: Readonly<Record<LauncherType, Launcher>> = {
  local: localLauncher,
  slurm: slurmLauncher,
};
