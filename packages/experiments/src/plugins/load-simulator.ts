import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { isAbsolute, join, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { UserError } from '@vad/core';
import type { Simulator } from '@vad/core';
import { createSimulator, simulatorRegistry } from '@vad/simulators';
import type { SimulatorSpec } from '@vad/simulators';
import { assertSimulatorSpec, guardSpec } from './guard-plugin';

function isPath(type: string): boolean {
  return type.startsWith('./') || type.startsWith('../') || isAbsolute(type) || /\.(m?[jt]s)$/.test(type);
}

async function importModule(type: string, baseDir: string): Promise<Record<string, unknown>> {
  let url: string;
  if (isPath(type)) {
    const path = resolve(baseDir, type);
    if (!existsSync(path)) throw new UserError(`plugin ${type}: module file must exist, but got no file at ${path}`);
    url = pathToFileURL(path).href;
  } else {
    try {
      url = pathToFileURL(createRequire(join(baseDir, 'noop.js')).resolve(type)).href;
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code !== 'MODULE_NOT_FOUND' && code !== 'ERR_PACKAGE_PATH_NOT_EXPORTED') throw error;
      url = type; // not installed next to the config, or ESM-only: let import() resolve (or reject) it from here
    }
  }
  try {
    return (await import(/* @vite-ignore */ url)) as Record<string, unknown>;
  } catch (error) {
    const known = Object.keys(simulatorRegistry).join(', ');
    const message = (error as Error).message.split('\n')[0] ?? '';
    if (!isPath(type) && /Cannot find (package|module)/.test(message)) {
      throw new UserError(`simulator.type: unknown simulator ${JSON.stringify(type)}; known: ${known} (or a plugin path like ./my-sim.ts, or an installed package)`);
    }
    throw new UserError(`plugin ${type}: module must load, but got: ${message}`);
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
