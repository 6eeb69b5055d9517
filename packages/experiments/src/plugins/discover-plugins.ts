import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { resolveSimulatorSpec } from './load-simulator';

/** The npm keyword that marks a package as a simulator plugin (`"keywords": ["vad-simulator"]`). */
export const simulatorKeyword = 'vad-simulator';

/** One installed simulator plugin package, as `vad list simulators` shows it. */
export interface InstalledPlugin {
  readonly name: string;
  readonly version: string;
  /** The spec's description, or why the package does not load. */
  readonly description: string;
  readonly loads: boolean;
}

interface PackageJson {
  readonly name?: string;
  readonly version?: string;
  readonly keywords?: readonly string[];
  readonly dependencies?: Record<string, string>;
  readonly devDependencies?: Record<string, string>;
  readonly optionalDependencies?: Record<string, string>;
}

function readJson(path: string): PackageJson | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as PackageJson;
  } catch {
    return null; // unreadable or not JSON: not a project we can list plugins of
  }
}

/** The folder of the nearest package.json at or above `start`, or null. */
export function projectDir(start: string): string | null {
  for (let dir = resolve(start); ; dir = dirname(dir)) {
    if (existsSync(join(dir, 'package.json'))) return dir;
    if (dirname(dir) === dir) return null;
  }
}

/** package.json of dependency `name` as Node would find it from `dir` (node_modules up the tree). */
function dependencyManifest(name: string, dir: string): PackageJson | null {
  for (let at = dir; ; at = dirname(at)) {
    const path = join(at, 'node_modules', name, 'package.json');
    if (existsSync(path)) return readJson(path);
    if (dirname(at) === at) return null;
  }
}

/**
 * The simulator plugins a project has installed: the dependencies listed in the nearest package.json
 * (from `start`, default the working directory) whose own package.json carries the keyword
 * `vad-simulator`. Each is loaded to read its description; one that fails to load is listed with the
 * reason instead of failing the whole listing.
 *
 * @example
 * await installedSimulatorPlugins('/work/my-study');
 * // => [{ name: 'vad-sim-stripes', version: '1.0.0', description: 'Stripes inside the mask', loads: true }]
 */
export async function installedSimulatorPlugins(start: string = process.cwd()): Promise<InstalledPlugin[]> {
  const dir = projectDir(start);
  const project = dir === null ? null : readJson(join(dir, 'package.json'));
  if (dir === null || project === null) return [];
  const names = [...new Set(Object.keys({ ...project.dependencies, ...project.devDependencies, ...project.optionalDependencies }))].sort();
  const plugins: InstalledPlugin[] = [];
  for (const name of names) {
    const manifest = dependencyManifest(name, dir);
    if (!manifest?.keywords?.includes(simulatorKeyword)) continue;
    const version = manifest.version ?? '?';
    try {
      const spec = await resolveSimulatorSpec(name, dir);
      plugins.push({ name, version, description: spec.description, loads: true });
    } catch (error) {
      plugins.push({ name, version, description: `does not load: ${(error as Error).message.split('\n')[0] ?? ''}`, loads: false });
    }
  }
  return plugins;
}
