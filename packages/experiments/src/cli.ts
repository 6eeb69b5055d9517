import yargs from 'yargs';
import { isUserError, UserError } from '@vad/core';
import { commands } from './commands/index';

/**
 * Runs the `vad` command line and resolves to the process exit code.
 * User errors (bad config, bad files, bad flags) print one clear message without a stack trace and
 * exit with their code (2 for bad input); anything else is a bug and prints its stack (exit 1).
 */
export async function main(argv: readonly string[]): Promise<number> {
  const cli = yargs([...argv])
    .scriptName('vad')
    .usage('$0 <command> [options]\n\nVideo anomaly detection with pluggable pseudo-anomaly simulators (DDL).')
    .strict()
    .demandCommand(1, 'Pick a command (see the list above).')
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .fail((message, error) => {
      if (error !== undefined && error !== null) throw error;
      // thrown, not just printed: otherwise a nested command (`vad data download`) still runs its handler
      throw new UserError(`vad: ${message}\nRun "vad --help" for usage.`);
    });
  for (const register of commands) register(cli);
  try {
    await cli.parseAsync();
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`${error.message}\n`);
      return (error as { exitCode?: number }).exitCode ?? 2;
    }
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n`);
    return 1;
  }
  return Number(process.exitCode ?? 0);
}
