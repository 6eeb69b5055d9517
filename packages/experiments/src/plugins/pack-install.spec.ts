// The installable-packages contract, end to end: build every package, `npm pack` it, install the
// tarballs into a fresh folder outside the repository, build plugin packages there against the
// installed .d.ts, install them, train with one by package name, list it, and check the errors of
// broken or missing plugins; then the optional native backend: installed with its build script
// not run (as an npm that gates dependency install scripts leaves it), `auto` falls back to wasm with
// the one-line advice, and following that advice (approve the script, `npm rebuild @vad/native`)
// compiles the addon where oneDNN is, after which `vad bench` runs on `native`. Heavy (a build, an
// npm install and an addon compile, ~2–3 min), so it runs in CI (CI=true, as `.ci/run` has it) or
// with VAD_TEST_PACKAGING=1, and is skipped with a reason otherwise.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nativeAdvice } from '@vad/core';
import { writePluginPackages } from './fixtures/plugin-packages';

const root = fileURLToPath(new URL('../../../../', import.meta.url));
const enabled = process.env['CI'] === 'true' || process.env['CI'] === '1' || process.env['VAD_TEST_PACKAGING'] === '1';
if (!enabled) console.log('pack-install.spec: skipped (runs in CI, or set VAD_TEST_PACKAGING=1): builds, packs and npm-installs every package');

