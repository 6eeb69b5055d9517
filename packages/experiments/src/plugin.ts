/**
 * `@vad/experiments/plugin` — the stable plugin API: everything a simulator, schedule or model plugin
 * implements or calls, from one entry point. A plugin package imports only from here (plus
 * `@tensorflow/tfjs` and `zod`, which it lists as peer dependencies next to `@vad/experiments`).
 *
 * Semver rules for this entry point (and only for it; the rest of every `@vad/*` package is internal):
 * - within a major version nothing exported here is removed or renamed, no required member is added
 *   to an interface a plugin implements (`Simulator`, `SigmaSchedule`, `AnomalyModel`, the specs), and
 *   no input a plugin receives (`SimulateInput`, `ScheduleContext`, …) loses a member or changes a type;
 * - a minor version may add exports, optional members of implemented interfaces and new members of
 *   inputs; a patch changes no type;
 * - while the version is 0.x the minor digit plays the major's role (0.1 → 0.2 may break), so a plugin
 *   declares `"peerDependencies": { "@vad/experiments": "^0.1.0" }`, which npm reads as 0.1.x;
 * - {@link pluginApiVersion} is bumped with every breaking change, so a plugin can check it at load time.
 *
 * @example
 * import * as tf from '@tensorflow/tfjs';
 * import { z } from 'zod';
 * import { blendResult, defineSimulator } from '@vad/experiments/plugin';
 *
 * export const simulator = defineSimulator({
 *   type: 'invert',
 *   description: 'Inverted pixels inside the object mask',
 *   options: z.strictObject({ type: z.literal('invert') }),
 *   create: () => ({
 *     type: 'invert',
 *     simulate: (input) => blendResult(input, () => tf.sub(1, input.clips) as tf.Tensor5D, Float32Array.from(input.masks.dataSync())),
 *   }),
 * });
 */

/** Version of this plugin API: bumped with every breaking change (1 = the API of vad 0.1). */
export const pluginApiVersion = 1;

// Simulators: `export const simulator = defineSimulator({...})` from the plugin's entry module.
export { defineSimulator, blendResult, sampleGates, middleFrame, checkSimulateResult } from '@vad/simulators';
export type { CreateContext, SimulatorSpec } from '@vad/simulators';
export type { Simulator, SimulateInput, SimulateResult, ClipMeta, FrameSource, Rng } from '@vad/core';

// σ schedules.
export { defineSchedule } from '@vad/schedules';
export type { JsonValue, ScheduleContext, ScheduleDecision, ScheduleSpec, SigmaSchedule, StepObservation, TrainableSigma } from '@vad/schedules';

// Models.
export { defineModel } from '@vad/core';
export type { AnomalyModel, ModelGeometry, ModelSpec, NamedVariable } from '@vad/core';

// Errors a plugin may throw for bad input (reported as one line, exit code 2).
export { UserError } from '@vad/core';
