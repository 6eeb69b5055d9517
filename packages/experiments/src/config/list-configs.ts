import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { ConfigError } from './config-error';
import { displayPath } from './compose';
import { readYamlFile } from './read-yaml';

/** One shipped config: file, name and its one-line `description:`. */
export interface ConfigListing {
  readonly file: string;
  readonly name: string;
  readonly description: string;
}

/** The folder of shipped configs: `configs/` under the working directory, else under the repository root. */
export function configsDir(start: string = process.cwd()): string {
  const here = join(start, 'configs');
  if (existsSync(here)) return here;
  return join(new URL('../../../../configs', import.meta.url).pathname);
}

/**
 * Every `*.yaml` in `dir` (not recursing) with its description; a file that does not parse is listed
 * with the parse problem as its description.
 *
 * @example
 * listConfigs('configs').map((c) => c.name); // => ['ablation-noise-vs-handcrafted', …, 'quickstart', …]
 */
export function listConfigs(dir: string = configsDir()): ConfigListing[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((name) => /\.ya?ml$/.test(name))
    .sort()
    .map((name) => {
      const file = join(dir, name);
      try {
        const raw = readYamlFile(file);
        return { file: displayPath(file), name: name.replace(/\.ya?ml$/, ''), description: typeof raw['description'] === 'string' ? raw['description'] : '' };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return { file: displayPath(file), name: name.replace(/\.ya?ml$/, ''), description: `(does not parse: ${error.problems[0]?.message ?? ''})` };
      }
    });
}
