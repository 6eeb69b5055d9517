import * as tf from '@tensorflow/tfjs';
import { declareBackend } from './backend-capabilities';
import { UserError } from './errors';

/** Backends a run may ask for; `auto` picks tensorflow if loadable, else native (oneDNN), else wasm, else cpu. */
export const backendChoices = ['auto', 'tensorflow', 'native', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof backendChoices)[number];

/** Which backend was selected, and how (recorded next to every result). */
export interface BackendInfo {
  /** tfjs backend name actually in use. */
  readonly name: 'tensorflow' | 'native' | 'wasm' | 'cpu';
  /** What was asked for. */
  readonly requested: BackendChoice;
  /** Package that provides it, e.g. '@tensorflow/tfjs-node-gpu'. */
  readonly provider: string;
  /** Why it was chosen (e.g. which candidates failed to load). */
  readonly detail: string;
}

const tensorflowProviders = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'] as const;

async function tryTensorflow(): Promise<{ provider: string } | { errors: string[] }> {
  const errors: string[] = [];
  for (const provider of tensorflowProviders) {
    try {
      await import(/* @vite-ignore */ provider);
      if (tf.findBackend('tensorflow') !== null || tf.engine().registryFactory['tensorflow'] !== undefined) {
        return { provider };
      }
      errors.push(`${provider}: loaded but registered no 'tensorflow' backend`);
    } catch (error) {
      errors.push(`${provider}: ${(error as Error).message.split('\n')[0]}`);
    }
  }
  return { errors };
}

/**
 * How to enable the native backend when its addon is not built: the one place this advice is written
 * (printed once by `auto`, and in the error of an explicit `native`). In this monorepo the rebuild is
 * enough (a workspace's install script always runs). In a project that installed the packages,
 * @vad/native's build script is a dependency install script: npm 11.19 runs one not yet approved in
 * the project's `allowScripts` with a warning, but fails on it under `--strict-allow-scripts` and
 * skips it where it is gated or denied (`npm rebuild` too), so approving comes before the rebuild.
 *
 * @example
 * process.stderr.write(`to enable it: ${nativeAdvice}\n`);
 */
export const nativeAdvice =
  'apt-get install libdnnl-dev, then npm rebuild @vad/native; in an installed project whose npm gates install scripts, run npm install-scripts approve @vad/native before the rebuild';

/** The oneDNN backend of `@vad/native` (an optional, built-at-install addon), registered as `native`. */
async function tryNative(): Promise<{ detail: string } | { reason: string }> {
  try {
    const native = await import('@vad/native');
    const r = native.registerNativeBackend();
    if (!r.ok) return { reason: r.reason };
    declareBackend('native', { multiThreaded: true });
    return { detail: r.detail };
  } catch (error) {
    const message = (error as Error).message.split('\n')[0] ?? 'failed to load';
    // an install with --omit=optional has no @vad/native at all: rebuilding it cannot help
    const missing = (error as { code?: string }).code === 'ERR_MODULE_NOT_FOUND' && message.includes("'@vad/native'");
    return { reason: missing ? '@vad/native is not installed: npm install @vad/native' : message };
  }
}

let advised = false;

/** One stderr line per process when `auto` passes over an unbuilt native backend (not when disabled on purpose). */
function adviseOnce(why: string): void {
  if (advised || why.startsWith('disabled')) return;
  advised = true;
  process.stderr.write(`vad: native backend unavailable (${why}); to enable it: ${nativeAdvice}\n`);
}

async function activate(name: BackendInfo['name']): Promise<boolean> {
  if (name === 'wasm') await import('@tensorflow/tfjs-backend-wasm');
  const ok = await tf.setBackend(name);
  await tf.ready();
  return ok && tf.getBackend() === name;
}

/** Reads the choice from (in order) an explicit value, the `VAD_BACKEND` environment variable, or `auto`. */
export function resolveBackendChoice(explicit?: string, env: NodeJS.ProcessEnv = process.env): BackendChoice {
  const raw = explicit ?? env['VAD_BACKEND'] ?? 'auto';
  if (!(backendChoices as readonly string[]).includes(raw)) {
    const where = explicit !== undefined ? 'backend' : 'VAD_BACKEND';
    throw new UserError(`${where} must be one of ${backendChoices.join(', ')}, but got ${JSON.stringify(raw)}`);
  }
  return raw as BackendChoice;
}

/**
 * Activates a tfjs backend. `tensorflow` loads `@tensorflow/tfjs-node-gpu`, else `@tensorflow/tfjs-node`
 * (optional dependencies, loaded dynamically); `native` is the oneDNN addon of `@vad/native`; `auto`
 * tries tensorflow, native, wasm, then cpu, and `detail` says why each earlier one was passed over.
 *
 * @throws UserError when `tensorflow` or `native` is asked for explicitly and cannot load.
 * @example
 * const info = await initBackend('auto'); // => { name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm', … }
 */
export async function initBackend(choice: BackendChoice = 'auto'): Promise<BackendInfo> {
  const notes: string[] = [];
  if (choice === 'tensorflow' || choice === 'auto') {
    const found = await tryTensorflow();
    if ('provider' in found && (await activate('tensorflow'))) {
      return { name: 'tensorflow', requested: choice, provider: found.provider, detail: `loaded ${found.provider}` };
    }
    const why = 'errors' in found ? found.errors.join('; ') : 'setBackend failed';
    if (choice === 'tensorflow') {
      throw new UserError(
        `backend must be loadable when set to "tensorflow" (install @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node), but got: ${why}`,
      );
    }
    notes.push(`tensorflow unavailable (${why})`);
  }
  if (choice === 'native' || choice === 'auto') {
    const found = await tryNative();
    if ('detail' in found && (await activate('native'))) {
      return { name: 'native', requested: choice, provider: '@vad/native', detail: [...notes, `native (${found.detail})`].join('; ') };
    }
    const why = 'reason' in found ? found.reason : 'setBackend failed';
    if (choice === 'native') throw new UserError(`backend must be built when set to "native" (${nativeAdvice}), but got: ${why}`);
    notes.push(`native unavailable (${why}; to enable it: ${nativeAdvice})`);
    adviseOnce(why);
  }
  if (choice === 'wasm' || choice === 'auto') {
    try {
      if (await activate('wasm')) {
        return { name: 'wasm', requested: choice, provider: '@tensorflow/tfjs-backend-wasm', detail: [...notes, 'wasm (XNNPACK, SIMD)'].join('; ') };
      }
      notes.push('wasm: setBackend failed');
    } catch (error) {
      if (choice === 'wasm') throw new UserError(`backend "wasm" must initialise, but got: ${(error as Error).message}`);
      notes.push(`wasm: ${(error as Error).message}`);
    }
  }
  await activate('cpu');
  return { name: 'cpu', requested: choice, provider: '@tensorflow/tfjs-backend-cpu', detail: [...notes, 'pure-JS cpu'].join('; ') };
}
