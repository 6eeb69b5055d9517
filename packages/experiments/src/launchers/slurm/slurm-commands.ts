import { spawn } from 'node:child_process';
import { UserError } from '@vad/core';

/** Exit code and output of one SLURM client command. */
export interface CommandResult {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The client program is not on PATH. */
export class MissingCommand extends UserError {
  constructor(readonly command: string) {
    super(`vad: ${command} must be on PATH (the SLURM client commands; run on a login node or install slurm-client), but it was not found`, 2);
  }
}

/**
 * Runs a SLURM client command (`sbatch`, `squeue`, `sacct`, `scancel`, …) with `input` on stdin and
 * resolves to its exit code and output; a command that is not installed rejects with
 * {@link MissingCommand}, one that hangs past `timeoutMs` is killed and resolves with code 124.
 *
 * @example
 * await slurmCommand('sbatch', ['--parsable', 'array-1.sbatch']); // => { code: 0, stdout: '1234\n', stderr: '' }
 */
export function slurmCommand(command: string, args: readonly string[], input?: string, timeoutMs = 60_000): Promise<CommandResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, [...args], { stdio: ['pipe', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGKILL'), timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString('utf8')));
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
    child.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(error.code === 'ENOENT' ? new MissingCommand(command) : error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      resolve({ code: code ?? (signal === 'SIGKILL' ? 124 : 1), stdout, stderr });
    });
    child.stdin.on('error', () => undefined); // a command that exits without reading stdin closes the pipe; its exit code tells what happened
    child.stdin.end(input ?? '');
  });
}

/** The command's complaint in one line (its stderr, else stdout), for error messages. */
export function complaint(result: CommandResult): string {
  const text = (result.stderr.trim() || result.stdout.trim() || `exit code ${result.code}`).split('\n').map((line) => line.trim()).filter(Boolean);
  return text.join(' / ');
}
