import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { defineSimulator } from './define-simulator';

const create = () => ({ type: 'noop', simulate: () => { throw new Error('not called'); } });

describe('defineSimulator', () => {
  it('keeps a schema that carries its type literal', () => {
    const options = z.strictObject({ type: z.literal('noop'), p: z.number().default(1) });
    expect(defineSimulator({ type: 'noop', description: 'does nothing', options, create }).options).toBe(options);
  });

  it('prepends `type` to an older type-less object schema, keeping strictness and defaults', () => {
    const spec = defineSimulator({ type: 'noop', description: 'does nothing', options: z.strictObject({ p: z.number().default(1) }), create });
    expect(spec.options.parse({ type: 'noop' })).toEqual({ type: 'noop', p: 1 });
    expect(Object.keys(spec.options.parse({ type: 'noop' }))).toEqual(['type', 'p']);
    expect(spec.options.safeParse({ type: 'noop', q: 1 }).success).toBe(false);
    expect(spec.options.safeParse({ type: 'other' }).success).toBe(false);
  });
});
