import { readFileSync, statSync } from 'node:fs';
import { LineCounter, parseDocument } from 'yaml';
import { describeErrorCode } from '../io/system-error';
import { ConfigError, type ConfigProblem } from './config-error';

/** Most aliases (`*name`) a config may resolve; more is refused (a "billion laughs" file expands exponentially). */
export const maxAliasCount = 100;

/**
 * Parses one YAML file into a plain value. Syntax errors (all of them) become a {@link ConfigError}
 * whose lines point at `file:line:column`; a missing or unreadable file, a folder, an empty file (or
 * one holding only `~`), a top level that is not a mapping, and aliases expanding past
 * {@link maxAliasCount} are errors too.
 *
 * @example
 * // bad.yaml line 3 is `  epochs: [1, 2`
 * readYamlFile('bad.yaml'); // throws 'bad.yaml:3:17: YAML syntax error: …'
 */
export function readYamlFile(file: string, label: string = file): Record<string, unknown> {
  const stat = statSync(file, { throwIfNoEntry: false });
  if (stat === undefined) {
    throw new ConfigError([{ file: label, path: '', message: 'config file must exist, but it was not found' }]);
  }
  if (stat.isDirectory()) throw new ConfigError([{ file: label, path: '', message: 'config file must be a YAML file, but got a folder' }]);
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (error) {
    throw new ConfigError([{ file: label, path: '', message: `config file must be readable, but got ${describeErrorCode((error as NodeJS.ErrnoException).code ?? String(error))}` }]);
  }
  return parseYamlText(text, label);
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
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount });
  } catch (error) {
    if (!(error instanceof ReferenceError)) throw error;
    throw new ConfigError([{ file: label, path: '', message: `YAML aliases must expand to at most ${maxAliasCount} references, but ${error.message.replace(/^Excessive alias count indicates a resource exhaustion attack$/, 'the file expands them exponentially')}` }]);
  }
  if (value === null || value === undefined) {
    throw new ConfigError([{ file: label, path: '', message: `top level must be a mapping of sections (data, model, …), but got ${text.trim() === '' || /^(#.*\s*)*$/.test(text.trim()) ? 'an empty file' : 'null (~)'}` }]);
  }
  if (typeof value !== 'object' || Array.isArray(value)) {
    throw new ConfigError([
      { file: label, path: '', message: `top level must be a mapping of sections (data, model, …), but got ${Array.isArray(value) ? 'a list' : typeof value}` },
    ]);
  }
  return value as Record<string, unknown>;
}
