import { accessSync, constants, mkdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { UserError } from '@vad/core';
import { describeErrorCode } from './system-error';

function code(error: unknown): string {
  return (error as NodeJS.ErrnoException).code ?? String(error);
}

/** stat, or undefined when `path` does not exist — also when a part of it is a file (ENOTDIR). */
function statOrNothing(path: string): ReturnType<typeof statSync> {
  try {
    return statSync(path, { throwIfNoEntry: false });
  } catch (error) {
    if (code(error) === 'ENOTDIR') return undefined;
    throw error;
  }
}

/** The deepest existing path among `path` and its ancestors, and whether it is a folder. */
function existingAncestor(path: string): { path: string; dir: boolean } {
  for (let at = path; ; at = dirname(at)) {
    const stat = statOrNothing(at);
    if (stat !== undefined) return { path: at, dir: stat.isDirectory() };
    if (dirname(at) === at) return { path: at, dir: false };
  }
}

/**
 * Checks, without writing anything, that folder `dir` exists and is writable or can be created:
 * every existing part of the path is a folder and the deepest existing one is writable. Returns the
 * absolute path; a UserError naming `what` (`--out`, `output.dir`) otherwise.
 *
 * @example
 * checkOutputDir('runs/quickstart', '--out'); // => '/work/runs/quickstart'
 * checkOutputDir('/etc/passwd/x', '--out');   // throws '--out must be a writable folder, but /etc/passwd is a file'
 */
export function checkOutputDir(dir: string, what: string): string {
  const target = resolve(dir);
  const found = existingAncestor(target);
  if (!found.dir) throw new UserError(`${what} must be a writable folder, but ${found.path} is ${found.path === target ? 'an existing file' : 'a file, not a folder'}`);
  try {
    accessSync(found.path, constants.W_OK | constants.X_OK);
  } catch (error) {
    throw new UserError(`${what} must be a writable folder, but ${found.path} is not writable: ${describeErrorCode(code(error))}`);
  }
  return target;
}

/**
 * {@link checkOutputDir}, then creates the folder (one level at a time) and proves it writable by
 * creating and removing a probe file — so a read-only file system or a root-owned folder is reported
 * now, naming `what`, rather than after the work. Returns the absolute path.
 *
 * @example
 * prepareOutputDir('out/infer', '--out'); // => '/work/out/infer' (created)
 */
export function prepareOutputDir(dir: string, what: string): string {
  const target = checkOutputDir(dir, what);
  const missing: string[] = [];
  for (let at = target; statOrNothing(at) === undefined; at = dirname(at)) missing.unshift(at);
  for (const part of missing) {
    try {
      mkdirSync(part);
    } catch (error) {
      if (code(error) !== 'EEXIST') throw new UserError(`${what} must be a writable folder, but creating ${part} failed: ${describeErrorCode(code(error))}`);
    }
  }
  const probe = resolve(target, `.vad-write-test-${process.pid}`);
  try {
    writeFileSync(probe, '');
  } catch (error) {
    throw new UserError(`${what} must be a writable folder, but writing in ${target} failed: ${describeErrorCode(code(error))}`);
  } finally {
    rmSync(probe, { force: true });
  }
  return target;
}

/**
 * Checks, without writing anything, that `file` can be written: it is not a folder, and its folder is
 * (or can be created as) a writable folder. Returns the absolute path.
 *
 * @example
 * checkOutputFile('gallery.png', '--out'); // => '/work/gallery.png'
 * checkOutputFile('/tmp', '--out');        // throws '--out must be a file path, but /tmp is a folder'
 */
export function checkOutputFile(file: string, what: string): string {
  const target = resolve(file);
  if (statOrNothing(target)?.isDirectory() === true) throw new UserError(`${what} must be a file path, but ${target} is a folder`);
  checkOutputDir(dirname(target), `${what} (its folder)`);
  return target;
}
