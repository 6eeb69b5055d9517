import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { installedSimulatorPlugins, projectDir } from './discover-plugins';
import { resolveSimulatorSpec } from './load-simulator';

let project = '';

/** An installed package: its package.json and an ESM entry. */
function installPackage(name: string, manifest: Record<string, unknown>, entry: string): void {
  const dir = join(project, 'node_modules', name);
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'package.json'), JSON.stringify({ name, version: '2.1.0', type: 'module', exports: { '.': { default: './index.js' } }, ...manifest }));
  writeFileSync(join(dir, 'index.js'), entry);
}

// a spec without the zod dependency: config validation only needs safeParse
const spec = `export const simulator = {
  type: 'fake', description: 'A fake simulator from a package',
  options: { safeParse: (value) => ({ success: true, data: value }) },
  create: () => ({ type: 'fake', simulate: (input) => input }),
};`;

beforeAll(() => {
  project = mkdtempSync(join(tmpdir(), 'vad-plugins-'));
  writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'study', private: true, dependencies: { 'vad-sim-fake': '2.1.0', 'vad-sim-broken': '2.1.0', other: '1.0.0' }, devDependencies: { '@lab/vad-sim-scoped': '2.1.0' } }));
  installPackage('vad-sim-fake', { keywords: ['vad-simulator'] }, spec);
  installPackage('@lab/vad-sim-scoped', { keywords: ['vad-simulator'] }, spec);
  installPackage('vad-sim-broken', { keywords: ['vad-simulator'] }, "throw new Error('boom at import');");
  installPackage('other', {}, 'export const x = 1;');
  mkdirSync(join(project, 'configs'));
});

afterAll(() => rmSync(project, { recursive: true, force: true }));

describe('installed simulator plugin packages', () => {
  it('finds the nearest package.json', () => {
    expect(projectDir(join(project, 'configs'))).toBe(project);
  });

  it('lists the dependencies with the vad-simulator keyword, a broken one with its reason', async () => {
    expect(await installedSimulatorPlugins(join(project, 'configs'))).toEqual([
      { name: '@lab/vad-sim-scoped', version: '2.1.0', description: 'A fake simulator from a package', loads: true },
      { name: 'vad-sim-broken', version: '2.1.0', description: 'does not load: plugin package vad-sim-broken: module must load, but got: boom at import', loads: false },
      { name: 'vad-sim-fake', version: '2.1.0', description: 'A fake simulator from a package', loads: true },
    ]);
  });

  it('loads a plugin by its bare package name from the config folder, and names a missing one', async () => {
    expect((await resolveSimulatorSpec('vad-sim-fake', join(project, 'configs'))).description).toBe('A fake simulator from a package');
    await expect(resolveSimulatorSpec('vad-sim-absent', join(project, 'configs'))).rejects.toThrow(
      /^simulator\.type: unknown simulator "vad-sim-absent"; known: weighted-noise, .*; and no plugin package "vad-sim-absent" is installed where .*configs can import it \(npm install vad-sim-absent, or give a path like \.\/my-sim\.js\)$/,
    );
  });
});
