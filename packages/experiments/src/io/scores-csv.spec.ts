import { describe, expect, it } from 'vitest';
import { splitCsvLine } from '@vad/data';
import { parseScoresCsv } from './scores-csv';

describe('parseScoresCsv', () => {
  it('reads rows with columns in any order, empty scores as unscored and an optional scene', () => {
    const text = '\uFEFFlabel,video,score,frame,scene,extra\r\n0,01,,0,A,x\r\n1,01,0.75,1,A,y\r\n\r\n1,"0,2",1e-3,0,B,z\r\n';
    expect(parseScoresCsv(text, 's.csv')).toEqual([
      { video: '01', frame: 0, score: null, label: 0, scene: 'A' },
      { video: '01', frame: 1, score: 0.75, label: 1, scene: 'A' },
      { video: '0,2', frame: 0, score: 0.001, label: 1, scene: 'B' },
    ]);
  });

  it('names the file and line of the first bad value', () => {
    const head = 'video,frame,score,label\n01,0,0.1,0\n';
    expect(() => parseScoresCsv(`${head}01,1,abc,1\n`, 'scores.csv')).toThrow('scores.csv:3: score must be a finite number, but got "abc"');
    expect(() => parseScoresCsv(`${head}01,1,NaN,1\n`, 'scores.csv')).toThrow('scores.csv:3: score must be a finite number, but got "NaN"');
    for (const bad of ['2', '-1', '0.5', '1.0', 'yes']) {
      expect(() => parseScoresCsv(`${head}01,1,0.2,${bad}\n`, 'scores.csv')).toThrow(`scores.csv:3: label must be 0 or 1 (or true/false), but got "${bad}"`);
    }
    expect(parseScoresCsv(`${head}01,1,0.2,True\n01,2,0.3,false\n`, 'scores.csv').map((r) => r.label)).toEqual([0, 1, 0]); // booleans (pandas) are 1/0
    expect(() => parseScoresCsv(`${head}01,1.5,0.2,1\n`, 'scores.csv')).toThrow('scores.csv:3: frame must be a non-negative integer, but got "1.5"');
    expect(() => parseScoresCsv(`${head}01,1,0.2\n`, 'scores.csv')).toThrow('scores.csv:3: row must have 4 fields like the header, but got 3');
    expect(() => parseScoresCsv(`${head}02,0,0.2,1\n01,0,0.3,1\n`, 'scores.csv')).toThrow(
      'scores.csv:4: (video, frame) must be unique, but got ("01", 0) already on line 2',
    );
  });

  it('rejects a header without the required columns, and empty files', () => {
    expect(() => parseScoresCsv('video,frame,label\n01,0,1\n', 'scores.csv')).toThrow(
      'scores.csv:1: header must have the columns video, frame, score, label (scene optional), but got video, frame, label (missing score)',
    );
    expect(() => parseScoresCsv('', 'scores.csv')).toThrow('scores.csv: file must start with a header line, but got an empty file');
    expect(() => parseScoresCsv('video,frame,score,label\n', 'scores.csv')).toThrow('scores.csv: file must hold at least one data row after the header, but got none');
  });

  it('keeps one scene per video', () => {
    expect(() => parseScoresCsv('video,frame,score,label,scene\n01,0,0.1,0,A\n01,1,0.2,1,B\n', 'scores.csv')).toThrow(
      'scores.csv:3: scene must be the same for every frame of video "01" ("A" on line 2), but got "B"',
    );
  });

  it('splits quoted fields', () => {
    expect(splitCsvLine('a,"b,""c""",d', 'x.csv', 2)).toEqual(['a', 'b,"c"', 'd']);
    expect(() => splitCsvLine('a,"b', 'x.csv', 7)).toThrow('x.csv:7: quoted field must be closed on the same line, but got "a,\\"b"');
  });
});
