import { describe, expect, it } from 'vitest';
import { createRng, restoreRng } from './rng';

describe('createRng', () => {
  it('is deterministic per seed and differs across seeds', () => {
    const a = createRng(7);
    const b = createRng('7');
    const c = createRng(8);
    const xs = [a.next(), a.next(), a.next()];
    expect([b.next(), b.next(), b.next()]).toEqual(xs);
    expect([c.next(), c.next(), c.next()]).not.toEqual(xs);
    for (const x of xs) expect(x >= 0 && x < 1).toBe(true);
  });

  it('forks independent streams that do not depend on the parent position', () => {
    const a = createRng(1);
    const f1 = a.fork('noise').next();
    a.next();
    a.next();
    expect(a.fork('noise').next()).toBe(f1);
    expect(a.fork('shuffle').next()).not.toBe(f1);
  });

  it('restores state exactly', () => {
    const a = createRng(3);
    a.next();
    const saved = JSON.parse(JSON.stringify(a.state()));
    const expected = [a.next(), a.int(100), a.nextSeed()];
    const b = restoreRng(saved);
    expect([b.next(), b.int(100), b.nextSeed()]).toEqual(expected);
  });

  it('draws integers, seeds and normals in range', () => {
    const r = createRng(11);
    let sum = 0;
    let sq = 0;
    const n = 20000;
    for (let i = 0; i < n; i++) {
      const k = r.int(5);
      expect(Number.isInteger(k) && k >= 0 && k < 5).toBe(true);
      const z = r.normal();
      sum += z;
      sq += z * z;
    }
    expect(Math.abs(sum / n)).toBeLessThan(0.05);
    expect(Math.abs(sq / n - 1)).toBeLessThan(0.05);
    const s = r.nextSeed();
    expect(Number.isInteger(s) && s >= 0 && s < 2 ** 31).toBe(true);
    expect(() => r.int(0)).toThrow(/Rng.int\(n\): n must be a positive integer, but got 0/);
  });

  it('shuffles as a permutation', () => {
    const items = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = createRng(5).shuffle([...items]);
    expect([...out].sort((x, y) => x - y)).toEqual(items);
    expect(createRng(5).shuffle([...items])).toEqual(out);
  });
});
