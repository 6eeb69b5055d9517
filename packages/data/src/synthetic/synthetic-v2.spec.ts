import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import type { Dataset } from '../types';
import { createSyntheticDataset } from './synthetic-dataset';
import { anomalyKinds, syntheticOptionsSchema } from './synthetic-options';

const parse = (extra: object = {}) => syntheticOptionsSchema.parse({ length: 32, trainVideos: 1, testVideos: 8, ...extra });
const rgb = (size: number) => ({ height: size, width: size, channels: 3 as const });

function fingerprint(ds: Dataset): string {
  const h = createHash('sha256');
  for (const v of [...ds.train, ...ds.test]) for (let i = 0; i < v.length; i++) (h.update(v.frameBytes(i)), h.update(JSON.stringify(v.objects!(i))));
  for (const v of ds.test) {
    h.update(v.labels);
    for (let i = 0; i < v.length; i++) h.update(v.pixelMask!(i));
  }
  return h.digest('hex').slice(0, 16);
}

/** Mean absolute difference between horizontally and vertically adjacent pixels of a [H, W, 3] frame. */
function roughness(frame: Uint8Array, size: number): number {
  let sum = 0;
  for (let y = 0; y < size - 1; y++) {
    for (let x = 0; x < size - 1; x++) {
      for (let c = 0; c < 3; c++) {
        const p = frame[(y * size + x) * 3 + c]!;
        sum += Math.abs(p - frame[(y * size + x + 1) * 3 + c]!) + Math.abs(p - frame[((y + 1) * size + x) * 3 + c]!);
      }
    }
  }
  return sum / ((size - 1) * (size - 1) * 6);
}

