import type { z } from 'zod';
import type { AnomalyModel } from '../contracts/model';
import { describeValue, UserError } from '../errors';
import type { Rng } from '../rng';
import { parseOptions } from './model-options';
import { modelRegistry, type ModelType } from './registry';

/** Fully-defaulted options of any registered model (derived from the registry: nothing to edit here). */
export type ModelOptions = { [K in ModelType]: z.output<(typeof modelRegistry)[K]['options']> }[ModelType];

/** A registry entry seen through the union of all options (TypeScript cannot pair `type` with its entry). */
type AnySpec = { create(options: ModelOptions, rng: Rng): AnomalyModel };

/**
 * Validates raw options (e.g. a config's `model` section) against the registry in two steps:
 * the `type` must be registered, then the whole object must pass that model's strict schema.
 *
 * @throws UserError naming the known types, or listing every bad option at once.
 * @example
 * parseModelOptions({ type: 'unet', latent: 32 }); // => { type: 'unet', latent: 32, height: 64, width: 64, channels: 3, kernels: [3, 5, 7], frames: 1 }
 */
export function parseModelOptions(raw: unknown, where = 'createModel'): ModelOptions {
  const type = typeof raw === 'object' && raw !== null ? (raw as { type?: unknown }).type : undefined;
  if (typeof type !== 'string' || !Object.hasOwn(modelRegistry, type)) {
    const known = Object.keys(modelRegistry).join(', ');
    throw new UserError(`${where}(options.type) must be one of ${known}, but got ${describeValue(type)}`);
  }
  return parseOptions(modelRegistry[type as ModelType].options, raw, where) as ModelOptions;
}

/**
 * Builds a registered model from options ALREADY parsed (by {@link parseModelOptions} or the config
 * loader): no second validation; the registry entry named by `options.type` creates it.
 *
 * @example
 * const model = buildModel(parseModelOptions({ type: 'c3dsu' }), createRng(7));
 */
export function buildModel(options: ModelOptions, rng: Rng): AnomalyModel {
  return (modelRegistry[options.type] as AnySpec).create(options, rng);
}

/**
 * Builds a registered model with weights drawn from `rng` (same seed ⇒ identical weights), validating
 * raw `options` first (for direct calls; the config loader validates and then calls {@link buildModel}).
 *
 * @throws UserError for an unknown type or bad options, e.g.
 *   `createModel(options.height) must be a multiple of 16, but got 30`.
 * @example
 * const model = createModel({ type: 'c3dsu' }, createRng(7)); // small preset, 1,566,008 parameters
 */
export function createModel(options: unknown, rng: Rng): AnomalyModel {
  return buildModel(parseModelOptions(options), rng);
}
