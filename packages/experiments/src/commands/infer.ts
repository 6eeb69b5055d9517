import type { CommandModule } from 'yargs';
import { backendChoices, initBackend, resolveBackendChoice, UserError } from '@vad/core';
import { inferVideo } from '../runner/infer';

interface InferArgs {
  readonly model: string;
  readonly input: string;
  readonly out: string;
  readonly overlay: boolean;
  readonly fps?: number;
  readonly backend?: string;
}

/** `vad infer MODEL_DIR INPUT --out DIR` — per-frame scores, a score plot and a heat-map overlay video for any video or frames folder. */
export const inferCommand: CommandModule<object, InferArgs> = {
  command: 'infer <model> <input>',
  describe: 'Score any video file or frames folder with a trained trial: scores CSV, score plot, heat-map overlay video',
  builder: (yargs) =>
    yargs
      .positional('model', { type: 'string', demandOption: true, describe: 'trained trial folder (model.ckpt + config.json)' })
      .positional('input', { type: 'string', demandOption: true, describe: 'video file (.mp4, .avi, …) or folder of numbered frames' })
      .option('out', { type: 'string', demandOption: true, describe: 'output folder' })
      .option('overlay', { type: 'boolean', default: true, describe: 'write heat-map overlay frames and overlay.mp4' })
      .option('fps', { type: 'number', describe: 'frame rate of a frames folder (default 25)' })
      .option('backend', { type: 'string', choices: [...backendChoices], describe: 'tfjs backend' }),
  handler: async (args) => {
    if (args.fps !== undefined && !(args.fps > 0 && args.fps <= 1000)) throw new UserError(`vad infer: --fps must be a frame rate in (0, 1000], but got ${args.fps}`);
    const log = (line: string): void => void process.stdout.write(`${line}\n`);
    const backend = await initBackend(resolveBackendChoice(args.backend));
    log(`backend ${backend.name}`);
    const result = await inferVideo(args.model, args.input, { out: args.out, log, overlay: args.overlay, ...(args.fps !== undefined ? { fps: args.fps } : {}) });
    log(`${result.frames} frames; overlay: ${result.video === 'mp4' ? 'overlay.mp4' : result.video === 'png-frames' ? 'PNG frames only (no mp4 encoder)' : 'off'}`);
    log(`written: ${result.files.join(', ')}`);
  },
};
