import { boxIou } from '../pixels/boxes';
import { describe, expect, it } from 'vitest';
import { motionMask, motionMaskOptions } from '../masks/motion';
import { createSyntheticDataset } from './synthetic-dataset';
import { syntheticOptionsSchema, v1AnomalyKinds } from './synthetic-options';

const small = (extra: object = {}) => syntheticOptionsSchema.parse({ version: 1, length: 40, trainVideos: 2, testVideos: 3, ...extra });
const shape = { height: 32, width: 32, channels: 3 as const };

describe('createSyntheticDataset (version 1; version 2 in synthetic-v2.spec.ts)', () => {
  it('is deterministic per seed and differs across seeds', { timeout: 60_000 }, () => {
    const a = createSyntheticDataset(small({ seed: 3 }), shape);
    const b = createSyntheticDataset(small({ seed: 3 }), shape);
    const c = createSyntheticDataset(small({ seed: 4 }), shape);
    expect(Array.from(a.train[1]!.frameBytes(17))).toEqual(Array.from(b.train[1]!.frameBytes(17)));
    expect(Array.from(a.test[2]!.labels)).toEqual(Array.from(b.test[2]!.labels));
    expect(Array.from(a.train[1]!.frameBytes(17))).not.toEqual(Array.from(c.train[1]!.frameBytes(17)));
  });

  it('has the configured layout, sizes and value range', { timeout: 60_000 }, () => {
    const ds = createSyntheticDataset(small({ scenes: 2 }), { height: 24, width: 40, channels: 1 });
    expect(ds.train.map((v) => v.id)).toEqual(['01_001', '01_002', '02_001', '02_002']);
    expect(ds.test.map((v) => v.scene)).toEqual(['01', '01', '01', '02', '02', '02']);
    const v = ds.test[0]!;
    expect([v.length, v.height, v.width, v.channels, v.fps]).toEqual([40, 24, 40, 1, 10]);
    const f = v.frame(5);
    expect(f.length).toBe(24 * 40);
    expect(Math.min(...f)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...f)).toBeLessThanOrEqual(1);
    expect(f[7]).toBeCloseTo(v.frameBytes(5)[7]! / 255, 7);
  });

  it('labels exactly the frames whose pixel mask is non-empty, and masks cover anomalous objects', { timeout: 60_000 }, () => {
    const ds = createSyntheticDataset(small({ length: 60, testVideos: 4, seed: 1 }), shape);
    let anomalous = 0;
    for (const v of ds.test) {
      for (let i = 0; i < v.length; i++) {
        const mask = v.pixelMask!(i);
        const set = mask.reduce((s, m) => s + m, 0);
        expect(v.labels[i]).toBe(set > 0 ? 1 : 0);
        if (set > 0) expect(v.objects!(i).some((o) => o.anomalous)).toBe(true);
        anomalous += v.labels[i]!;
      }
    }
    const total = ds.test.reduce((s, v) => s + v.length, 0);
    expect(anomalous).toBeGreaterThan(0.1 * total); // both classes present for AUC
    expect(anomalous).toBeLessThan(0.9 * total);
    for (const v of ds.train) for (let i = 0; i < v.length; i += 7) expect(v.objects!(i).every((o) => !o.anomalous)).toBe(true);
  });

  it('produces every anomaly kind it is asked for', { timeout: 60_000 }, () => {
    const kinds = new Map([
      ['fast-mover', ['cyclist', 'skater']],
      ['vehicle', ['cart']],
      ['wrong-way', ['wrong-way']],
      ['erratic', ['erratic']],
      ['foreign-object', ['object']],
      ['loitering', ['loiterer']],
    ]);
    for (const kind of v1AnomalyKinds) {
      const ds = createSyntheticDataset(small({ length: 60, testVideos: 1, trainVideos: 1, anomalies: [kind] }), shape);
      const v = ds.test[0]!;
      const seen = new Set(Array.from({ length: v.length }, (_, i) => v.objects!(i).filter((o) => o.anomalous).map((o) => o.kind)).flat());
      expect([...seen].every((k) => kinds.get(kind)!.includes(k)), `${kind}: ${[...seen]}`).toBe(true);
      expect(seen.size, kind).toBeGreaterThan(0);
    }
  });

  it.each([1, 2])('lets the motion mask recover >= 90 percent of isolated walkers at IoU >= 0.5 (version %i)', { timeout: 60_000 }, (version) => {
    // isolated = fully inside the frame and at least 2 px away from every other actor's box
    const ds = createSyntheticDataset(syntheticOptionsSchema.parse({ version, length: 80, trainVideos: 3, testVideos: 1, seed: 1 }), {
      height: 64,
      width: 64,
      channels: 3,
    });
    const motion = motionMask(motionMaskOptions.parse({ type: 'motion' }));
    let hit = 0;
    let total = 0;
    for (const v of ds.train) {
      for (let i = 0; i < v.length; i++) {
        const objects = v.objects!(i);
        for (const o of objects) {
          const b = o.box;
          if (b.x0 <= 0 || b.y0 <= 0 || b.x1 >= 64 || b.y1 >= 64) continue;
          const near = objects.some((q) => q !== o && q.box.x1 + 2 > b.x0 && q.box.x0 < b.x1 + 2 && q.box.y1 + 2 > b.y0 && q.box.y0 < b.y1 + 2);
          if (near) continue;
          total++;
          if (motion.boxes(v, i).some((f) => boxIou(f, b) >= 0.5)) hit++;
        }
      }
    }
    expect(total).toBeGreaterThan(100);
    expect(hit / total).toBeGreaterThanOrEqual(0.9);
  });
});
