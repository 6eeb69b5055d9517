import { statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { DataConfig } from '../config';
import type { ResizeOptions } from './decode-image';

/** What every real-dataset reader gets. */
export interface RealContext {
  readonly config: DataConfig;
  readonly root: string;
  readonly cacheDir: string;
  readonly resize: ResizeOptions;
}

/** True when `path` is a directory. */
export async function isDir(path: string): Promise<boolean> {
  return statSync(path, { throwIfNoEntry: false })?.isDirectory() ?? false;
}

/** True when `path` is a file. */
export async function isFile(path: string): Promise<boolean> {
  return statSync(path, { throwIfNoEntry: false })?.isFile() ?? false;
}

/** The first existing directory among `candidates`, or null. */
export async function firstDir(candidates: readonly string[]): Promise<string | null> {
  for (const c of candidates) if (await isDir(c)) return c;
  return null;
}

/** Natural (numeric-aware) sort of names. */
export function naturalSort(names: readonly string[]): string[] {
  return [...names].sort((a, b) => a.localeCompare(b, 'en', { numeric: true }));
}

/** Visible sub-directories of `dir`, naturally sorted. */
export async function subDirs(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return naturalSort(entries.filter((e) => e.isDirectory() && !e.name.startsWith('.')).map((e) => join(dir, e.name)));
}

/** Scene of a video id: the digits before "_" (ShanghaiTech "01_0014" → "01"), else "01". */
export function sceneOf(id: string): string {
  return /^(\d+)_/.exec(id)?.[1] ?? '01';
}
