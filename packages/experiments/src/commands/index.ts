import type { Argv } from 'yargs';
import { benchCommand } from './bench';
import { runCommand } from './run';
import { trainCommand } from './train';
import { reportCommand } from './report';
import { listCommand } from './list';
import { evalCommand } from './eval';
import { inferCommand } from './infer';
import { simulateCommand } from './simulate';
import { metricsCommand } from './metrics';
import { dataCommand } from './data';
import { statusCommand } from './status';
import { cancelCommand } from './cancel';
import { exportCheckpointCommand, importCheckpointCommand } from './checkpoints';

/**
 * Every `vad` sub-command (one file each under commands/), as a registration on the yargs instance so
 * that each command keeps its own argument type.
 */
export const commands: ReadonlyArray<(cli: Argv) => Argv> = [
  (cli) => cli.command(benchCommand),
  (cli) => cli.command(runCommand),
  (cli) => cli.command(trainCommand),
  (cli) => cli.command(reportCommand),
  (cli) => cli.command(listCommand),
  (cli) => cli.command(evalCommand),
  (cli) => cli.command(inferCommand),
  (cli) => cli.command(simulateCommand),
  (cli) => cli.command(metricsCommand),
  (cli) => cli.command(dataCommand),
  (cli) => cli.command(statusCommand),
  (cli) => cli.command(cancelCommand),
  (cli) => cli.command(importCheckpointCommand),
  (cli) => cli.command(exportCheckpointCommand),
];
