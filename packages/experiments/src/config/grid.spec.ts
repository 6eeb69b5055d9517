import { describe, expect, it } from 'vitest';
import { configHash } from './config-hash';
import { expandGrid, valueLabel } from './grid';
import { mergeConfig, setDotted } from './merge';

describe('expandGrid', () => {
  it('takes the cartesian product, first key slowest, seeds left out', () => {
    const points = expandGrid({ 'schedule.type': ['none', 'static'], 'trainer.lr': [0.01, 0.001], seed: [1, 2] });
    expect(points.map((p) => p.label)).toEqual(['none_0.01', 'none_0.001', 'static_0.01', 'static_0.001']);
    expect(points[1]?.assignment).toEqual({ 'schedule.type': 'none', 'trainer.lr': 0.001 });
    expect(expandGrid({})).toEqual([{ assignment: {}, label: '' }]);
  });

  it('labels sections by type and short options, long ones by a hash', () => {
    expect(valueLabel({ type: 'static', sigma: 0.3 })).toBe('static-sigma0.3');
    expect(valueLabel({ type: 'mixture', components: [{ type: 'perlin' }] })).toMatch(/^mixture~[0-9a-f]{4}$/);
    expect(valueLabel([3, 5])).toBe('3+5');
  });
});

describe('merge helpers', () => {
  it('deep-merges mappings, replaces lists, and replaces a section whose type changes', () => {
    expect(mergeConfig({ a: { b: 1, c: [1, 2] } }, { a: { c: [3] } })).toEqual({ a: { b: 1, c: [3] } });
    expect(mergeConfig({ s: { type: 'static', sigma: 0.5 } }, { s: { type: 'learned' } })).toEqual({ s: { type: 'learned' } });
    expect(setDotted({ trainer: { epochs: 2, lr: 1 } }, 'trainer.epochs', 5)).toEqual({ trainer: { epochs: 5, lr: 1 } });
    expect(setDotted({}, 'data.synthetic.length', 40)).toEqual({ data: { synthetic: { length: 40 } } });
    expect(setDotted({ grid: { a: [1] }, seed: 1 }, 'grid', null)).toEqual({ seed: 1 });
  });

  it('hashes configs independently of key order', () => {
    expect(configHash({ b: 1, a: { d: 2, c: 3 } })).toBe(configHash({ a: { c: 3, d: 2 }, b: 1 }));
    expect(configHash({ a: 1 })).not.toBe(configHash({ a: 2 }));
    expect(configHash({ a: 1 })).toMatch(/^[0-9a-f]{8}$/);
  });
});
