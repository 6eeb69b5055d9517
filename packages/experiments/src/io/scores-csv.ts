import { UserError } from '@vad/core';
import { splitCsvLine } from '@vad/data';
import type { ScoreRow } from '@vad/metrics';

const required = ['video', 'frame', 'score', 'label'] as const;
const labelValues: Readonly<Record<string, 0 | 1>> = { '0': 0, '1': 1, false: 0, true: 1 }; // exactly 0/1, or booleans (pandas writes True/False)
const numberPattern = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

/**
 * Parses a per-frame scores CSV: header `video,frame,score,label` in any order, optional `scene` and
 * `kinds` (anomaly kinds of the frame joined by `;`, empty on normal frames), labels exactly 0/1 or
 * true/false (anything else — 2, -1, 0.5 — is an error, never "anomalous"), other columns ignored.
 * An empty score cell marks a frame left unscored (edge policy drop); it is
 * kept for the card's frame count and left out of every metric. Double-quoted fields are supported
 * (no line breaks inside them).
 *
 * @example
 * parseScoresCsv('video,frame,score,label\n01,0,0.25,1\n', 'scores.csv');
 * // => [{ video: '01', frame: 0, score: 0.25, label: 1 }]
 * @throws UserError `<file>:<line>: <field> must be …, but got …` on the first bad line.
 */
export function parseScoresCsv(text: string, file: string): ScoreRow[] {
  const lines = text.replace(/^\uFEFF/, '').split(/\r?\n/);
  const header = splitCsvLine(lines[0] ?? '', file, 1).map((name) => name.trim());
  if (header.length === 1 && header[0] === '') throw new UserError(`${file}: file must start with a header line, but got an empty file`);
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) {
    throw new UserError(`${file}:1: header must have the columns video, frame, score, label (scene optional), but got ${header.join(', ')} (missing ${missing.join(', ')})`);
  }
  const repeated = header.find((name, i) => header.indexOf(name) !== i);
  if (repeated !== undefined) throw new UserError(`${file}:1: header columns must be unique, but got "${repeated}" twice`);
  const column = (name: string): number => header.indexOf(name);
  const [videoAt, frameAt, scoreAt, labelAt, sceneAt, kindsAt] = [column('video'), column('frame'), column('score'), column('label'), column('scene'), column('kinds')];
  const seen = new Map<string, number>(); // "video\0frame" → line
  const sceneOf = new Map<string, { scene: string; line: number }>();
  const rows: ScoreRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const lineNo = i + 1;
    if ((lines[i] as string).trim() === '') continue;
    const at = `${file}:${lineNo}`;
    const fields = splitCsvLine(lines[i] as string, file, lineNo);
    if (fields.length !== header.length) throw new UserError(`${at}: row must have ${header.length} fields like the header, but got ${fields.length}`);
    const field = (index: number): string => (fields[index] as string).trim();
    const video = field(videoAt);
    if (video === '') throw new UserError(`${at}: video must be a non-empty name, but got ""`);
    const frameText = field(frameAt);
    if (!/^\d+$/.test(frameText)) throw new UserError(`${at}: frame must be a non-negative integer, but got ${JSON.stringify(frameText)}`);
    const scoreText = field(scoreAt);
    if (scoreText !== '' && (!numberPattern.test(scoreText) || !Number.isFinite(Number(scoreText)))) {
      throw new UserError(`${at}: score must be a finite number, but got ${JSON.stringify(scoreText)}`);
    }
    const labelText = field(labelAt);
    const label = labelValues[labelText.toLowerCase()];
    if (label === undefined) throw new UserError(`${at}: label must be 0 or 1 (or true/false), but got ${JSON.stringify(labelText)}`);
    const frame = Number(frameText);
    const key = `${video}\u0000${frame}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) throw new UserError(`${at}: (video, frame) must be unique, but got ("${video}", ${frame}) already on line ${earlier}`);
    seen.set(key, lineNo);
    const row = { video, frame, score: scoreText === '' ? null : Number(scoreText), label };
    const kinds = kindsAt < 0 ? undefined : parseKinds(field(kindsAt), row.label, at);
    const withKinds = kinds === undefined ? row : { ...row, kinds };
    if (sceneAt < 0) rows.push(withKinds);
    else rows.push({ ...withKinds, scene: checkScene(field(sceneAt), video, sceneOf, at, lineNo) });
  }
  if (rows.length === 0) throw new UserError(`${file}: file must hold at least one data row after the header, but got none`);
  return rows;
}

function parseKinds(text: string, label: number, at: string): string[] {
  const kinds = text === '' ? [] : text.split(';').map((kind) => kind.trim());
  if (kinds.some((kind) => kind === '')) throw new UserError(`${at}: kinds must be names separated by ";", but got ${JSON.stringify(text)}`);
  if (label === 0 && kinds.length > 0) throw new UserError(`${at}: kinds must be empty on a normal frame (label 0), but got ${JSON.stringify(text)}`);
  return kinds;
}

function checkScene(scene: string, video: string, sceneOf: Map<string, { scene: string; line: number }>, at: string, line: number): string {
  if (scene === '') throw new UserError(`${at}: scene must be a non-empty name, but got ""`);
  const first = sceneOf.get(video);
  if (first === undefined) sceneOf.set(video, { scene, line });
  else if (first.scene !== scene) {
    throw new UserError(`${at}: scene must be the same for every frame of video "${video}" ("${first.scene}" on line ${first.line}), but got "${scene}"`);
  }
  return scene;
}
