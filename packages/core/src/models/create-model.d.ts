import type { AnomalyModel } from '../contracts/model';
import type { Rng } from '../rng';
import type { C3dsuOptions } from './c3dsu';
import type { ConvAeOptions } from './conv-ae';
import type { UnetOptions } from './unet';
/** Fully-defaulted options of any registered model. */
export type ModelOptions = C3dsuOptions | UnetOptions | ConvAeOptions;
/**
 * Validates raw options (e.g. a config's `model` section) against the registry in two steps:
 * the `type` must be registered, then the whole object must pass that model's strict schema.
 *
 * @throws UserError naming the known types, or listing every bad option at once.
 * @example
 * parseModelOptions({ type: 'unet', latent: 32 }); // => { type: 'unet', latent: 32, height: 64, width: 64, channels: 3, kernels: [3, 5, 7], frames: 1 }
 */
export declare function parseModelOptions(raw: unknown, where?: string): ModelOptions;
/**
 * Builds a registered model with weights drawn from `rng` (same seed ⇒ identical weights).
 *
 * @throws UserError for an unknown type or bad options, e.g.
 *   `createModel(options.height) must be a multiple of 16, but got 30`.
 * @example
 * const model = createModel({ type: 'c3dsu' }, createRng(7)); // small preset, 1,566,008 parameters
 */
export declare function createModel(options: unknown, rng: Rng): AnomalyModel;
