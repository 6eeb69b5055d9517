/**
 * An error caused by the user's input (a config value, a file, a CLI argument), as opposed to a bug.
 * The CLI prints its message alone (no stack trace) and exits with `exitCode`.
 * Messages follow the house form `<where>: <what> must be <expected>, but got <actual>`.
 *
 * @example
 * throw new UserError('createModel(options.height) must be a multiple of 16, but got 30');
 */
export class UserError extends Error {
  constructor(
    message: string,
    readonly exitCode: number = 2,
  ) {
    super(message);
    this.name = 'UserError';
  }
}

/** True for errors that should be shown to the user without a stack trace. */
export function isUserError(error: unknown): error is UserError {
  return error instanceof UserError || (error instanceof Error && error.name === 'UserError');
}

// `describeValue` (the `but got …` part of every message) lives with the one issue formatter in
// @vad/contracts; core re-exports it, so `import { describeValue } from '@vad/core'` keeps working.
export { describeValue } from '@vad/contracts';