interface Result {
  readonly status: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

/** Child processes get a clean environment: no vitest/tsx loader flags, no vad overrides. */
const env = Object.fromEntries(Object.entries(process.env).filter(([key]) => key !== 'NODE_OPTIONS' && !key.startsWith('VAD_') && !key.startsWith('VITEST')));

function run(command: string, args: readonly string[], cwd: string, expectOk = true): Result {
  const child = spawnSync(command, args, { cwd, env: { ...env, NX_DAEMON: 'false' }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  const result = { status: child.status, stdout: child.stdout ?? '', stderr: child.stderr ?? '' };
  if (expectOk && result.status !== 0) throw new Error(`${command} ${args.join(' ')} (in ${cwd}) exited ${result.status}:\n${result.stdout}\n${result.stderr}`);
  return result;
}

const npm = (args: readonly string[], cwd: string): Result => run('npm', [...args, '--no-audit', '--no-fund', '--prefer-offline'], cwd);

/** Whether this machine can compile @vad/native (the headers its install script looks for). */
const oneDnn = ['/usr/include/oneapi/dnnl/dnnl.hpp', '/usr/local/include/oneapi/dnnl/dnnl.hpp'].some((h) => existsSync(h));

/** A tiny experiment (32×32, one epoch) whose simulator is `simulator`. */
function tinyConfig(simulator: string, threads = 1): string {
  return [
    'seed: 0',
    'backend: auto',
    'workers: 1',
    'data: { type: synthetic, height: 32, width: 32, channels: 3, synthetic: { scenes: 1, trainVideos: 1, testVideos: 3, length: 24, difficulty: 0.2 } }',
    'model: { type: c3dsu, latent: 8, frames: 3 }',
    `simulator: ${simulator}`,
    'schedule: { type: learned }',
    `trainer: { epochs: 1, batchSize: 4, threads: ${threads} }`,
    'evaluation: { scorer: patch-max, patchSize: 4, batchSize: 8 }',
    '',
  ].join('\n');
}

describe.skipIf(!enabled)('installed packages and an out-of-tree plugin package', () => {
  let work = '';
  let app = '';
  let nativeTarball = '';
  const vad = (args: readonly string[]): Result => run(process.execPath, [join(app, 'node_modules', '@vad', 'experiments', 'bin', 'vad.js'), ...args], app, false);

  beforeAll(() => {
    run(process.execPath, [join(root, 'node_modules', 'nx', 'dist', 'bin', 'nx.js'), 'run-many', '-t', 'build', '--output-style=static'], root);
    work = mkdtempSync(join(tmpdir(), 'vad-pack-'));
    app = join(work, 'app');
    const tarballs = join(work, 'tarballs');
    // every publishable workspace package, @vad/native included (a private one is not packed)
    const workspaces = readdirSync(join(root, 'packages'))
      .map((name) => join('packages', name))
      .filter((dir) => existsSync(join(root, dir, 'package.json')) && JSON.parse(readFileSync(join(root, dir, 'package.json'), 'utf8')).private !== true);
    mkdirSync(tarballs);
    npm(['pack', '--pack-destination', tarballs, ...workspaces.flatMap((dir) => ['-w', dir])], root);
    mkdirSync(join(app, 'plugins'), { recursive: true });
    writeFileSync(join(app, 'package.json'), `${JSON.stringify({ name: 'my-study', version: '1.0.0', private: true, type: 'module' }, null, 2)}\n`);
    nativeTarball = join(tarballs, readdirSync(tarballs).find((file) => file.startsWith('vad-native-')) ?? 'vad-native-missing.tgz');
    // --ignore-scripts: @vad/native's build script does not run, the state an npm that gates
    // dependency install scripts leaves it in (npm 11.19 still runs unreviewed ones, with a warning)
    npm(['install', '--ignore-scripts', ...readdirSync(tarballs).map((file) => join(tarballs, file))], app);
    const version = JSON.parse(readFileSync(join(app, 'node_modules', '@vad', 'experiments', 'package.json'), 'utf8')).version as string;
    const plugins = writePluginPackages(join(app, 'plugins'), version);
    for (const folder of plugins) run(process.execPath, [join(root, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', folder], app);
    mkdirSync(join(work, 'plugin-tarballs'));
    npm(['pack', '--pack-destination', join(work, 'plugin-tarballs'), ...plugins], app);
    npm(['install', ...readdirSync(join(work, 'plugin-tarballs')).map((file) => join(work, 'plugin-tarballs', file))], app);
  }, 900_000);

  afterAll(() => {
    if (work !== '') rmSync(work, { recursive: true, force: true });
  }, 120_000);

  it('installs built JavaScript with types: no sources, no tsx, dist entry points with .d.ts', () => {
    const experiments = join(app, 'node_modules', '@vad', 'experiments');
    expect(existsSync(join(app, 'node_modules', 'tsx'))).toBe(false);
    expect(existsSync(join(experiments, 'src'))).toBe(false);
    for (const name of ['contracts', 'core', 'data', 'simulators', 'schedules', 'metrics', 'experiments', 'native']) {
      const manifest = JSON.parse(readFileSync(join(app, 'node_modules', '@vad', name, 'package.json'), 'utf8')) as Record<string, unknown>;
      expect(manifest['private']).toBeUndefined();
      expect(manifest['license']).toBe('MIT');
      expect(existsSync(join(app, 'node_modules', '@vad', name, 'dist', 'index.js'))).toBe(true);
      expect(existsSync(join(app, 'node_modules', '@vad', name, 'dist', 'index.d.ts'))).toBe(true);
    }
    expect(existsSync(join(experiments, 'dist', 'plugin.d.ts'))).toBe(true);
    expect(existsSync(join(app, 'node_modules', '@vad', 'data', 'dataset-sources.json'))).toBe(true); // the URL table of `vad data download`
    // @vad/contracts, the pure leaf: no runtime dependency (zod is a peer, for its types only)
    const contracts = JSON.parse(readFileSync(join(app, 'node_modules', '@vad', 'contracts', 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(contracts['dependencies']).toBeUndefined();
    expect(contracts['peerDependencies']).toEqual({ zod: expect.any(String) });
    // @vad/native ships what a user's machine needs to compile the addon, and no binary of ours
    const native = join(app, 'node_modules', '@vad', 'native');
    for (const file of ['binding.gyp', 'scripts/build-addon.mjs', 'addon/addon.cc', 'addon/context.h']) expect(existsSync(join(native, file)), file).toBe(true);
    expect(existsSync(join(native, 'src'))).toBe(false);
    expect(existsSync(join(native, 'build'))).toBe(false);
    const core = JSON.parse(readFileSync(join(app, 'node_modules', '@vad', 'core', 'package.json'), 'utf8')) as { optionalDependencies?: Record<string, string> };
    expect(core.optionalDependencies).toEqual({ '@vad/native': JSON.parse(readFileSync(join(native, 'package.json'), 'utf8')).version });
    expect(existsSync(join(app, 'node_modules', 'vad-sim-stripes', 'dist', 'index.js'))).toBe(true); // the plugin was built to JS
  });

  it('trains with the plugin named by its package name (also in a worker thread), then lists it', () => {
    writeFileSync(join(app, 'tiny.yaml'), tinyConfig('{ type: vad-sim-stripes, period: 3 }', 2));
    const trained = vad(['run', 'tiny.yaml']);
    expect(trained.stderr).not.toMatch(/\n\s+at /); // no stack trace
    expect(trained.status, trained.stderr).toBe(0);
    // backend auto with the addon not built: wasm, and the advice once (the native test below follows it)
    expect(trained.stderr.split('\n').filter((line) => line.startsWith('vad: native backend unavailable'))).toEqual([
      `vad: native backend unavailable (addon not built); to enable it: ${nativeAdvice}`,
    ]);
    expect(trained.stdout).toMatch(/AUC micro %/);
    expect(existsSync(join(app, 'runs', 'tiny', 'report', 'table.json'))).toBe(true);
    const listed = vad(['list', 'simulators']);
    expect(listed.status).toBe(0);
    expect(listed.stdout).toMatch(/^vad-sim-stripes +Vertical stripes inside the object mask \(plugin vad-sim-stripes@1\.0\.0\)$/m);
    expect(listed.stdout).toMatch(/^weighted-noise /m);
    const manual = vad(['data', 'download', 'shanghaitech', '--root', join(app, 'data', 'shanghaitech')]); // the shipped URL table is in the package
    expect(manual.status).toBe(2);
    expect(manual.stderr).toMatch(/^vad data download shanghaitech: ShanghaiTech Campus needs a manual download step:\n  1\. Open the official page https:\/\/svip-lab/);
  }, 300_000);

  it('reports a plugin that throws, returns the wrong shape or is not installed: one line naming the package, exit 2', () => {
    const cases: Array<[string, RegExp]> = [
      ['vad-sim-throws', /plugin vad-sim-throws: create\(options\) threw: no texture cache on this machine/],
      ['vad-sim-wrong-shape', /plugin vad-sim-wrong-shape: simulate\(\)\.mask must have shape \[\d+,3,32,32,1\], but got \[\d+,3,32,32,3\]/],
      ['vad-sim-missing', /simulator\.type: unknown simulator "vad-sim-missing"; known: weighted-noise, .*no plugin package "vad-sim-missing" is installed where .* can import it \(npm install vad-sim-missing/],
    ];
    for (const [name, message] of cases) {
      writeFileSync(join(app, `${name}.yaml`), tinyConfig(`{ type: ${name} }`));
      const result = vad(['run', `${name}.yaml`]);
      expect(result.stderr, name).toMatch(message);
      expect(result.stderr, name).not.toMatch(/\n\s+at /);
      expect(result.status, `${name}: ${result.stderr}`).toBe(2);
    }
  }, 300_000);

  it('native backend: unbuilt, an explicit --backend native is exit 2 with the advice; following it gives native where oneDNN is', () => {
    const bench = ['bench', '--preset', 'small', '--steps', '1', '--warmup', '0', '--json'];
    const refused = vad([...bench, '--backend', 'native']);
    expect(refused.status, refused.stderr).toBe(2);
    expect(refused.stderr.trim()).toBe(`backend must be built when set to "native" (${nativeAdvice}), but got: addon not built`);
    // the advice: approve the build script (for a tarball npm records it by its file: identity), then rebuild
    npm(['install-scripts', 'approve', '@vad/native'], app);
    const manifest = JSON.parse(readFileSync(join(app, 'package.json'), 'utf8')) as { allowScripts?: Record<string, boolean> };
    expect(manifest.allowScripts).toEqual({ [`file:${nativeTarball}`]: true });
    const rebuilt = npm(['rebuild', '@vad/native', '--foreground-scripts'], app);
    const addon = join(app, 'node_modules', '@vad', 'native', 'build', 'Release', 'vad_native.node');
    if (!oneDnn) {
      expect(rebuilt.stdout).toContain('@vad/native: native backend not built (oneDNN headers not found)');
      expect(existsSync(addon)).toBe(false);
      expect(vad([...bench, '--backend', 'native']).status).toBe(2);
      return;
    }
    expect(existsSync(addon)).toBe(true);
    const ran = vad(bench);
    expect(ran.status, ran.stderr).toBe(0);
    expect(ran.stderr).not.toMatch(/native backend unavailable/);
    const result = JSON.parse(ran.stdout) as { backend: string; trainStepMs: { median: number } };
    expect(result.backend).toBe('native');
    expect(result.trainStepMs.median).toBeGreaterThan(0);
  }, 600_000);
});
