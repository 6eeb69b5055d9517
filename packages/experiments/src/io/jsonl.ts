import { appendFileSync, existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { UserError } from '@vad/core';

/**
 * Appends one JSON object per line. Each record is a single `appendFileSync` of a whole line, so a
 * kill can at worst leave a torn last line, which {@link readJsonl} drops.
 */
export function appendJsonl(path: string, records: readonly unknown[]): void {
  if (records.length === 0) return;
  mkdirSync(dirname(path), { recursive: true });
  appendFileSync(path, records.map((record) => `${JSON.stringify(record)}\n`).join(''));
}

/**
 * Reads a JSONL file written by {@link appendJsonl}; a missing file is empty and an unterminated last
 * line (a write cut short by a kill) is ignored; a complete line that is not JSON is a UserError
 * naming the file and line.
 *
 * @example
 * // file: '{"step":0}\n{"step":1}\n{"st'
 * readJsonl(path); // => [{ step: 0 }, { step: 1 }]
 */
export function readJsonl<T = unknown>(path: string): T[] {
  if (!existsSync(path)) return [];
  const text = readFileSync(path, 'utf8');
  const complete = text.endsWith('\n') ? text : text.slice(0, text.lastIndexOf('\n') + 1);
  return complete.split('\n').flatMap((line, i) => {
    if (line.trim() === '') return [];
    try {
      return [JSON.parse(line) as T];
    } catch (error) {
      throw new UserError(`${path}:${i + 1}: each line must be one JSON record (written by vad), but got ${JSON.stringify(line.slice(0, 40))} (${(error as Error).message}); the file is damaged — delete the trial folder to redo it`);
    }
  });
}
