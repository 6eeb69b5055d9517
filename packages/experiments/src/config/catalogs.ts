import { modelRegistry } from '@vad/core';
import { evaluationProtocolSchema } from '@vad/metrics';
import { scheduleRegistry } from '@vad/schedules';
import { simulatorRegistry } from '@vad/simulators';
import { dataConfigSchema } from '@vad/data';
import { resolveSimulatorSpec } from '../plugins/load-simulator';
import { trainerSectionSchema } from './trainer-section';
import type { SectionSchemas } from './validate-sections';

/**
 * The real schemas and registries: data (experiments/data), models and trainer (core, plus the
 * runner's `threads`), simulators, schedules, and the metrics package's evaluation protocol. Model geometry (height, width, channels)
 * defaults to the data section's, so a config states the frame size once.
 */
export const sectionSchemas: SectionSchemas = {
  data: dataConfigSchema,
  trainer: trainerSectionSchema,
  protocol: evaluationProtocolSchema,
  models: modelRegistry,
  simulators: simulatorRegistry,
  schedules: scheduleRegistry,
  loadSimulator: resolveSimulatorSpec,
  modelDefaults: (data) => {
    const { height, width, channels } = data as { height: number; width: number; channels: number };
    return { height, width, channels };
  },
};
