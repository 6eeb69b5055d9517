import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { applyKindsFile, parseKindsCsv } from './kinds-file';
import type { Dataset } from './types';
import { asTestVideo, createVideo, memoryStore } from './video';

const dir = mkdtempSync(join(tmpdir(), 'vad-kinds-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function dataset(): Dataset {
  const video = createVideo({ id: '01_0014', scene: '01', fps: 10, height: 1, width: 1, channels: 1, sourceName: 'Test014' }, memoryStore(new Uint8Array(6), 1));
  const test = [asTestVideo(video, Uint8Array.of(0, 1, 1, 1, 0, 1))];
  return { name: 'x', height: 1, width: 1, channels: 1, train: [], test, partial: false, notes: [] };
}

function file(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

describe('kinds file', () => {
  it('parses ranges and reports every bad line at once', () => {
    expect(parseKindsCsv('video,first,last,kind\r\nTest014,1,3,running\n\n', 'k.csv')).toEqual([{ video: 'Test014', first: 1, last: 3, kind: 'running', line: 2 }]);
    expect(() => parseKindsCsv('video,from,to,kind\n', 'k.csv')).toThrow('k.csv:1: header must be video,first,last,kind, but got video,from,to,kind');
    expect(() => parseKindsCsv('video,first,last,kind\nA,3,1,run\nB,0,1,a;b\nC,0,1\n', 'k.csv')).toThrow(
      ['k.csv:2: first, last must be frame indices with first <= last, but got 3, 1', 'k.csv:3: kind must be a name without "," or ";", but got "a;b"', 'k.csv:4: row must have 4 fields like the header, but got 3'].join('\n'),
    );
  });

  it('gives anomalous frames their kinds by video id or source name, and notes marked normal frames', () => {
    const path = file('a.csv', 'video,first,last,kind\nTest014,1,2,running\n01_0014,2,5,bicycle\n');
    const ds = applyKindsFile(dataset(), path);
    expect(ds.test[0]!.kinds).toEqual([[], ['running'], ['bicycle', 'running'], ['bicycle'], [], ['bicycle']]);
    expect(ds.notes).toEqual([`kinds from ${path}: 2 ranges, 2 kinds; 1 marked frames are labelled normal and keep no kind`]);
  });

  it('names unknown videos and ranges past the end', () => {
    const path = file('b.csv', 'video,first,last,kind\nTest099,0,1,run\nTest014,4,6,run\n');
    expect(() => applyKindsFile(dataset(), path)).toThrow(
      [`${path}:2: video must be a test video (Test014, …), but got "Test099"`, `${path}:3: last must be below the 6 frames of Test014, but got 6`].join('\n'),
    );
  });
});