describe('synthetic benchmark, version 2', () => {
  it('is the default, names its version and is deterministic per seed', () => {
    const a = createSyntheticDataset(parse({ seed: 3 }), rgb(32));
    expect(a.name).toBe('synthetic-v2');
    expect(fingerprint(a)).toBe(fingerprint(createSyntheticDataset(parse({ seed: 3 }), rgb(32))));
    expect(fingerprint(a)).not.toBe(fingerprint(createSyntheticDataset(parse({ seed: 4 }), rgb(32))));
  });

  it('keeps version 1 bit for bit (frames, boxes, labels, masks of the generator before version 2)', () => {
    // hash computed with the generator as it was before version 2 existed (commit 1a50b0c)
    const v1 = createSyntheticDataset(syntheticOptionsSchema.parse({ version: 1, length: 40, trainVideos: 2, testVideos: 3, scenes: 2 }), rgb(32));
    expect(v1.name).toBe('synthetic');
    expect(fingerprint(v1)).toBe('7062c391a72145da');
  });

  it('labels, masks and kinds agree on every test frame, and the kinds are balanced', () => {
    const ds = createSyntheticDataset(parse({ testVideos: 16, length: 40 }), rgb(32));
    const events = new Map<string, number>();
    for (const v of ds.test) {
      const seen = new Set<string>();
      for (let i = 0; i < v.length; i++) {
        const kinds = v.kinds![i]!;
        const masked = v.pixelMask!(i).some((m) => m === 1);
        expect([v.labels[i], kinds.length > 0]).toEqual([masked ? 1 : 0, masked]);
        kinds.forEach((k) => seen.add(k));
      }
      expect(seen.size).toBeLessThanOrEqual(1); // one event per video
      seen.forEach((k) => events.set(k, (events.get(k) ?? 0) + 1));
    }
    // 16 events over 8 kinds: each kind drawn twice (an event may leave no visible frame)
    expect([...events.keys()].every((k) => (anomalyKinds as readonly string[]).includes(k))).toBe(true);
    expect(events.size).toBeGreaterThanOrEqual(7);
    expect(Math.max(...events.values())).toBeLessThanOrEqual(2);
  });

  it.each(anomalyKinds.map((k) => [k]))('produces %s events when asked', (kind) => {
    const ds = createSyntheticDataset(parse({ testVideos: 3, length: 48, anomalies: [kind] }), rgb(32));
    const kinds = new Set(ds.test.flatMap((v) => v.kinds!.flat()));
    expect([...kinds]).toEqual([kind]);
  });

  it('makes a kind easier with a lower per-kind difficulty (vehicle size)', () => {
    const pixels = (d: number): number => {
      const ds = createSyntheticDataset(parse({ testVideos: 4, anomalies: ['vehicle'], difficulty: { vehicle: d } }), rgb(32));
      let sum = 0;
      let frames = 0;
      for (const v of ds.test) for (let i = 0; i < v.length; i++) if (v.labels[i]) (frames++, (sum += v.pixelMask!(i).reduce((s, m) => s + m, 0)));
      return sum / frames;
    };
    expect(pixels(0)).toBeGreaterThan(1.5 * pixels(1));
  });

  it('renders a smoother background than version 1 (what a small autoencoder can learn)', () => {
    const empty = { density: 0.01, length: 16, testVideos: 1 };
    const v2 = createSyntheticDataset(parse({ ...empty, noise: 0 }), rgb(64));
    const v1 = createSyntheticDataset(syntheticOptionsSchema.parse({ version: 1, ...empty, trainVideos: 1, noise: 0 }), rgb(64));
    expect(roughness(v2.train[0]!.frameBytes(0), 64)).toBeLessThan(0.5 * roughness(v1.train[0]!.frameBytes(0), 64));
  });

  it('switches each nuisance separately: none moves a pixel of an empty static scene, each changes only what it should', () => {
    const quiet = { density: 0.01, length: 16, testVideos: 1, noise: 0 };
    const still = createSyntheticDataset(parse(quiet), rgb(32)).train[0]!;
    expect(Array.from(still.frameBytes(9))).toEqual(Array.from(still.frameBytes(3))); // no noise, drift or jitter: frozen
    const drift = createSyntheticDataset(parse({ ...quiet, drift: 0.2 }), rgb(32)).train[0]!;
    const mean = (f: Uint8Array): number => f.reduce((s, v) => s + v, 0) / f.length;
    const means = [0, 5, 10, 15].map((i) => mean(drift.frameBytes(i)));
    expect(Math.max(...means) - Math.min(...means)).toBeGreaterThan(1); // the gain moves slowly …
    const shaken = createSyntheticDataset(parse({ ...quiet, jitter: 1 }), rgb(32)).train[0]!;
    expect(Array.from(shaken.frameBytes(9))).not.toEqual(Array.from(shaken.frameBytes(3))); // … the camera shakes
    const noisy = createSyntheticDataset(parse({ testVideos: 2, noise: 0.05 }), rgb(32));
    const clean = createSyntheticDataset(parse({ testVideos: 2, noise: 0 }), rgb(32));
    expect(noisy.test.map((v) => Array.from(v.labels))).toEqual(clean.test.map((v) => Array.from(v.labels))); // noise leaves the events alone
  });

  it('generates any size from 32² to 256² with the same events', () => {
    const small = createSyntheticDataset(parse({ testVideos: 1, length: 16, trainVideos: 1 }), rgb(32));
    const large = createSyntheticDataset(parse({ testVideos: 1, length: 16, trainVideos: 1 }), rgb(256));
    expect([large.test[0]!.frameBytes(0).length, small.test[0]!.frameBytes(0).length]).toEqual([256 * 256 * 3, 32 * 32 * 3]);
    const ids = new Set(large.test[0]!.objects!(8).map((o) => o.id)); // the same plan: what is visible at 32² is there at 256²
    expect(small.test[0]!.objects!(8).every((o) => ids.has(o.id))).toBe(true);
    expect(small.test[0]!.objects!(8).length).toBeGreaterThan(0);
  });

  it('rejects version-2 options with version 1, naming each', () => {
    const result = syntheticOptionsSchema.safeParse({ version: 1, anomalies: ['running'], difficulty: { vehicle: 0.2 }, drift: 0.1 });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => `${i.path.join('.')} ${i.message}`);
    expect(messages).toEqual([
      'anomalies.0 must be a version-1 kind (fast-mover, vehicle, wrong-way, erratic, foreign-object, loitering), but got "running" (a version-2 kind)',
      'difficulty must be one number with version 1, but got a per-kind mapping (a version-2 option)',
      'drift must be 0 with version 1, but got 0.1 (a version-2 option)',
    ]);
  });
});
