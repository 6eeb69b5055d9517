import { spawn, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, utimesSync, writeFileSync } from 'node:fs';
import { hostname, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { acquireRunLock, assertNotLocked, lockFileName, readRunLock, withRunLock, type LockOwner } from './run-lock';

const root = mkdtempSync(join(tmpdir(), 'vad-lock-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));
let n = 0;
const fresh = (): string => join(root, `d${n++}`);
const lockModule = fileURLToPath(new URL('./run-lock.ts', import.meta.url));

function deadPid(): number {
  const child = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))'], { encoding: 'utf8' });
  return Number(child.stdout);
}

function writeOwner(dir: string, owner: Partial<LockOwner>): void {
  const full: LockOwner = { pid: process.pid, host: hostname(), processStart: null, boot: null, since: '2026-01-01T00:00:00.000Z', command: 'vad run x.yaml', token: 'other', ...owner };
  writeFileSync(join(dir, lockFileName), JSON.stringify(full));
}

/** A child process that takes the lock of `dir`, says "locked", then waits (or exits with `exitCode` without releasing). */
function lockingChild(dir: string, exitCode?: number): Promise<{ pid: number; exited: Promise<number | null>; kill: () => void }> {
  const script = `const { acquireRunLock } = await import(${JSON.stringify(lockModule)}); acquireRunLock(${JSON.stringify(dir)}, 'child', 'child run'); console.log('locked'); ${exitCode === undefined ? 'setInterval(() => {}, 1000);' : `process.exit(${exitCode});`}`;
  const child = spawn(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], { stdio: ['ignore', 'pipe', 'inherit'] });
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    child.stdout.on('data', (chunk: Buffer) => {
      if (chunk.toString().includes('locked')) resolve({ pid: child.pid as number, exited, kill: () => child.kill('SIGKILL') });
    });
    child.on('exit', (code) => (exitCode === undefined ? reject(new Error(`locking child exited early with ${code}`)) : resolve({ pid: child.pid as number, exited, kill: () => undefined })));
  });
}

describe('run lock', () => {
  it('is exclusive while held, names its holder, and is gone after release', () => {
    const dir = fresh();
    const lock = acquireRunLock(dir, 'vad run', 'vad run configs/q.yaml');
    const owner = JSON.parse(readFileSync(join(dir, lockFileName), 'utf8')) as LockOwner;
    expect(owner).toMatchObject({ pid: process.pid, host: hostname(), command: 'vad run configs/q.yaml', token: lock.owner.token });
    expect(() => acquireRunLock(dir, 'vad run')).toThrow(
      new RegExp(`^vad run: the folder must not be in use by another vad run, but it is locked by pid ${process.pid} on ${hostname()} since .* \\(vad run configs/q\\.yaml\\); wait for it to finish or stop it$`),
    );
    expect(() => assertNotLocked(dir, 'vad train')).toThrow(/^vad train: the folder must not be in use/);
    lock.release();
    lock.release(); // idempotent
    expect(existsSync(join(dir, lockFileName))).toBe(false);
    expect(readRunLock(dir)).toBeNull();
    acquireRunLock(dir, 'again').release();
  });

  it('takes over a lock whose holder died, whose pid was reused, from an earlier boot, or that is torn', () => {
    const cases: Array<[string, Partial<LockOwner> | string]> = [
      ['dead pid', { pid: deadPid() }],
      ['pid reused (other start time)', { pid: process.pid, processStart: '1' }],
      ['earlier boot', { pid: process.pid, boot: 'another-boot-id' }],
      ['torn file', '{"pid": 12'],
    ];
    for (const [what, owner] of cases) {
      const dir = fresh();
      acquireRunLock(dir, 'setup').release();
      if (typeof owner === 'string') {
        writeFileSync(join(dir, lockFileName), owner);
        expect(readRunLock(dir)?.stale, 'a young unreadable lock may still be being written').toBe(false);
        utimesSync(join(dir, lockFileName), new Date(Date.now() - 60_000), new Date(Date.now() - 60_000));
      } else writeOwner(dir, owner);
      if (existsSync('/proc/self/stat') || what === 'dead pid' || what === 'torn file') {
        expect(readRunLock(dir)?.stale, what).toBe(true);
        const lock = acquireRunLock(dir, 'vad run');
        expect(JSON.parse(readFileSync(lock.file, 'utf8')).token, what).toBe(lock.owner.token);
        lock.release();
      }
    }
  });

  it('never breaks a lock held on another host, and says how to clear it', () => {
    const dir = fresh();
    acquireRunLock(dir, 'setup').release();
    writeOwner(dir, { host: 'gpu-node-17', pid: 1234 });
    expect(readRunLock(dir)?.stale).toBe(false);
    expect(() => acquireRunLock(dir, 'trial t1')).toThrow(/^trial t1: .* locked by pid 1234 on gpu-node-17 since .*; it runs on another machine: if that run is dead, delete .*\.vad\.lock$/);
  });

  it('is released on any exit of the holder, and a SIGKILLed holder leaves a stale lock the next run takes over', { timeout: 60_000 }, async () => {
    const exiting = fresh();
    const first = await lockingChild(exiting, 3);
    expect(await first.exited).toBe(3);
    expect(existsSync(join(exiting, lockFileName))).toBe(false); // released by the exit hook

    const killed = fresh();
    const holder = await lockingChild(killed);
    expect(() => acquireRunLock(killed, 'vad run')).toThrow(new RegExp(`locked by pid ${holder.pid} on .*\\(child run\\)`));
    holder.kill();
    await holder.exited;
    expect(existsSync(join(killed, lockFileName))).toBe(true);
    expect(readRunLock(killed)?.stale).toBe(true);
    await withRunLock(killed, 'vad run', async () => expect(readRunLock(killed)?.owner.pid).toBe(process.pid));
    expect(existsSync(join(killed, lockFileName))).toBe(false);
  });
});
