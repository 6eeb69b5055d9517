import { UserError } from '@vad/core';
import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { dataConfigSchema, datasetTypes, writeContactSheet, summariseDataset, openDataset, createSyntheticDataset, syntheticOptionsSchema, writeFramesDataset } from '@vad/data';
import { checkOutputDir, checkOutputFile, prepareOutputDir } from '../io/output-path';
import { downloadCommand } from './data-download';
import { calibrateCommand } from './data-calibrate';

interface SynthArgs {
  out: string;
  seed: number;
  height: number;
  width: number;
  channels: number;
  scenes?: number;
  length?: number;
  'train-videos'?: number;
  'test-videos'?: number;
  difficulty?: number;
  'synthetic-version'?: number;
  noise?: number;
  drift?: number;
  jitter?: number;
}

/** Options of `vad data check` (also used by `vad data download`). */
export interface CheckArgs {
  dataset: string;
  root?: string;
  labels?: string;
  json: boolean;
  integrity: string;
  'contact-sheet'?: string;
  height: number;
  width: number;
  channels: number;
  scene?: string;
  'cache-dir'?: string;
}

function parse<T>(schema: { safeParse(v: unknown): { success: true; data: T } | { success: false; error: { issues: { path: PropertyKey[]; message: string }[] } } }, value: unknown, where: string): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  throw new UserError(result.error.issues.map((i) => `${where}: ${i.path.join('.')} ${i.message}`).join('\n'));
}

const synth: CommandModule<object, SynthArgs> = {
  command: 'synth',
  describe: 'Write the built-in synthetic dataset to disk in the frames layout (PNG, labels .mat/.npy, boxes JSON)',
  builder: (y: Argv) =>
    y
      .option('out', { type: 'string', demandOption: true, describe: 'output folder' })
      .option('seed', { type: 'number', default: 0 })
      .option('height', { type: 'number', default: 64 })
      .option('width', { type: 'number', default: 64 })
      .option('channels', { type: 'number', default: 3, choices: [1, 3] })
      .option('scenes', { type: 'number' })
      .option('length', { type: 'number', describe: 'frames per video' })
      .option('train-videos', { type: 'number' })
      .option('test-videos', { type: 'number' })
      .option('difficulty', { type: 'number', describe: '0 (blatant) … 1 (subtle)' })
      .option('synthetic-version', { type: 'number', choices: [1, 2], describe: 'generator version (default 2, the benchmark; 1 = the earlier generator)' })
      .option('noise', { type: 'number', describe: 'sensor noise (standard deviation)' })
      .option('drift', { type: 'number', describe: 'illumination drift (relative gain amplitude, version 2)' })
      .option('jitter', { type: 'number', describe: 'camera jitter (pixels, version 2)' }) as unknown as Argv<SynthArgs>,
  handler: async (args) => {
    for (const key of ['height', 'width'] as const) {
      if (!Number.isInteger(args[key]) || args[key] < 1 || args[key] > 4096) throw new UserError(`vad data synth: --${key} must be an integer in [1, 4096], but got ${args[key]}`);
    }
    const out = checkOutputDir(args.out, 'vad data synth: --out');
    const raw = {
      version: args['synthetic-version'],
      seed: args.seed,
      scenes: args.scenes,
      length: args.length,
      trainVideos: args['train-videos'],
      testVideos: args['test-videos'],
      difficulty: args.difficulty,
      noise: args.noise,
      drift: args.drift,
      jitter: args.jitter,
    };
    const options = parse(syntheticOptionsSchema, Object.fromEntries(Object.entries(raw).filter(([, v]) => v !== undefined)), 'vad data synth');
    const dataset = createSyntheticDataset(options, { height: args.height, width: args.width, channels: args.channels as 1 | 3 });
    prepareOutputDir(out, 'vad data synth: --out');
    const { files } = await writeFramesDataset(dataset, out);
    process.stdout.write(`wrote ${files} frames (${dataset.train.length} training, ${dataset.test.length} test videos) to ${out}\n`);
  },
};

/** `vad data check`; its handler is also the last step of `vad data download`. */
export const check: CommandModule<object, CheckArgs> = {
  command: 'check',
  describe: 'Load a dataset, verify it and print per-split counts (and a contact sheet with --contact-sheet FILE)',
  builder: (y: Argv) =>
    y
      .option('dataset', { type: 'string', demandOption: true, choices: [...datasetTypes] })
      .option('root', { type: 'string', describe: 'dataset folder (default $VAD_DATA_ROOT/<dataset>)' })
      .option('labels', { type: 'string', describe: 'label file (.mat gt cell or .npy) for the frames layout' })
      .option('json', { type: 'boolean', default: false })
      .option('integrity', { type: 'string', default: 'auto', choices: ['auto', 'full', 'partial'], describe: 'full: require the published totals' })
      .option('contact-sheet', { type: 'string', alias: 'sheet', describe: 'also write a contact-sheet PNG to this path (nothing is written without it)' })
      .option('height', { type: 'number', default: 64 })
      .option('width', { type: 'number', default: 64 })
      .option('channels', { type: 'number', default: 3, choices: [1, 3] })
      .option('scene', { type: 'string' })
      .option('cache-dir', { type: 'string' }) as unknown as Argv<CheckArgs>,
  handler: async (args) => {
    const config = parse(
      dataConfigSchema,
      {
        type: args.dataset,
        ...(args.root === undefined ? {} : { root: args.root }),
        ...(args.labels === undefined ? {} : { labels: { file: resolve(args.labels) } }),
        ...(args.scene === undefined ? {} : { scene: args.scene }),
        ...(args['cache-dir'] === undefined ? {} : { cacheDir: args['cache-dir'] }),
        integrity: args.integrity,
        height: args.height,
        width: args.width,
        channels: args.channels,
      },
      'vad data check',
    );
    const sheet = args['contact-sheet'] === undefined ? null : checkOutputFile(args['contact-sheet'], 'vad data check: --contact-sheet');
    const dataset = await openDataset(config);
    const summary = summariseDataset(dataset);
    if (sheet !== null) await writeContactSheet(dataset, sheet);
    if (args.json) {
      process.stdout.write(`${JSON.stringify({ ...summary, contactSheet: sheet })}\n`);
      return;
    }
    const lines = [
      `${summary.dataset}${summary.partial ? ' (partial)' : ''}: source ${summary.width}×${summary.height}, resized to ${summary.resized.width}×${summary.resized.height}×${summary.channels}`,
      `  train: ${summary.train.videos} videos, ${summary.train.frames} frames`,
      `  test:  ${summary.test.videos} videos, ${summary.test.frames} frames, ${summary.test.anomalousFrames} anomalous`,
      ...summary.notes.map((n) => `  note: ${n}`),
      ...(sheet === null ? [] : [`  contact sheet: ${sheet}`]),
    ];
    process.stdout.write(`${lines.join('\n')}\n`);
  },
};

/** `vad data synth|check|download|calibrate` — write the synthetic dataset, verify a dataset on disk, fetch a benchmark, or measure the synthetic benchmark. */
export const dataCommand: CommandModule = {
  command: 'data',
  describe: 'Dataset tools: synth (write the synthetic set), check (verify a dataset), download (fetch a benchmark), calibrate (measure the synthetic benchmark)',
  builder: (y: Argv) =>
    y
      .command(synth as unknown as CommandModule)
      .command(check as unknown as CommandModule)
      .command(downloadCommand as unknown as CommandModule)
      .command(calibrateCommand as unknown as CommandModule)
      .demandCommand(1),
  handler: () => undefined,
};
