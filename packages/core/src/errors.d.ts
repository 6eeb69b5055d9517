/**
 * An error caused by the user's input (a config value, a file, a CLI argument), as opposed to a bug.
 * The CLI prints its message alone (no stack trace) and exits with `exitCode`.
 * Messages follow the house form `<where>: <what> must be <expected>, but got <actual>`.
 *
 * @example
 * throw new UserError('createModel(options.height) must be a multiple of 16, but got 30');
 */
export declare class UserError extends Error {
    readonly exitCode: number;
    constructor(message: string, exitCode?: number);
}
/** True for errors that should be shown to the user without a stack trace. */
export declare function isUserError(error: unknown): error is UserError;
/** Short, readable rendering of any value for error messages (`but got …`). */
export declare function describeValue(value: unknown): string;
