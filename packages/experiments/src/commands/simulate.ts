import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { parse } from 'yaml';
import { UserError, describeValue } from '@vad/core';
import type { Simulator } from '@vad/core';
import { createSimulator, simulatorRegistry } from '@vad/simulators';
import { writeFileAtomic } from '../io/atomic-write';
import { createSimulatorFromConfig } from '../plugins/load-simulator';
import { galleryScene, renderGallery } from './simulate-gallery';

interface SimulateArgs {
  readonly config?: string;
  readonly seed: number;
  readonly size: number;
  readonly frames: number;
  readonly out: string;
}

/** Every built-in with its defaults; the mixture draws between two visible components so its row is never blank. */
function defaultRows(): { label: string; simulator: Simulator }[] {
  return Object.keys(simulatorRegistry).map((type) => {
    const config =
      type === 'mixture'
        ? { type, components: [{ probability: 0.5, simulator: { type: 'random-patch' } }, { probability: 0.5, simulator: { type: 'foreign-shapes' } }] }
        : { type };
    return { label: type, simulator: createSimulator(config) };
  });
}

async function configRows(file: string): Promise<{ label: string; simulator: Simulator }[]> {
  let raw: unknown;
  try {
    raw = parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new UserError(`${file}: must be a readable YAML file, but got: ${(error as Error).message.split('\n')[0] ?? ''}`);
  }
  const keys = raw !== null && typeof raw === 'object' ? Object.keys(raw) : [];
  const list = (raw as { simulators?: unknown } | null)?.simulators;
  if (!Array.isArray(list) || list.length === 0 || keys.some((key) => key !== 'simulators')) {
    throw new UserError(`${file}: must be a mapping with only a non-empty \`simulators:\` list of {type, …options}, but got ${describeValue(raw)}`);
  }
  const rows = [];
  for (const [i, entry] of list.entries()) {
    const simulator = await createSimulatorFromConfig(entry, dirname(resolve(file)), `${file}: simulators.${i}`);
    rows.push({ label: String((entry as { type?: unknown }).type), simulator });
  }
  return rows;
}

/** `vad simulate` — renders a gallery PNG of pseudo anomalies: one row per simulator, one column per σ. */
export const simulateCommand: CommandModule<object, SimulateArgs> = {
  command: 'simulate',
  describe: 'Render a gallery PNG of pseudo anomalies (rows: simulators, columns: σ = 0.1 … 0.9)',
  builder: (yargs) =>
    yargs
      .option('config', { type: 'string', describe: 'YAML with a `simulators:` list of {type, …options} (plugins allowed)' })
      .option('seed', { type: 'number', default: 0, describe: 'Seed of the scene and of every simulator' })
      .option('size', { type: 'number', default: 96, describe: 'Frame side in pixels (16…512)' })
      .option('frames', { type: 'number', default: 3, describe: 'Frames per clip T (odd)' })
      .option('out', { type: 'string', demandOption: true, describe: 'Output PNG path' }),
  handler: async (args) => {
    if (!Number.isInteger(args.size) || args.size < 16 || args.size > 512) throw new UserError(`vad simulate: --size must be an integer in [16, 512], but got ${args.size}`);
    if (!Number.isInteger(args.frames) || args.frames < 1 || args.frames % 2 === 0) throw new UserError(`vad simulate: --frames must be an odd positive integer, but got ${args.frames}`);
    if (!Number.isInteger(args.seed)) throw new UserError(`vad simulate: --seed must be an integer, but got ${args.seed}`);
    const rows = args.config !== undefined ? await configRows(args.config) : defaultRows();
    const scene = galleryScene(args.size, args.frames, args.seed);
    const png = await renderGallery(rows, scene, args.seed);
    writeFileAtomic(args.out, png);
    process.stdout.write(`wrote ${args.out}: ${rows.length} simulator(s) × 5 σ values on the ${scene.name} (seed ${args.seed})\n`);
  },
};
