import { duplicateFrames } from './duplicate-frames';
import { foreignShapes } from './foreign-shapes';
import { frameFusion } from './frame-fusion';
import { mixture } from './mixture';
import { perlin } from './perlin';
import { randomPatch } from './random-patch';
import { reversedFrames } from './reversed-frames';
import { skippedFrames } from './skipped-frames';
import { weightedNoise } from './weighted-noise';

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
