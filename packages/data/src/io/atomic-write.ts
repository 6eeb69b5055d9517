import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/**
 * Writes `data` to `path` atomically: the bytes go to `<path>.tmp-<pid>` first, then one `rename`
 * replaces the target, so a reader (or a later run after a SIGKILL) sees the old file or the new one,
 * never half of either. Parent folders are created.
 *
 * @example
 * writeFileAtomic('runs/a/metrics.json', '{"aucMicro":0.91}\n'); // runs/a/metrics.json holds 18 bytes
 */
export function writeFileAtomic(path: string, data: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const temp = `${path}.tmp-${process.pid}`;
  try {
    writeFileSync(temp, data);
    renameSync(temp, path);
  } catch (error) {
    rmSync(temp, { force: true });
    throw error;
  }
}

/** Writes `value` as pretty JSON (2-space indent, trailing newline) atomically. */
export function writeJsonAtomic(path: string, value: unknown): void {
  writeFileAtomic(path, `${JSON.stringify(value, null, 2)}\n`);
}
