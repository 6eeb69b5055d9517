import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** The `vad` entry point, for child processes (it registers tsx and runs the sources). */
export const vadBin = fileURLToPath(new URL('../../bin/vad.js', import.meta.url));

/** Result of one child process. */
export interface ChildResult {
  readonly key: string;
  readonly code: number;
}

/**
 * Runs `node vad.js <args>` for every job with at most `workers` at a time; each child's output lines
 * are prefixed with its key. Resolves when all are done (never rejects for a failing child: the exit
 * code is reported and the caller decides).
 *
 * @example
 * await runPool([{ key: 'a', args: ['train', 'cfg.yaml', '--trial', 'a'] }], 2, console.log); // => [{ key: 'a', code: 0 }]
 */
export async function runPool(
  jobs: ReadonlyArray<{ readonly key: string; readonly args: readonly string[] }>,
  workers: number,
  log: (line: string) => void,
): Promise<ChildResult[]> {
  const results: ChildResult[] = [];
  const queue = [...jobs];
  const children = new Set<ReturnType<typeof spawn>>();
  const forward = (signal: NodeJS.Signals): void => {
    for (const child of children) child.kill(signal);
  };
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const runOne = async (): Promise<void> => {
    for (let job = queue.shift(); job !== undefined; job = queue.shift()) {
      const current = job;
      const code = await new Promise<number>((resolve) => {
        const child = spawn(process.execPath, [vadBin, ...current.args], { stdio: ['ignore', 'pipe', 'pipe'], env: process.env });
        children.add(child);
        const prefix = (chunk: Buffer): void => {
          for (const line of chunk.toString('utf8').split('\n')) if (line.trim() !== '') log(`[${current.key}] ${line}`);
        };
        child.stdout?.on('data', prefix);
        child.stderr?.on('data', prefix);
        child.on('error', (error) => {
          log(`[${current.key}] failed to start: ${error.message}`);
          resolve(1);
        });
        child.on('close', (exit) => {
          children.delete(child);
          resolve(exit ?? 1);
        });
      });
      results.push({ key: current.key, code });
    }
  };
  try {
    await Promise.all(Array.from({ length: Math.max(1, Math.min(workers, jobs.length)) }, runOne));
  } finally {
    process.off('SIGINT', forward);
    process.off('SIGTERM', forward);
  }
  return results;
}
