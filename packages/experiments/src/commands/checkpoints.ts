import type { Argv, CommandModule } from 'yargs';
import { initBackend, resolveBackendChoice } from '@vad/core';
import { exportOfficialCheckpoint, importOfficialCheckpoint } from '../runner/official-import';

interface ImportArgs {
  readonly model: string;
  readonly out: string;
  readonly config?: string;
  readonly trial?: string;
  readonly set?: string[];
  readonly logit?: number;
}

interface ExportArgs {
  readonly source: string;
  readonly out: string;
  readonly 'data-parallel': boolean;
}

const write = (line: string): void => void process.stdout.write(`${line}\n`);

/** `vad import-checkpoint MODEL.p --out DIR` — a model trained by the official DDL code as a trial folder. */
export const importCheckpointCommand: CommandModule<object, ImportArgs> = {
  command: 'import-checkpoint <model>',
  describe: 'Import a state dict saved by the official DDL code (train.py\'s .p file) as a trial folder for vad eval / vad infer',
  builder: (yargs) =>
    yargs
      .positional('model', { type: 'string', demandOption: true, describe: 'torch.save(model.state_dict()) file (.p / .pt), DataParallel prefix or not' })
      .option('out', { type: 'string', demandOption: true, describe: 'trial folder to write (config.json, model.ckpt, import.json)' })
      .option('config', { type: 'string', describe: 'experiment config for the data and evaluation sections (default: configs/base/ddl-paper.yaml)' })
      .option('trial', { type: 'string', describe: 'trial id when the config expands to several' })
      .option('set', { type: 'string', array: true, describe: 'override a config key, e.g. data.root=/data/ped2 (repeatable)' })
      .option('logit', { type: 'number', describe: 'ℓ of the official PseudoAnomalyCreator, if known (train.py does not save it)' }) as unknown as Argv<ImportArgs>,
  handler: async (args) => {
    await initBackend(resolveBackendChoice()); // the weights are checked against a model built on it
    const { dir, architecture, config } = await importOfficialCheckpoint(args.model, {
      out: args.out,
      ...(args.config ? { config: args.config } : {}),
      ...(args.trial ? { trial: args.trial } : {}),
      ...(args.set ? { set: args.set } : {}),
      ...(args.logit === undefined ? {} : { logit: args.logit }),
    });
    const a = architecture;
    write(`${args.model}: official ${a.type}, latent ${a.latent}, T ${a.frames}, ${a.channels} channels, kernels [${a.kernels.join(', ')}] at ${config.model.height}×${config.model.width}`);
    write(`written: ${dir} — evaluate it with: vad eval ${dir} [--set data.root=…]`);
  },
};

/** `vad export-checkpoint RUN_DIR --out model.p` — our weights as a state dict the official code loads. */
export const exportCheckpointCommand: CommandModule<object, ExportArgs> = {
  command: 'export-checkpoint <source>',
  describe: 'Write a trained c3dsu / unet as a state dict the official DDL code loads (model.load_state_dict(torch.load(f)))',
  builder: (yargs) =>
    yargs
      .positional('source', { type: 'string', demandOption: true, describe: 'trial folder (model.ckpt) or a .ckpt file' })
      .option('out', { type: 'string', demandOption: true, describe: 'output .p / .pt file' })
      .option('data-parallel', { type: 'boolean', default: true, describe: 'prefix keys with module. as train.py\'s nn.DataParallel model has them (--no-data-parallel for a bare model)' }) as unknown as Argv<ExportArgs>,
  handler: (args) => {
    const { architecture: a, logit } = exportOfficialCheckpoint(args.source, args.out, args['data-parallel']);
    write(`written: ${args.out} (${a.type}, latent ${a.latent}, T ${a.frames}, kernels [${a.kernels.join(', ')}]${args['data-parallel'] ? ', module. prefix' : ''})`);
    if (logit !== null) write(`learned ℓ = ${logit} (σ = ${(1 / (1 + Math.exp(-logit))).toFixed(4)}); the official code keeps it in PseudoAnomalyCreator.anomaly_weight`);
  },
};
