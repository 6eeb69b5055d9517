import * as tf from '@tensorflow/tfjs';
import { describe, expect, it } from 'vitest';
import { initBackend, nativeAdvice, resolveBackendChoice } from './backend';
import { isMultiThreaded } from './backend-capabilities';
import { isUserError } from './errors';

// npm test runs this file twice: in the core project (native addon built where oneDNN is) and in the
// core-fallback project with VAD_NATIVE=off (vitest.config.ts), so both branches run on every CI run.
const nativeOff = process.env['VAD_NATIVE'] === 'off';
// the advice, word for word (right in this monorepo and in an installed project; pack-install.spec follows it)
const advice =
  'apt-get install libdnnl-dev, then npm rebuild @vad/native; in an installed project whose npm gates install scripts, run npm install-scripts approve @vad/native before the rebuild';

describe('backend selection', () => {
  it('accepts native in configs, --backend and VAD_BACKEND; rejects unknown names with the house message', () => {
    expect(nativeAdvice).toBe(advice);
    expect(resolveBackendChoice('native')).toBe('native');
    expect(resolveBackendChoice(undefined, { VAD_BACKEND: 'native' })).toBe('native');
    expect(() => resolveBackendChoice('onednn')).toThrow('backend must be one of auto, tensorflow, native, wasm, cpu, but got "onednn"');
  });

  it.skipIf(nativeOff)('auto picks native when tfjs-node is absent and the addon is built, and says why', async () => {
    const info = await initBackend('auto');
    if (info.name === 'tensorflow') return; // a machine with tfjs-node installed picks it first
    expect(info).toMatchObject({ name: 'native', requested: 'auto', provider: '@vad/native' });
    expect(info.detail).toMatch(/tensorflow unavailable .*; native \(oneDNN \d+\.\d+\.\d+, \d+ thread\(s\)/);
    expect(tf.getBackend()).toBe('native');
    expect(isMultiThreaded()).toBe(true);
    await tf.setBackend('cpu');
  });

  it.runIf(nativeOff)('with the native backend unavailable, auto falls back to wasm and explicit native is a user error (exit 2) with the advice', async () => {
    const info = await initBackend('auto');
    expect(info.name).toBe('wasm');
    expect(info.detail).toContain(`native unavailable (disabled by VAD_NATIVE=off; to enable it: ${advice})`);
    const error = await initBackend('native').catch((e: unknown) => e);
    expect(isUserError(error)).toBe(true);
    expect((error as { exitCode: number }).exitCode).toBe(2);
    expect((error as Error).message).toBe(`backend must be built when set to "native" (${advice}), but got: disabled by VAD_NATIVE=off`);
    expect(isMultiThreaded('wasm')).toBe(false);
    await tf.setBackend('cpu');
  });
});
