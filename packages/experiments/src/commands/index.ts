import type { CommandModule } from 'yargs';
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

/** Every `vad` sub-command; one file each under commands/. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: ReadonlyArray<CommandModule<any, any>> = [benchCommand, runCommand, trainCommand, reportCommand, listCommand, evalCommand, inferCommand, simulateCommand, metricsCommand, dataCommand];
