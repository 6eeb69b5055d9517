import yargs from 'yargs';
import { isUserError } from '@vad/core';
import { noCommandMessage, optionValueProblem, usageError, UsageProblem } from './cli-usage';
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
      const problem = optionValueProblem(parsed, argv, ['vad', ...parsed._.map(String)].join(' '));
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
    const { code, text } = describeFailure(error);
    process.stderr.write(text);
    return code;
  }
  return Number(process.exitCode ?? 0);
}

/**
 * What the CLI prints for an error and its exit code: a user error's message alone (its exit code,
 * 2 for bad input); a file-system refusal as one house-form line (2); anything else — a bug — its
 * stack followed by {@link bugNotice} (1).
 *
 * @example
 * describeFailure(new UserError('x.yaml: trainer.epochs must be a positive integer, but got -5'));
 * // => { code: 2, text: 'x.yaml: trainer.epochs must be a positive integer, but got -5\n' }
 */
export function describeFailure(error: unknown): { code: number; text: string } {
  if (isUserError(error)) return { code: (error as { exitCode?: number }).exitCode ?? 2, text: `${error.message}\n` };
  const system = systemErrorMessage(error);
  if (system !== undefined) return { code: 2, text: `${system}\n` };
  return { code: 1, text: `${(error as Error)?.stack ?? String(error)}\n${bugNotice}\n` };
}
