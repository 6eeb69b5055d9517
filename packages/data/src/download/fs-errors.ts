import { statfs } from 'node:fs/promises';
import { UserError } from '@vad/core';
import { formatBytes } from './progress';

const reasons: Readonly<Record<string, string>> = {
  ENOSPC: 'the disk is full',
  EDQUOT: 'the disk quota is exhausted',
  EROFS: 'the file system is read-only',
  EACCES: 'permission is denied',
  EPERM: 'the operation is not permitted',
  ENOTDIR: 'a file is in the way where a folder is needed',
  EEXIST: 'a file is in the way where a folder is needed',
  EISDIR: 'it is a folder',
};

/**
 * A file-system failure while writing `path` as a clear {@link UserError} (disk full, read-only,
 * permission, a file in the way); any other error is returned unchanged.
 *
 * @example
 * fsError(Object.assign(new Error('nope'), { code: 'EROFS' }), '/data/ped2', 'vad data download ped2').message;
 * // => 'vad data download ped2: /data/ped2 must be writable, but the file system is read-only (EROFS)'
 */
export function fsError(error: unknown, path: string, where: string): unknown {
  const code = (error as NodeJS.ErrnoException | undefined)?.code;
  const reason = code === undefined ? undefined : reasons[code];
  if (reason === undefined) return error;
  return new UserError(`${where}: ${path} must be writable, but ${reason} (${code})`);
}

/** Free bytes for unprivileged writes on the file system holding `dir` (null when unknown). */
export async function freeBytes(dir: string): Promise<number | null> {
  try {
    const stats = await statfs(dir);
    return Number(stats.bavail) * Number(stats.bsize);
  } catch {
    return null; // statfs unsupported here: no pre-check, ENOSPC is still reported when it happens
  }
}

/**
 * Fails before writing when `needed` bytes do not fit on the file system of `dir`.
 *
 * @throws UserError `…: <dir> must have 1.2 GB free for <what>, but has 300.0 MB`.
 */
export async function ensureSpace(dir: string, needed: number, what: string, where: string): Promise<void> {
  const free = await freeBytes(dir);
  if (free !== null && needed > free) {
    throw new UserError(`${where}: ${dir} must have ${formatBytes(needed)} free for ${what}, but has ${formatBytes(free)} (disk full)`);
  }
}
