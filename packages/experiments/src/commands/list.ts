import type { CommandModule } from 'yargs';
import { modelRegistry } from '@vad/core';
import { describeSchedules } from '@vad/schedules';
import { describeSimulators } from '@vad/simulators';
import { listConfigs } from '../config/list-configs';
import { installedSimulatorPlugins } from '../plugins/discover-plugins';

const kinds = ['simulators', 'schedules', 'models', 'configs'] as const;
type Kind = (typeof kinds)[number];

/** Name + one-line description of every entry of a registry (or of the shipped configs). */
export function listEntries(kind: Kind): Array<{ name: string; description: string }> {
  switch (kind) {
    case 'simulators':
      return describeSimulators().map(({ name, description }) => ({ name, description }));
    case 'schedules':
      return describeSchedules().map(({ name, description }) => ({ name, description }));
    case 'models':
      return Object.entries(modelRegistry).map(([name, spec]) => ({ name, description: spec.description }));
    case 'configs':
      return listConfigs().map(({ file, description }) => ({ name: file, description }));
  }
}

/** `vad list <simulators|schedules|models|configs>` — what can go into a config. */
export const listCommand: CommandModule<object, { kind: Kind; json: boolean }> = {
  command: 'list <kind>',
  describe: 'List the registered simulators (and installed simulator plugin packages), schedules or models, or the shipped configs, with one-line descriptions',
  builder: (yargs) =>
    yargs
      .positional('kind', { choices: kinds, demandOption: true, describe: 'what to list' })
      .option('json', { type: 'boolean', default: false, describe: 'print a JSON array' }),
  handler: async (args) => {
    const entries = listEntries(args.kind);
    if (args.kind === 'simulators') {
      // installed plugin packages (keyword vad-simulator), named as configs name them: by package name
      for (const plugin of await installedSimulatorPlugins()) entries.push({ name: plugin.name, description: `${plugin.description} (plugin ${plugin.name}@${plugin.version})` });
    }
    if (args.json) {
      process.stdout.write(`${JSON.stringify(entries, null, 2)}\n`);
      return;
    }
    const width = Math.max(...entries.map((e) => e.name.length), 4);
    process.stdout.write(entries.map((e) => `${e.name.padEnd(width)}  ${e.description}`).join('\n') + '\n');
  },
};
