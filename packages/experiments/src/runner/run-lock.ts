import { randomUUID } from 'node:crypto';
import { linkSync, mkdirSync, readFileSync, rmSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { UserError } from '@vad/core';

/** Name of the lock file inside a locked folder (an experiment folder or one trial folder). */
export const lockFileName = '.vad.lock';

/** Who holds a lock: written into the lock file, checked to tell a live holder from a crashed one. */
export interface LockOwner {
  readonly pid: number;
  readonly host: string;
  /** Kernel start time of the process (clock ticks since boot, Linux /proc/<pid>/stat field 22); null elsewhere. */
  readonly processStart: string | null;
  /** Boot id of the machine (Linux); a lock from an earlier boot is stale. */
  readonly boot: string | null;
  /** When the lock was taken (ISO time), for messages. */
  readonly since: string;
  /** What holds it, for messages: `vad run configs/x.yaml`. */
  readonly command: string;
  /** Unique per acquisition: only the acquirer releases it. */
  readonly token: string;
}

/** A held lock; {@link RunLock.release} is idempotent and also runs when the process exits. */
export interface RunLock {
  readonly file: string;
  readonly owner: LockOwner;
  release(): void;
}

/** What the lock file of a folder says, and whether its holder is gone. */
export interface LockState {
  readonly file: string;
  readonly owner: LockOwner;
  /** True when the holder is known to be dead (same host, and its pid is gone or reused, or the machine rebooted). */
  readonly stale: boolean;
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

/** Fields 3… of /proc/<pid>/stat (after the parenthesised command name), or null off Linux or for a gone pid. */
function statFields(pid: number): string[] | null {
  const stat = readText(`/proc/${pid}/stat`);
  return stat === null ? null : stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** Start time of `pid` (field 22 of /proc/<pid>/stat), or null. */
function processStart(pid: number): string | null {
  return statFields(pid)?.[19] ?? null;
}

const bootId = (): string | null => readText('/proc/sys/kernel/random/boot_id')?.trim() ?? null;

function alive(pid: number): boolean {
  if (statFields(pid)?.[0] === 'Z') return false; // a killed process its parent has not reaped yet
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM'; // exists, owned by another user
  }
}

/** True when `owner` is certainly not running any more; a holder on another host is never judged dead. */
export function isStale(owner: LockOwner): boolean {
  if (owner.host !== hostname()) return false;
  const boot = bootId();
  if (owner.boot !== null && boot !== null && owner.boot !== boot) return true;
  if (!alive(owner.pid)) return true;
  const start = processStart(owner.pid);
  return owner.processStart !== null && start !== null && start !== owner.processStart; // pid reused by another process
}

function parseOwner(text: string | null): LockOwner | null {
  if (text === null) return null;
  try {
    const value = JSON.parse(text) as Partial<LockOwner>;
    if (typeof value.pid !== 'number' || typeof value.host !== 'string' || typeof value.token !== 'string') return null;
    return { processStart: null, boot: null, since: '?', command: '?', ...value } as LockOwner;
  } catch {
    return null;
  }
}

/**
 * The lock of `dir` when there is one: its owner and whether that owner is dead. An unreadable lock
 * file counts as stale once it is more than 5 s old (younger, it may still be being written on a file
 * system without hard links; older, a crash tore it).
 */
export function readRunLock(dir: string): LockState | null {
  const file = join(dir, lockFileName);
  const text = readText(file);
  if (text === null) return null;
  const owner = parseOwner(text);
  if (owner === null) {
    const age = Date.now() - (statSync(file, { throwIfNoEntry: false })?.mtimeMs ?? 0);
    return { file, owner: { pid: 0, host: '?', processStart: null, boot: null, since: '?', command: 'a lock being written', token: '' }, stale: age > 5_000 }; // young: still being written (see writeExclusive)
  }
  return { file, owner, stale: isStale(owner) };
}

/** The refusal when `state`'s holder is alive: names the holder and how to proceed. */
export function heldError(what: string, state: LockState): UserError {
  const { owner, file } = state;
  const here = owner.host === hostname();
  const advice = here ? 'wait for it to finish or stop it' : `it runs on another machine: if that run is dead, delete ${file}`;
  return new UserError(`${what}: the folder must not be in use by another vad run, but it is locked by pid ${owner.pid} on ${owner.host} since ${owner.since} (${owner.command}); ${advice}`);
}

/** This process's command line as the user typed it: `vad run configs/x.yaml` rather than `/…/bin/vad.js run …`. */
function commandLine(): string {
  const [, script = '', ...args] = process.argv;
  return /(^|[\\/])vad(\.js)?$/.test(script) ? ['vad', ...args].join(' ') : process.argv.slice(1).join(' ');
}

const held = new Set<RunLock>();
let exitHook = false;

function releaseAllOnExit(): void {
  if (exitHook) return;
  exitHook = true;
  process.on('exit', () => {
    for (const lock of [...held]) lock.release();
  });
}

const pause = new Int32Array(new SharedArrayBuffer(4));

/**
 * Creates `file` with `text` unless it exists (false then). The text is written aside and hard-linked
 * into place, so the file appears complete or not at all; where the file system has no hard links,
 * it is created exclusively (O_EXCL) and written at once.
 */
function writeExclusive(file: string, text: string): boolean {
  const temp = `${file}.${process.pid}-${Date.now()}`;
  writeFileSync(temp, text);
  try {
    linkSync(temp, file);
    return true;
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    if (code === 'EEXIST') return false;
    if (code !== 'EPERM' && code !== 'ENOTSUP' && code !== 'EOPNOTSUPP' && code !== 'ENOSYS') throw error;
  } finally {
    rmSync(temp, { force: true });
  }
  try {
    writeFileSync(file, text, { flag: 'wx' });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'EEXIST') return false;
    throw error;
  }
}

/** Removes a stale lock file, guarded so that two runs breaking it at once cannot remove each other's fresh lock. */
function breakStale(file: string, stale: LockState): void {
  const guard = `${file}.break`;
  try {
    writeFileSync(guard, String(process.pid), { flag: 'wx' });
  } catch {
    const age = Date.now() - (statSync(guard, { throwIfNoEntry: false })?.mtimeMs ?? Date.now());
    if (age > 10_000) rmSync(guard, { force: true }); // a breaker that crashed mid-way; the next attempt proceeds
    return;
  }
  try {
    const now = parseOwner(readText(file));
    if (now === null || now.token === stale.owner.token) rmSync(file, { force: true });
  } finally {
    rmSync(guard, { force: true });
  }
}

/**
 * Takes the exclusive lock of folder `dir` (created if needed) for this process: `<dir>/.vad.lock`
 * holding pid, host, process start time, boot id, start date and `command`. The file appears
 * complete or not at all (see writeExclusive).
 * A lock whose holder is dead — same host and its pid gone, reused by another process, or from an
 * earlier boot — is broken and taken over; a live holder (or one on another host) makes this throw
 * a UserError naming it, prefixed by `what`. The lock is released by `release()`, and on any exit of
 * the process; a SIGKILL leaves the file, which the next run finds stale.
 *
 * @example
 * const lock = acquireRunLock('runs/quickstart', 'vad run', 'vad run configs/quickstart.yaml');
 * try { … } finally { lock.release(); }
 * // meanwhile a second run: "vad run: the folder must not be in use by another vad run, but it is locked by pid 4242 on node1 since 2026-… (vad run configs/quickstart.yaml); wait for it to finish or stop it"
 */
export function acquireRunLock(dir: string, what: string, command: string = commandLine()): RunLock {
  mkdirSync(dir, { recursive: true });
  const file = join(dir, lockFileName);
  const owner: LockOwner = { pid: process.pid, host: hostname(), processStart: processStart(process.pid), boot: bootId(), since: new Date().toISOString(), command, token: randomUUID() };
  for (let attempt = 0; !writeExclusive(file, `${JSON.stringify(owner)}\n`); attempt++) {
    const state = readRunLock(dir);
    if (state !== null && !state.stale) throw heldError(what, state);
    if (attempt >= 20) throw new UserError(`${what}: the stale lock ${file} must be removable, but it kept coming back; delete it by hand`);
    if (state !== null) breakStale(file, state);
    Atomics.wait(pause, 0, 0, 50); // another run may be breaking the same stale lock: give it a moment
  }
  const lock: RunLock = {
    file,
    owner,
    release: () => {
      if (!held.delete(lock)) return;
      if (parseOwner(readText(file))?.token === owner.token) unlinkSync(file);
    },
  };
  held.add(lock);
  releaseAllOnExit();
  return lock;
}

/**
 * Fails fast, before any work, when `dir` is locked by a live run (nothing is taken or written).
 *
 * @example
 * assertNotLocked('runs/quickstart', 'vad run'); // throws the same message acquireRunLock would
 */
export function assertNotLocked(dir: string, what: string): void {
  const state = readRunLock(dir);
  if (state !== null && !state.stale) throw heldError(what, state);
}

/**
 * Runs `work` while holding the lock of `dir` (see {@link acquireRunLock}); releases it however `work` ends.
 *
 * @example
 * await withRunLock(trialDir, `trial ${trial.id}`, () => runTrial(trial, trialDir, options));
 */
export async function withRunLock<T>(dir: string, what: string, work: () => Promise<T>): Promise<T> {
  const lock = acquireRunLock(dir, what);
  try {
    return await work();
  } finally {
    lock.release();
  }
}
