import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { writeFileAtomic, writeJsonAtomic } from '@vad/data';
import { formatScoresCsv } from './format-scores';
import { appendJsonl, readJsonl } from './jsonl';
import { parseScoresCsv } from './scores-csv';

describe('atomic writes and JSONL', () => {
  const dir = mkdtempSync(join(tmpdir(), 'vad-io-'));

  it('replaces a file in one rename and leaves no temp file behind', () => {
    const path = join(dir, 'nested', 'a.json');
    writeJsonAtomic(path, { auc: 0.5 });
    writeFileAtomic(path, '{"auc":0.75}\n');
    expect(readFileSync(path, 'utf8')).toBe('{"auc":0.75}\n');
    expect(readdirSync(join(dir, 'nested'))).toEqual(['a.json']);
  });

  it('drops a torn last line (a write cut short by a kill)', () => {
    const path = join(dir, 'steps.jsonl');
    appendJsonl(path, [{ step: 0 }, { step: 1 }]);
    writeFileSync(path, `${readFileSync(path, 'utf8')}{"step":2,"lo`);
    expect(readJsonl(path)).toEqual([{ step: 0 }, { step: 1 }]);
    expect(readJsonl(join(dir, 'missing.jsonl'))).toEqual([]);
    writeFileSync(path, '{"step":0}\n{"step":1,\n{"step":2}\n'); // a damaged line in the middle is not torn: it is reported
    expect(() => readJsonl(path)).toThrow(`${path}:2: each line must be one JSON record (written by vad), but got "{\\"step\\":1,"`);
  });
});

describe('formatScoresCsv', () => {
  it('writes what parseScoresCsv reads back exactly, unscored frames as empty cells', () => {
    const rows = [
      { video: '01_001', frame: 0, score: null, label: 0, scene: '01' },
      { video: '01_001', frame: 1, score: 0.1 + 0.2, label: 1, scene: '01' },
      { video: 'a,b', frame: 2, score: 1e-20, label: 0, scene: '01' },
    ];
    const text = formatScoresCsv(rows);
    expect(text).toBe('video,frame,score,label,scene\n01_001,0,,0,01\n01_001,1,0.30000000000000004,1,01\n"a,b",2,1e-20,0,01\n');
    expect(parseScoresCsv(text, 'scores.csv')).toEqual(rows);
    expect(formatScoresCsv([{ video: 'v', frame: 0, score: 0.5, label: 1 }])).toBe('video,frame,score,label\nv,0,0.5,1\n');
  });
});
