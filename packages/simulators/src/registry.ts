import { duplicateFrames } from './plugins/duplicate-frames';
import { foreignShapes } from './plugins/foreign-shapes';
import { frameFusion } from './plugins/frame-fusion';
import { mixture } from './plugins/mixture';
import { perlin } from './plugins/perlin';
import { randomPatch } from './plugins/random-patch';
import { reversedFrames } from './plugins/reversed-frames';
import { skippedFrames } from './plugins/skipped-frames';
import { weightedNoise } from './plugins/weighted-noise';

/** Every built-in simulator by its YAML `type` (= file name). Add a plugin with one line here. */
export const simulatorRegistry = {
  'weighted-noise': weightedNoise,
  'skipped-frames': skippedFrames,
  'duplicate-frames': duplicateFrames,
  'reversed-frames': reversedFrames,
  'random-patch': randomPatch,
  'foreign-shapes': foreignShapes,
  'frame-fusion': frameFusion,
  perlin,
  mixture,
} as const;

export type SimulatorType = keyof typeof simulatorRegistry;
