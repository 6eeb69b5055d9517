import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import type { CommandModule } from 'yargs';
import { parse } from 'yaml';
import { UserError, describeValue } from '@vad/core';
import { createSimulator, simulatorRegistry } from '@vad/simulators';
import type { SimulatorSpec } from '@vad/simulators';
import { writeFileAtomic } from '@vad/data';
import { checkOutputFile } from '../io/output-path';
import { createSimulatorFromConfig, resolveSimulatorSpec } from '../plugins/load-simulator';
import type { GalleryRow } from './simulate-gallery';
import { galleryScene, renderGallery } from './simulate-gallery';

interface SimulateArgs {
  readonly config?: string;
  readonly seed: number;
  readonly size: number;
  readonly frames: number;
  readonly out: string;
  readonly 'full-frame': boolean;
}

type SpecOf = (type: string) => Promise<SimulatorSpec | undefined>;

const builtInSpec: SpecOf = async (type) => (Object.hasOwn(simulatorRegistry, type) ? simulatorRegistry[type as keyof typeof simulatorRegistry] : undefined);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * The gallery's version of a `{ type, …options }` config, so that every cell shows an anomaly: `p: 1`
 * wherever the simulator's schema has a `p` the config leaves unset, also inside `mixture` components;
 * a `mixture` without `components` gets its default components with the probabilities scaled to sum
 * to 1. Values the config sets are kept (an explicit p < 1, or components summing to < 1, may leave
 * the shown clip normal — the command then prints a note). Malformed configs pass through unchanged,
 * for createSimulator to report.
 *
 * @example
 * await forceAnomaly({ type: 'mixture' }, builtInSpec);
 * // => { type: 'mixture', p: 1, components: [{ probability: 0.5, simulator: { type: 'random-patch', p: 1 } },
 * //                                           { probability: 0.5, simulator: { type: 'skipped-frames', p: 1 } }] }
 */
export async function forceAnomaly(config: unknown, specOf: SpecOf = builtInSpec): Promise<unknown> {
  if (!isRecord(config) || typeof config['type'] !== 'string') return config;
  const spec = await specOf(config['type']);
  const keys = Object.keys((spec?.options as { shape?: Record<string, unknown> } | undefined)?.shape ?? {});
  const out: Record<string, unknown> = { ...config };
  if (keys.includes('p') && !('p' in config)) out['p'] = 1;
  if (config['type'] === 'mixture' && spec === simulatorRegistry.mixture) {
    let components: unknown = config['components'];
    if (components === undefined) {
      const defaults = simulatorRegistry.mixture.options.parse({ type: 'mixture' }).components;
      const sum = defaults.reduce((total, entry) => total + entry.probability, 0);
      components = defaults.map((entry) => ({ ...entry, probability: entry.probability / sum }));
    }
    if (Array.isArray(components)) {
      out['components'] = await Promise.all(components.map(async (entry: unknown) => (isRecord(entry) ? { ...entry, simulator: await forceAnomaly(entry['simulator'], specOf) } : entry)));
    }
  }
  return out;
}

/** Every built-in with its defaults, made always anomalous by {@link forceAnomaly}. */
export async function defaultGalleryRows(): Promise<GalleryRow[]> {
  const rows: GalleryRow[] = [];
  for (const type of Object.keys(simulatorRegistry)) rows.push({ label: type, simulator: createSimulator(await forceAnomaly({ type })) });
  return rows;
}

async function configRows(file: string): Promise<GalleryRow[]> {
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
  const baseDir = dirname(resolve(file));
  const specOf: SpecOf = async (type) => (await builtInSpec(type)) ?? resolveSimulatorSpec(type, baseDir);
  const rows = [];
  for (const [i, entry] of list.entries()) {
    const simulator = await createSimulatorFromConfig(await forceAnomaly(entry, specOf), baseDir, `${file}: simulators.${i}`);
    rows.push({ label: String((entry as { type?: unknown }).type), simulator });
  }
  return rows;
}

/** `vad simulate` — renders a gallery PNG of pseudo anomalies: one row per simulator, one column per σ. */
export const simulateCommand: CommandModule<object, SimulateArgs> = {
  command: 'simulate',
  describe: 'Render a gallery PNG of pseudo anomalies (rows: simulators, columns: σ = 0.1 … 0.9), zoomed on the object',
  builder: (yargs) =>
    yargs
      .option('config', { type: 'string', describe: 'YAML with a `simulators:` list of {type, …options} (plugins allowed); p defaults to 1 here' })
      .option('seed', { type: 'number', default: 0, describe: 'Seed of the scene and of every simulator' })
      .option('size', { type: 'number', default: 96, describe: 'Frame side in pixels (16…512)' })
      .option('frames', { type: 'number', default: 3, describe: 'Frames per clip T (odd)' })
      .option('full-frame', { type: 'boolean', default: false, describe: 'Show whole frames instead of zooming on the object and changed region' })
      .option('out', { type: 'string', demandOption: true, describe: 'Output PNG path' }),
  handler: async (args) => {
    if (!Number.isInteger(args.size) || args.size < 16 || args.size > 512) throw new UserError(`vad simulate: --size must be an integer in [16, 512], but got ${args.size}`);
    if (!Number.isInteger(args.frames) || args.frames < 1 || args.frames % 2 === 0) throw new UserError(`vad simulate: --frames must be an odd positive integer, but got ${args.frames}`);
    if (!Number.isInteger(args.seed)) throw new UserError(`vad simulate: --seed must be an integer, but got ${args.seed}`);
    checkOutputFile(args.out, 'vad simulate: --out');
    const rows = args.config !== undefined ? await configRows(args.config) : await defaultGalleryRows();
    const scene = galleryScene(args.size, args.frames, args.seed);
    const { png, data } = await renderGallery(rows, scene, args.seed, args['full-frame']);
    writeFileAtomic(args.out, png);
    const view = args['full-frame'] ? 'whole frames' : 'zoomed on the object';
    process.stdout.write(`wrote ${args.out}: ${rows.length} simulator(s) × 5 σ values on the ${scene.name}, ${view} (seed ${args.seed})\n`);
    data.forEach(({ cells }, r) => {
      if (cells.every((cell) => cell.mask.every((v) => v === 0))) {
        process.stdout.write(`note: ${rows[r]?.label ?? r} left the shown clip normal (empty mask) for seed ${args.seed}: its p or mixture probabilities < 1, or no object in the clip\n`);
      }
    });
  },
};
