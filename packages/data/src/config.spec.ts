import { describe, expect, it } from 'vitest';
import { dataConfigSchema } from './config';
import { openDataset, resolveDataRoot } from './open-dataset';

describe('dataConfigSchema', () => {
  it('fills every default, including nested synthetic and mask options', () => {
    const c = dataConfigSchema.parse({});
    expect([c.type, c.height, c.width, c.channels, c.resize, c.integrity]).toEqual(['synthetic', 64, 64, 3, { method: 'bilinear', antialias: false, quantize: false }, 'auto']);
    expect(c.synthetic).toMatchObject({ scenes: 1, trainVideos: 4, testVideos: 6, length: 120, difficulty: 0.5, seed: 0 });
    expect(c.masks).toEqual({ type: 'motion', threshold: 0.07, close: 1, open: 0, minArea: 10, minIou: 0.3, backgroundFrames: 31 });
  });

  it('reads data.resize as an object (default: the official loader\'s float bilinear) or a legacy kernel name', () => {
    expect(dataConfigSchema.parse({ resize: 'linear' }).resize).toEqual({ method: 'bilinear', antialias: true, quantize: false });
    expect(dataConfigSchema.parse({ resize: 'nearest' }).resize).toEqual({ method: 'nearest', antialias: false, quantize: false });
    expect(dataConfigSchema.parse({ resize: { antialias: true } }).resize).toEqual({ method: 'bilinear', antialias: true, quantize: false });
    expect(() => dataConfigSchema.parse({ resize: { method: 'bicubic' } })).toThrow(/must be true for method bicubic/);
    expect(() => dataConfigSchema.parse({ resize: { method: 'nearest', antialias: true } })).toThrow(/must be false for method nearest/);
    expect(() => dataConfigSchema.parse({ resize: { kernel: 'linear' } })).toThrow(/kernel/);
  });

  it('rejects unknown keys and bad values', () => {
    expect(() => dataConfigSchema.parse({ heigth: 32 })).toThrow(/heigth/);
    expect(() => dataConfigSchema.parse({ channels: 2 })).toThrow();
    expect(() => dataConfigSchema.parse({ masks: { type: 'blobs' } })).toThrow();
    expect(() => dataConfigSchema.parse({ synthetic: { difficulty: 2 } })).toThrow(/difficulty|<=1/);
  });

  it('resolves the root from VAD_DATA_ROOT and says so when it is missing', () => {
    const saved = process.env.VAD_DATA_ROOT;
    process.env.VAD_DATA_ROOT = '/data';
    expect(resolveDataRoot({ type: 'ped2' })).toBe('/data/ped2');
    delete process.env.VAD_DATA_ROOT;
    expect(() => resolveDataRoot({ type: 'ped2' })).toThrow(/data.root must name the ped2 dataset folder \(or set VAD_DATA_ROOT\), but got nothing/);
    if (saved !== undefined) process.env.VAD_DATA_ROOT = saved;
  });

  it('opens the synthetic set in memory and filters scenes', async () => {
    const ds = await openDataset(dataConfigSchema.parse({ height: 16, width: 16, scene: '02', synthetic: { scenes: 2, length: 16, trainVideos: 1, testVideos: 1 } }));
    expect([ds.train.map((v) => v.id), ds.test.map((v) => v.id)]).toEqual([['02_001'], ['02_001']]);
  });
});
