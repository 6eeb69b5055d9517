/** What the file-system error codes a user can cause mean, for messages (`…, but got EACCES (permission denied)`). */
const meanings: Readonly<Record<string, string>> = {
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EROFS: 'read-only file system',
  ENOSPC: 'no space left on device',
  EDQUOT: 'disk quota exceeded',
  EISDIR: 'it is a folder',
  ENOTDIR: 'a part of the path is a file, not a folder',
  EEXIST: 'it already exists',
  ENOENT: 'it does not exist',
  ENAMETOOLONG: 'the name is too long',
  EMFILE: 'too many open files',
  ELOOP: 'too many symbolic links',
};

/** A Node.js file-system error (`fs.*` and `fs/promises` reject with these). */
interface SystemError extends Error {
  readonly code: string;
  readonly syscall?: string;
  readonly path?: string;
  readonly dest?: string;
}

function isSystemError(error: unknown): error is SystemError {
  if (!(error instanceof Error)) return false;
  const { code, path } = error as Partial<SystemError>;
  return typeof code === 'string' && Object.hasOwn(meanings, code) && typeof path === 'string';
}

/**
 * `<code> (<meaning>)` of a file-system error code.
 *
 * @example
 * describeErrorCode('EROFS'); // => 'EROFS (read-only file system)'
 */
export function describeErrorCode(code: string): string {
  const meaning = meanings[code];
  return meaning === undefined ? code : `${code} (${meaning})`;
}

/**
 * The house-form line for a file-system refusal the user can fix (permissions, read-only or full
 * disk, a file where a folder is needed, …), or undefined for any other error (those are bugs).
 *
 * @example
 * systemErrorMessage(Object.assign(new Error('x'), { code: 'EACCES', syscall: 'open', path: '/out/a.json' }));
 * // => '/out/a.json: must be accessible to vad (open), but got EACCES (permission denied)'
 */
export function systemErrorMessage(error: unknown): string | undefined {
  if (!isSystemError(error)) return undefined;
  const syscall = error.syscall === undefined ? '' : ` (${error.syscall}${error.dest === undefined ? '' : ` to ${error.dest}`})`;
  return `${error.path}: must be accessible to vad${syscall}, but got ${describeErrorCode(error.code)}`;
}
