import { describe, expect, it } from 'vitest';
import { UserError } from '@vad/core';
import { mapEntry } from './extract-archive';
import { fsError } from './fs-errors';
import { createProgressSink, formatBytes, formatDuration, progressLine } from './progress';
import { loadSources } from './sources';

describe('progress line', () => {
  it('formats bytes, rate and ETA', () => {
    expect(formatBytes(999)).toBe('999 B');
    expect(formatBytes(1_536_000)).toBe('1.5 MB');
    expect(formatDuration(42)).toBe('42s');
    expect(formatDuration(185)).toBe('3m05s');
    expect(formatDuration(3720)).toBe('1h02m');
    expect(progressLine({ label: 'a.tar.gz', bytes: 50e6, total: 200e6, sessionBytes: 20e6, elapsedMs: 4000 })).toBe('a.tar.gz  50.0 MB / 200.0 MB  25.0%  5.0 MB/s  ETA 30s');
    expect(progressLine({ label: 'a.zip', bytes: 2500, total: null, sessionBytes: 2500, elapsedMs: 500 })).toBe('a.zip  2.5 kB');
  });

  it('writes one line per 10 % when the stream is not a terminal, and redraws in place on one', () => {
    const lines: string[] = [];
    const sink = createProgressSink({ write: (s: string) => lines.push(s) !== 0 } as unknown as NodeJS.WritableStream);
    for (let bytes = 0; bytes <= 100; bytes += 5) sink.update({ label: 'x', bytes, total: 100, sessionBytes: bytes, elapsedMs: 0 });
    expect(lines).toHaveLength(11); // 0 %, 10 %, …, 100 %
    expect(lines[5]).toBe('x  50 B / 100 B  50.0%\n');
    let t = 0;
    const tty: string[] = [];
    const live = createProgressSink({ isTTY: true, write: (s: string) => tty.push(s) !== 0 } as unknown as NodeJS.WritableStream, () => (t += 50));
    for (let k = 0; k < 4; k++) live.update({ label: 'x', bytes: k, total: 10, sessionBytes: k, elapsedMs: 0 });
    live.done({ label: 'x', bytes: 10, total: 10, sessionBytes: 10, elapsedMs: 2000 });
    expect(tty).toEqual(['\rx  0 B / 10 B  0.0%\u001b[K', '\rx  2 B / 10 B  20.0%\u001b[K', '\rx  10 B / 10 B  100.0%  5 B/s  ETA 0s\u001b[K\n']);
  });
});

describe('archive entry mapping', () => {
  const ped2 = [{ from: 'UCSD_Anomaly_Dataset.v1p2/UCSDped2/', to: '' }];
  it('keeps the selected folder, renamed, and drops the rest', () => {
    expect(mapEntry('UCSD_Anomaly_Dataset.v1p2/UCSDped2/Train/Train001/001.tif', ped2)).toBe('Train/Train001/001.tif');
    expect(mapEntry('./UCSD_Anomaly_Dataset.v1p2/UCSDped2/Test/UCSDped2.m', ped2)).toBe('Test/UCSDped2.m');
    expect(mapEntry('UCSD_Anomaly_Dataset.v1p2/UCSDped1/Train/Train001/001.tif', ped2)).toBeNull();
    expect(mapEntry('UCSD_Anomaly_Dataset.v1p2/UCSDped2/', ped2)).toBeNull();
    expect(mapEntry('ground_truth_demo/testing_label_mask/1_label.mat', [{ from: 'ground_truth_demo/', to: 'ground_truth_demo/' }])).toBe('ground_truth_demo/testing_label_mask/1_label.mat');
  });
});

describe('file-system errors', () => {
  const errno = (code: string): Error => Object.assign(new Error(code), { code });
  it('turns disk-full, read-only and permission failures into one clear line', () => {
    for (const [code, reason] of [
      ['ENOSPC', 'the disk is full'],
      ['EROFS', 'the file system is read-only'],
      ['EACCES', 'permission is denied'],
    ] as const) {
      const error = fsError(errno(code), '/data/ped2', 'vad data download ped2');
      expect(error).toBeInstanceOf(UserError);
      expect((error as Error).message).toBe(`vad data download ped2: /data/ped2 must be writable, but ${reason} (${code})`);
    }
    const other = errno('EIO');
    expect(fsError(other, '/x', 'w')).toBe(other);
  });
});

describe('the shipped URL table', () => {
  it('has every benchmark with a SHA-256 and the layout its reader expects', () => {
    const { datasets } = loadSources();
    expect(Object.keys(datasets).sort()).toEqual(['avenue', 'ped1', 'ped2', 'shanghaitech']);
    expect(datasets['ped2']?.archives.map((a) => [a.file, a.sha256])).toEqual([['UCSD_Anomaly_Dataset.tar.gz', '2329af326951f5097fdd114c50e853957d3e569493a49d22fc082a9fd791915b']]);
    expect(datasets['avenue']?.archives.map((a) => a.file)).toEqual(['Avenue_Dataset.zip', 'ground_truth_demo.zip']);
    expect(datasets['shanghaitech']?.archives[0]?.url).toBeNull(); // cloud-drive only: a manual step
    expect(datasets['shanghaitech']?.manual?.length).toBeGreaterThan(0);
  });
});
