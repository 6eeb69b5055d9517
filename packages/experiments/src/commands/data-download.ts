import { resolve } from 'node:path';
import type { Argv, CommandModule } from 'yargs';
import { installDataset, createProgressSink, datasetSource, defaultSourcesFile, loadSources } from '@vad/data';
import { check } from './data';

/** The benchmarks `vad data download` knows (entries of dataset-sources.json). */
export const downloadableDatasets = ['ped1', 'ped2', 'avenue', 'shanghaitech'] as const;

interface DownloadArgs {
  dataset: string;
  root: string;
  downloads?: string;
  'keep-archives': boolean;
  force: boolean;
  'skip-checksum': boolean;
  mirror?: string;
  sources?: string;
  retries: number;
  check: boolean;
  json: boolean;
  'contact-sheet'?: string;
  'cache-dir'?: string;
}

/** `vad data download <dataset> --root DIR` — fetch, verify and install a benchmark, then check it. */
export const downloadCommand: CommandModule<object, DownloadArgs> = {
  command: 'download <dataset>',
  describe: 'Download a benchmark from its official source (resumable, checksum-verified), install it in the layout the readers expect, then check it',
  builder: (y: Argv) =>
    y
      .positional('dataset', { type: 'string', choices: [...downloadableDatasets], demandOption: true })
      .option('root', { type: 'string', demandOption: true, describe: 'dataset folder to create (what `vad data check --root` and data.root take)' })
      .option('downloads', { type: 'string', describe: 'folder for the archives (kept; default <root>.download, removed after the install)' })
      .option('keep-archives', { type: 'boolean', default: false, describe: 'keep <root>.download after the install' })
      .option('force', { type: 'boolean', default: false, describe: 'replace a root that holds something other than the dataset' })
      .option('skip-checksum', { type: 'boolean', default: false, describe: 'extract an archive whose SHA-256 differs (a manual copy); the check still verifies the data' })
      .option('mirror', { type: 'string', describe: 'fetch from a named mirror of the URL table (e.g. shanghaitech: anomalib)' })
      .option('sources', { type: 'string', describe: `URL table to use instead of the shipped one (${defaultSourcesFile})` })
      .option('retries', { type: 'number', default: 5, describe: 'dropped connections resumed before giving up' })
      .option('check', { type: 'boolean', default: true, describe: 'run `vad data check` afterwards (--no-check skips it)' })
      .option('json', { type: 'boolean', default: false, describe: 'print the check summary as JSON' })
      .option('contact-sheet', { type: 'string', alias: 'sheet', describe: 'also write a contact-sheet PNG of the check to this path (nothing is written without it)' })
      .option('cache-dir', { type: 'string', describe: 'decoded-frame cache of the check' }) as unknown as Argv<DownloadArgs>,
  handler: async (args) => {
    const sources = loadSources(args.sources === undefined ? undefined : resolve(args.sources));
    const source = datasetSource(sources, args.dataset, 'vad data download');
    const log = (line: string): void => void process.stderr.write(`${line}\n`);
    const outcome = await installDataset({
      dataset: args.dataset,
      source,
      root: args.root,
      ...(args.downloads === undefined ? {} : { downloads: args.downloads }),
      ...(args.mirror === undefined ? {} : { mirror: args.mirror }),
      keepArchives: args['keep-archives'],
      force: args.force,
      skipChecksum: args['skip-checksum'],
      retries: args.retries,
      log,
      progress: () => createProgressSink(process.stderr),
    });
    const root = resolve(args.root);
    process.stderr.write(outcome === 'present' ? `${args.dataset}: already present in ${root}\n` : `${args.dataset}: installed in ${root}\n`);
    process.stderr.write(`  ${source.title} — ${source.citation}\n`);
    if (!args.check) return;
    const checkArgs = {
      dataset: args.dataset,
      root,
      json: args.json,
      integrity: 'auto',
      height: 64,
      width: 64,
      channels: 3,
      ...(args['contact-sheet'] === undefined ? {} : { 'contact-sheet': args['contact-sheet'] }),
      ...(args['cache-dir'] === undefined ? {} : { 'cache-dir': args['cache-dir'] }),
    };
    await check.handler({ ...checkArgs, _: [], $0: 'vad' });
  },
};
