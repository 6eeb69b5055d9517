import { readFileSync } from 'node:fs';
import { UserError } from '@vad/core';
import { splitCsvLine } from './io/split-csv-line';
import type { Dataset, TestVideo } from './types';

/** One annotated range: frames first…last (0-based, inclusive) of `video` show `kind`. */
export interface KindRange {
  readonly video: string;
  readonly first: number;
  readonly last: number;
  readonly kind: string;
  readonly line: number;
}

/**
 * Parses a kinds annotation file (CSV): header `video,first,last,kind`, one range per line — `video`
 * is the test video's id or source name (`Test001`, `01_0014`, …), `first`/`last` 0-based frame
 * indices (inclusive), `kind` any name without `,` or `;` (e.g. `running`, `vehicle`). Every bad
 * line is reported at once.
 *
 * @example
 * parseKindsCsv('video,first,last,kind\nTest001,10,20,cyclist\n', 'kinds.csv');
 * // => [{ video: 'Test001', first: 10, last: 20, kind: 'cyclist', line: 2 }]
 */
export function parseKindsCsv(text: string, file: string): KindRange[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '', file, 1).map((h) => h.trim());
  if (header.join(',') !== 'video,first,last,kind') throw new UserError(`${file}:1: header must be video,first,last,kind, but got ${header.join(',')}`);
  const problems: string[] = [];
  const ranges: KindRange[] = [];
  lines.slice(1).forEach((raw, i) => {
    const line = i + 2;
    if (raw.trim() === '') return;
    const fields = splitCsvLine(raw, file, line).map((f) => f.trim());
    const [video = '', first = '', last = '', kind = ''] = fields;
    const at = `${file}:${line}`;
    if (fields.length !== 4) problems.push(`${at}: row must have 4 fields like the header, but got ${fields.length}`);
    else if (video === '') problems.push(`${at}: video must be a non-empty name, but got ""`);
    else if (!/^\d+$/.test(first) || !/^\d+$/.test(last) || Number(last) < Number(first)) problems.push(`${at}: first, last must be frame indices with first <= last, but got ${first}, ${last}`);
    else if (kind === '' || /[;,]/.test(kind)) problems.push(`${at}: kind must be a name without "," or ";", but got ${JSON.stringify(kind)}`);
    else ranges.push({ video, first: Number(first), last: Number(last), kind, line });
  });
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  return ranges;
}

/**
 * Gives the test videos of `dataset` the per-frame kinds of a kinds file (`data.labels.kinds`): a
 * range names a video by id or source name; frames a range marks but the labels call normal are left
 * without a kind (counted in a note), anomalous frames no range covers have no kind either.
 *
 * @throws UserError naming every line whose video is not a test video, or whose range runs past it.
 */
export function applyKindsFile(dataset: Dataset, file: string): Dataset {
  const ranges = parseKindsCsv(readFileSync(file, 'utf8'), file);
  const byName = new Map<string, TestVideo>();
  for (const video of dataset.test) byName.set(video.id, video).set(video.sourceName, video);
  const kinds = new Map(dataset.test.map((v) => [v.id, Array.from({ length: v.length }, () => new Set<string>())]));
  const problems: string[] = [];
  let ignored = 0;
  for (const range of ranges) {
    const video = byName.get(range.video);
    if (video === undefined) problems.push(`${file}:${range.line}: video must be a test video (${dataset.test.slice(0, 4).map((v) => v.sourceName).join(', ')}, …), but got "${range.video}"`);
    else if (range.last >= video.length) problems.push(`${file}:${range.line}: last must be below the ${video.length} frames of ${range.video}, but got ${range.last}`);
    else {
      const frames = kinds.get(video.id) as Array<Set<string>>;
      for (let i = range.first; i <= range.last; i++) {
        if (video.labels[i] === 1) frames[i]?.add(range.kind);
        else ignored++;
      }
    }
  }
  if (problems.length > 0) throw new UserError(problems.join('\n'));
  const test = dataset.test.map((video) => ({ ...video, kinds: (kinds.get(video.id) ?? []).map((set) => [...set].sort()) }));
  const unnamed = test.reduce((n, v) => n + v.kinds.filter((k, i) => k.length === 0 && v.labels[i] === 1).length, 0);
  const notes = [`kinds from ${file}: ${ranges.length} ranges, ${new Set(ranges.map((r) => r.kind)).size} kinds${ignored > 0 ? `; ${ignored} marked frames are labelled normal and keep no kind` : ''}${unnamed > 0 ? `; ${unnamed} anomalous frames have no kind` : ''}`];
  return { ...dataset, test, notes: [...dataset.notes, ...notes] };
}
