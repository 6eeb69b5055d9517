import { existsSync } from 'node:fs';
import { isAbsolute, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { resolve as resolveImport } from 'import-meta-resolve';
import { UserError } from '@vad/core';
import type { Simulator } from '@vad/core';
import { buildSimulator, createSimulator, simulatorRegistry } from '@vad/simulators';
import type { SimulatorSpec } from '@vad/simulators';
import { assertSimulatorSpec, guardSpec } from './guard-plugin';

function isPath(type: string): boolean {
  return type.startsWith('./') || type.startsWith('../') || isAbsolute(type) || /\.(m?[jt]s)$/.test(type);
}

/** Thrown when a simulator `type` is neither built in nor an installed package (so config checks can say so). */
export class PluginNotFoundError extends UserError {
  readonly pluginNotFound = true;
}

/**
 * URL of an installed plugin package, resolved as Node's `import` would from `baseDir` (the config's
 * folder), else from the working directory; null when no such package is installed there.
 */
function resolvePackage(name: string, baseDir: string): string | null {
  for (const dir of [baseDir, process.cwd()]) {
    try {
      return resolveImport(name, pathToFileURL(`${resolve(dir)}/`).href);
    } catch (error) {
      const { code, message } = error as NodeJS.ErrnoException;
      if (code === 'ERR_MODULE_NOT_FOUND' && /Cannot find package/.test(message)) continue;
      if (code === 'ERR_INVALID_MODULE_SPECIFIER') return null;
      throw new UserError(`plugin package ${name}: must resolve to an importable entry (package.json "exports"), but got: ${message.split('\n')[0] ?? ''}`);
    }
  }
  return null;
}

async function importModule(type: string, baseDir: string): Promise<Record<string, unknown>> {
  let url: string;
  if (isPath(type)) {
    const path = resolve(baseDir, type);
    if (!existsSync(path)) throw new UserError(`plugin ${type}: module file must exist, but got no file at ${path}`);
    url = pathToFileURL(path).href;
  } else {
    const found = resolvePackage(type, baseDir);
    if (found === null) {
      const known = Object.keys(simulatorRegistry).join(', ');
      throw new PluginNotFoundError(
        `simulator.type: unknown simulator ${JSON.stringify(type)}; known: ${known}; and no plugin package ${JSON.stringify(type)} is installed where ${resolve(baseDir)} can import it (npm install ${type}, or give a path like ./my-sim.js)`,
      );
    }
    url = found;
  }
  try {
    return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? '';
    const hint = /Unknown file extension "\.ts"/.test(message) ? ' (TypeScript plugins run only from the monorepo sources: build the plugin to .js)' : '';
    throw new UserError(`plugin ${isPath(type) ? '' : 'package '}${type}: module must load, but got: ${message}${hint}`);
  }
}

/**
 * The spec for a simulator `type`: a built-in name from the registry, or a plugin module — a path
 * (`./sims/my-sim.ts` or `.js`, relative to `baseDir`) or a package name — that exports its spec as
 * the named export `simulator` (`export const simulator = defineSimulator({...})`). Plugin specs are
 * guarded: failures in `create`/`simulate` and results of the wrong shape become UserErrors naming the module.
 *
 * @throws UserError for a missing file, an unknown name, a module that fails to load or has no valid spec.
 * @example
 * await resolveSimulatorSpec('perlin', process.cwd());                         // the built-in spec
 * await resolveSimulatorSpec('./examples/plugins/scanline-glitch.ts', root);  // { type: 'scanline-glitch', … }
 */
export async function resolveSimulatorSpec(type: string, baseDir: string): Promise<SimulatorSpec> {
  if (Object.hasOwn(simulatorRegistry, type)) return simulatorRegistry[type as keyof typeof simulatorRegistry];
  const module = await importModule(type, baseDir);
  assertSimulatorSpec(module['simulator'], type, Object.keys(module));
  return guardSpec(module['simulator'], type);
}

function collectTypes(value: unknown, into: Set<string>): Set<string> {
  if (Array.isArray(value)) value.forEach((item) => collectTypes(item, into));
  else if (value !== null && typeof value === 'object') {
    for (const [key, item] of Object.entries(value)) {
      if (key === 'type' && typeof item === 'string') into.add(item);
      else collectTypes(item, into);
    }
  }
  return into;
}

/**
 * Builds a simulator from a `{ type, …options }` config in which any `type` (also those nested in a
 * `mixture`) may name a plugin; paths are relative to `baseDir` (the config file's folder).
 *
 * @example
 * await createSimulatorFromConfig({ type: './scanline-glitch.ts', maxShift: 6 }, 'examples/plugins');
 */
export async function createSimulatorFromConfig(config: unknown, baseDir: string, where = 'simulator'): Promise<Simulator> {
  const plugins: Record<string, SimulatorSpec> = {};
  for (const type of collectTypes(config, new Set())) {
    if (!Object.hasOwn(simulatorRegistry, type)) plugins[type] = await resolveSimulatorSpec(type, baseDir);
  }
  return createSimulator(config, { where, plugins });
}

/**
 * Builds the simulator of a `simulator:` section the config loader ALREADY validated (a trial's
 * resolved config): plugins are resolved as in {@link createSimulatorFromConfig}, but the section is
 * not parsed a second time (a `mixture`'s nested simulators are still checked when built).
 *
 * @example
 * await buildSimulatorFromSection(trial.config.simulator, trial.config.baseDir);
 */
export async function buildSimulatorFromSection(section: { readonly type: string }, baseDir: string, where = 'simulator'): Promise<Simulator> {
  const plugins: Record<string, SimulatorSpec> = {};
  for (const type of collectTypes(section, new Set())) {
    if (!Object.hasOwn(simulatorRegistry, type)) plugins[type] = await resolveSimulatorSpec(type, baseDir);
  }
  const spec = plugins[section.type] ?? (await resolveSimulatorSpec(section.type, baseDir));
  return buildSimulator({ spec, options: { ...section, type: spec.type } }, { where, plugins });
}
