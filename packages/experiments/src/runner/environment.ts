import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { cpus, platform, release, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import type { BackendInfo } from '@vad/core';

/** Where and with what a trial ran (written to environment.json). */
export interface RunEnvironment {
  readonly backend: BackendInfo;
  readonly packages: Readonly<Record<string, string>>;
  readonly gitCommit: string;
  readonly gitDirty: boolean | null;
  readonly node: string;
  readonly platform: string;
  readonly cpus: number;
  readonly cpuModel: string;
  readonly memoryGb: number;
}

const tracked = ['@tensorflow/tfjs', '@tensorflow/tfjs-backend-wasm', '@tensorflow/tfjs-node', '@tensorflow/tfjs-node-gpu', 'zod', 'yaml', 'sharp', 'vega', 'vega-lite'];

function findRepoRoot(start: string): string | undefined {
  let dir = start;
  for (;;) {
    if (existsSync(join(dir, 'package.json')) && existsSync(join(dir, 'packages'))) return dir;
    const parent = dirname(dir);
    if (parent === dir) return undefined;
    dir = parent;
  }
}

function packageVersion(root: string, name: string): string | undefined {
  const file = join(root, 'node_modules', name, 'package.json');
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}

function git(root: string, args: string[]): string | undefined {
  try {
    return execFileSync('git', args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 5000 }).trim();
  } catch {
    // Not a git checkout, or git missing: the commit is recorded as "unknown".
    return undefined;
  }
}

/**
 * Records the environment of a run: backend, versions of the framework packages and key
 * dependencies, git commit (or "unknown") and whether the tree had uncommitted changes, machine.
 */
export function describeEnvironment(backend: BackendInfo, start: string = process.cwd()): RunEnvironment {
  const root = findRepoRoot(start) ?? start;
  const packages: Record<string, string> = {};
  for (const name of ['contracts', 'core', 'data', 'simulators', 'schedules', 'metrics', 'experiments', 'native']) {
    const version = readJsonVersion(join(root, 'packages', name, 'package.json'));
    if (version !== undefined) packages[`@vad/${name}`] = version;
  }
  for (const name of tracked) {
    const version = packageVersion(root, name);
    if (version !== undefined) packages[name] = version;
  }
  const commit = git(root, ['rev-parse', 'HEAD']);
  const status = commit === undefined ? undefined : git(root, ['status', '--porcelain']);
  return {
    backend,
    packages,
    gitCommit: commit ?? 'unknown',
    gitDirty: status === undefined ? null : status.length > 0,
    node: process.version,
    platform: `${platform()} ${release()}`,
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    memoryGb: Math.round((totalmem() / 2 ** 30) * 10) / 10,
  };
}

function readJsonVersion(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  return (JSON.parse(readFileSync(file, 'utf8')) as { version?: string }).version;
}
