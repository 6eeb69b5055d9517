import type { CommandModule } from 'yargs';
import { benchCommand } from './bench';

/** Every `vad` sub-command; one file each under commands/. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export const commands: ReadonlyArray<CommandModule<any, any>> = [benchCommand];
