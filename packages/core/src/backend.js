import * as tf from '@tensorflow/tfjs';
import { UserError } from './errors';
/** Backends a run may ask for; `auto` picks tensorflow if loadable, else wasm, else cpu. */
export const backendChoices = ['auto', 'tensorflow', 'wasm', 'cpu'];
const tensorflowProviders = ['@tensorflow/tfjs-node-gpu', '@tensorflow/tfjs-node'];
async function tryTensorflow() {
    const errors = [];
    for (const provider of tensorflowProviders) {
        try {
            await import(/* @vite-ignore */ provider);
            if (tf.findBackend('tensorflow') !== null || tf.engine().registryFactory['tensorflow'] !== undefined) {
                return { provider };
            }
            errors.push(`${provider}: loaded but registered no 'tensorflow' backend`);
        }
        catch (error) {
            errors.push(`${provider}: ${error.message.split('\n')[0]}`);
        }
    }
    return { errors };
}
async function activate(name) {
    if (name === 'wasm')
        await import('@tensorflow/tfjs-backend-wasm');
    const ok = await tf.setBackend(name);
    await tf.ready();
    return ok && tf.getBackend() === name;
}
/** Reads the choice from (in order) an explicit value, the `VAD_BACKEND` environment variable, or `auto`. */
export function resolveBackendChoice(explicit, env = process.env) {
    const raw = explicit ?? env['VAD_BACKEND'] ?? 'auto';
    if (!backendChoices.includes(raw)) {
        const where = explicit !== undefined ? 'backend' : 'VAD_BACKEND';
        throw new UserError(`${where} must be one of ${backendChoices.join(', ')}, but got ${JSON.stringify(raw)}`);
    }
    return raw;
}
/**
 * Activates a tfjs backend. `tensorflow` loads `@tensorflow/tfjs-node-gpu`, else `@tensorflow/tfjs-node`
 * (optional dependencies, loaded dynamically); `auto` falls back to wasm, then cpu.
 *
 * @throws UserError when `tensorflow` is asked for explicitly and neither package loads.
 * @example
 * const info = await initBackend('auto'); // => { name: 'wasm', provider: '@tensorflow/tfjs-backend-wasm', … }
 */
export async function initBackend(choice = 'auto') {
    const notes = [];
    if (choice === 'tensorflow' || choice === 'auto') {
        const found = await tryTensorflow();
        if ('provider' in found && (await activate('tensorflow'))) {
            return { name: 'tensorflow', requested: choice, provider: found.provider, detail: `loaded ${found.provider}` };
        }
        const why = 'errors' in found ? found.errors.join('; ') : 'setBackend failed';
        if (choice === 'tensorflow') {
            throw new UserError(`backend must be loadable when set to "tensorflow" (install @tensorflow/tfjs-node-gpu or @tensorflow/tfjs-node), but got: ${why}`);
        }
        notes.push(`tensorflow unavailable (${why})`);
    }
    if (choice === 'wasm' || choice === 'auto') {
        try {
            if (await activate('wasm')) {
                return { name: 'wasm', requested: choice, provider: '@tensorflow/tfjs-backend-wasm', detail: [...notes, 'wasm (XNNPACK, SIMD)'].join('; ') };
            }
            notes.push('wasm: setBackend failed');
        }
        catch (error) {
            if (choice === 'wasm')
                throw new UserError(`backend "wasm" must initialise, but got: ${error.message}`);
            notes.push(`wasm: ${error.message}`);
        }
    }
    await activate('cpu');
    return { name: 'cpu', requested: choice, provider: '@tensorflow/tfjs-backend-cpu', detail: [...notes, 'pure-JS cpu'].join('; ') };
}
//# sourceMappingURL=backend.js.map