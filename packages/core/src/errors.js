/**
 * An error caused by the user's input (a config value, a file, a CLI argument), as opposed to a bug.
 * The CLI prints its message alone (no stack trace) and exits with `exitCode`.
 * Messages follow the house form `<where>: <what> must be <expected>, but got <actual>`.
 *
 * @example
 * throw new UserError('createModel(options.height) must be a multiple of 16, but got 30');
 */
export class UserError extends Error {
    exitCode;
    constructor(message, exitCode = 2) {
        super(message);
        this.exitCode = exitCode;
        this.name = 'UserError';
    }
}
/** True for errors that should be shown to the user without a stack trace. */
export function isUserError(error) {
    return error instanceof UserError || (error instanceof Error && error.name === 'UserError');
}
/** Short, readable rendering of any value for error messages (`but got …`). */
export function describeValue(value) {
    if (typeof value === 'string')
        return JSON.stringify(value);
    if (value === undefined)
        return 'undefined';
    if (typeof value === 'number' || typeof value === 'boolean' || value === null)
        return String(value);
    if (Array.isArray(value))
        return `array of length ${value.length}`;
    try {
        const text = JSON.stringify(value);
        return text.length > 80 ? `${text.slice(0, 77)}...` : text;
    }
    catch {
        return typeof value;
    }
}
//# sourceMappingURL=errors.js.map