import { modelRegistry } from '@vad/core';
import { evaluationProtocolSchema } from '@vad/metrics';
import { scheduleRegistry } from '@vad/schedules';
import { simulatorRegistry } from '@vad/simulators';
import { dataConfigSchema } from '@vad/data';
import { resolveSimulatorSpec } from '../plugins/load-simulator';
import type { PluginCatalog } from './plugin-section';
import { trainerSectionSchema } from './trainer-section';
import type { SectionSchemas } from './validate-sections';

function catalog(registry: Readonly<Record<string, { description: string; options: PluginCatalog[string]['options'] }>>, typeless = false): PluginCatalog {
  return Object.fromEntries(Object.entries(registry).map(([type, spec]) => [type, { description: spec.description, options: spec.options, typeless }]));
}

/**
 * The real schemas and registries: data (experiments/data), models and trainer (core, plus the
 * runner's `threads`), simulators, schedules, and the metrics package's evaluation protocol. Model geometry (height, width, channels)
 * defaults to the data section's, so a config states the frame size once.
 */
export const sectionSchemas: SectionSchemas = {
  data: dataConfigSchema,
  trainer: trainerSectionSchema,
  protocol: evaluationProtocolSchema,
  models: catalog(modelRegistry),
  simulators: catalog(simulatorRegistry, true),
  schedules: catalog(scheduleRegistry),
  loadSimulator: async (type, baseDir) => ({ ...(await resolveSimulatorSpec(type, baseDir)), typeless: true }),
  modelDefaults: (data) => {
    const { height, width, channels } = data as { height: number; width: number; channels: number };
    return { height, width, channels };
  },
};
