import yargs from 'yargs';
import { isUserError } from '@vad/core';
import { nanOptionProblem, noCommandMessage, usageError, UsageProblem } from './cli-usage';
import { commands } from './commands/index';
import { systemErrorMessage } from './io/system-error';

/** Printed after the stack of an error that is not the user's (see CONTRIBUTING.md, "Reporting a bug"). */
export const bugNotice =
  'vad: this is a bug in vad, not a problem with your input. Please report it with the command line and the output above (CONTRIBUTING.md, "Reporting a bug").';

/**
 * Runs the `vad` command line and resolves to the process exit code.
 * A bad command line stops before any work: one house-form message plus the command's usage line,
 * exit 2. User errors (bad config, bad files, bad flags) and file-system refusals (read-only folder,
 * disk full) print one clear message without a stack trace and exit with their code (2 for bad
 * input); anything else is a bug: its stack, then {@link bugNotice}, exit 1.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const cli = yargs([...argv])
    .scriptName('vad')
    .locale('en') // the usage messages are rewritten from yargs' English wording
    .usage('$0 <command> [options]\n\nVideo anomaly detection with pluggable pseudo-anomaly simulators (DDL).')
    .strict()
    .demandCommand(1, noCommandMessage)
    .recommendCommands()
    .help()
    .alias('h', 'help')
    .version(false)
    .wrap(Math.min(110, process.stdout.columns ?? 100))
    .check((parsed) => {
      const problem = nanOptionProblem(parsed, argv, ['vad', ...parsed._.map(String)].join(' '));
      if (problem !== undefined) throw problem;
      return true;
    }, true)
    .fail((message, error, instance) => {
      if (error !== undefined && error !== null && !(error instanceof UsageProblem)) throw error;
      let help = '';
      instance.showHelp((text: string) => void (help = text));
      const names = [...new Set([...help.matchAll(/^\s+vad ([a-z][\w-]*)/gm)].map((m) => m[1] ?? ''))]; // the commands the help lists
      throw usageError(error instanceof UsageProblem ? error.message : (message ?? 'unknown problem'), { usage: help.split('\n')[0] ?? 'vad', argv, commands: names });
    });
  for (const register of commands) register(cli);
  try {
    await cli.parseAsync();
  } catch (error) {
    if (isUserError(error)) {
      process.stderr.write(`${error.message}\n`);
      return (error as { exitCode?: number }).exitCode ?? 2;
    }
    const system = systemErrorMessage(error);
    if (system !== undefined) {
      process.stderr.write(`${system}\n`);
      return 2;
    }
    process.stderr.write(`${(error as Error)?.stack ?? String(error)}\n${bugNotice}\n`);
    return 1;
  }
  return Number(process.exitCode ?? 0);
}
