import { describeValue, UserError } from '../errors';
import { parseOptions } from './model-options';
import { modelRegistry } from './registry';
/**
 * Validates raw options (e.g. a config's `model` section) against the registry in two steps:
 * the `type` must be registered, then the whole object must pass that model's strict schema.
 *
 * @throws UserError naming the known types, or listing every bad option at once.
 * @example
 * parseModelOptions({ type: 'unet', latent: 32 }); // => { type: 'unet', latent: 32, height: 64, width: 64, channels: 3, kernels: [3, 5, 7], frames: 1 }
 */
export function parseModelOptions(raw, where = 'createModel') {
    const type = typeof raw === 'object' && raw !== null ? raw.type : undefined;
    if (typeof type !== 'string' || !Object.hasOwn(modelRegistry, type)) {
        const known = Object.keys(modelRegistry).join(', ');
        throw new UserError(`${where}(options.type) must be one of ${known}, but got ${describeValue(type)}`);
    }
    return parseOptions(modelRegistry[type].options, raw, where);
}
/**
 * Builds a registered model with weights drawn from `rng` (same seed ⇒ identical weights).
 *
 * @throws UserError for an unknown type or bad options, e.g.
 *   `createModel(options.height) must be a multiple of 16, but got 30`.
 * @example
 * const model = createModel({ type: 'c3dsu' }, createRng(7)); // small preset, 1,566,008 parameters
 */
export function createModel(options, rng) {
    const parsed = parseModelOptions(options);
    switch (parsed.type) {
        case 'c3dsu':
            return modelRegistry.c3dsu.create(parsed, rng);
        case 'unet':
            return modelRegistry.unet.create(parsed, rng);
        case 'conv-ae':
            return modelRegistry['conv-ae'].create(parsed, rng);
    }
}
//# sourceMappingURL=create-model.js.map