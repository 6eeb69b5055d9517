import { existsSync, readFileSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { ConfigError, type ConfigProblem } from './config-error';

/**
 * Parses one YAML file into a plain value. Syntax errors (all of them) become a {@link ConfigError}
 * whose lines point at `file:line:column`; a missing file or a top level that is not a mapping is
 * an error too.
 *
 * @example
 * // bad.yaml line 3 is `  epochs: [1, 2`
 * readYamlFile('bad.yaml'); // throws 'bad.yaml:3:17: YAML syntax error: …'
 */
export function readYamlFile(file: string, label: string = file): Record<string, unknown> {
  if (!existsSync(file)) {
    throw new ConfigError([{ file: label, path: '', message: 'config file must exist, but it was not found' }]);
  }
  return parseYamlText(readFileSync(file, 'utf8'), label);
}

/** {@link readYamlFile} on text already in memory (`label` names it in messages). */
export function parseYamlText(text: string, label: string): Record<string, unknown> {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true });
  if (doc.errors.length > 0) {
    const problems: ConfigProblem[] = doc.errors.map((error) => {
      const at = lineCounter.linePos(error.pos[0]);
      const message = error.message.split('\n')[0] ?? error.message;
      return { file: `${label}:${at.line}:${at.col}`, path: '', message: `YAML syntax error: ${message}` };
    });
    throw new ConfigError(problems);
  }
  const value: unknown = doc.toJS({ maxAliasCount: 100 });
  if (value === null || value === undefined) return {};
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError([
      { file: label, path: '', message: `top level must be a mapping of sections (data, model, …), but got ${Array.isArray(value) ? 'a list' : typeof value}` },
    ]);
  }
  return value as Record<string, unknown>;
}
