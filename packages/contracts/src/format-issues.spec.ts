import { z } from 'zod';
import { describe, expect, it } from 'vitest';
import { describeExpected, inputJsonSchema } from './describe-schema';
import { describeValue } from './describe-value';
import { dottedPath, formatIssues, renderProblem, valueAt } from './format-issues';

/** The problems of `input` under `schema`, rendered as lines (`path must …` / `path: …`). */
function lines(prefix: readonly PropertyKey[], schema: z.ZodType, input: unknown): string[] {
  const result = schema.safeParse(input);
  if (result.success) return [];
  return formatIssues(prefix, schema, input, result.error.issues).map((p) => renderProblem(p.path, p.message));
}

const trainer = z.strictObject({
  epochs: z.number().int().positive().default(10),
  lr: z.number().positive().default(0.01),
  mode: z.enum(['drop', 'replicate']).default('drop'),
  decay: z.strictObject({ every: z.number().gt(0).lte(1).default(0.8) }).default({ every: 0.8 }),
  strides: z.array(z.number().int().min(2)).min(1).default([2]),
  name: z.string().min(1),
  size: z.number().refine((v) => v % 16 === 0, { message: 'must be a multiple of 16' }).default(64),
});

describe('formatIssues', () => {
  it('words every issue from the schema and the raw input, all at once', () => {
    const input = { epochs: -5, lr: 'big', mode: 'ratio', decay: { every: 2, gamma: 1 }, strides: [3, 1], size: 30, colour: 'red' };
    expect(lines(['trainer'], trainer, input).sort()).toEqual(
      [
        'trainer.epochs must be a positive integer, but got -5',
        'trainer.lr must be a positive number, but got "big"',
        'trainer.mode must be one of "drop", "replicate", but got "ratio"',
        'trainer.decay.every must be a number in (0, 1], but got 2',
        'trainer.decay.gamma: unknown key; allowed: every',
        'trainer.strides[1] must be an integer ≥ 2, but got 1',
        'trainer.name must be a non-empty string, but it is missing',
        'trainer.size must be a multiple of 16, but got 30', // an authored `must …` message is kept
        'trainer.colour: unknown key; allowed: epochs, lr, mode, decay, strides, name, size',
      ].sort(),
    );
  });

  it('keeps an authored message that already says what it got, and reports the closest union branch', () => {
    const schema = z.strictObject({ k: z.number().superRefine((v, ctx) => ctx.addIssue({ code: 'custom', message: `must be odd, but got the even ${v}` })) });
    expect(lines([], schema, { k: 4 })).toEqual(['k must be odd, but got the even 4']);
    const union = z.union([z.strictObject({ type: z.literal('a'), n: z.number().int().positive() }), z.strictObject({ type: z.literal('b') })]);
    expect(lines(['model'], union, { type: 'a', n: 1.5 })).toEqual(['model.n must be a positive integer, but got 1.5']);
  });

  it('asks the schema itself for its JSON Schema; without one, the wording falls back to zod\'s message', () => {
    expect(inputJsonSchema(z.number().int().positive())).toMatchObject({ type: 'integer', exclusiveMinimum: 0 });
    expect(inputJsonSchema({} as z.ZodType)).toEqual({}); // no toJSONSchema method (not a zod 4 schema)
    const result = z.number().safeParse('x');
    const [problem] = formatIssues(['k'], {} as z.ZodType, 'x', result.error?.issues ?? []);
    expect(problem?.path).toBe('k');
    expect(problem?.message).toMatch(/^must be .*number.*, but got "x"$/);
  });
});

describe('helpers', () => {
  it('renders paths, values and expectations', () => {
    expect(dottedPath(['simulator', 'components', 0, 'probability'])).toBe('simulator.components[0].probability');
    expect(valueAt({ a: { b: [5, 6] } }, ['a', 'b', 1])).toBe(6);
    expect(valueAt({ a: 1 }, ['a', 'b'])).toBeUndefined();
    expect(describeExpected({ type: 'integer', exclusiveMinimum: 0 })).toBe('a positive integer');
    expect(describeExpected({ type: 'number', minimum: 0, maximum: 1 })).toBe('a number in [0, 1]');
    expect(describeExpected({ type: 'boolean' })).toBe('true or false');
    expect(describeValue('big')).toBe('"big"');
    expect(describeValue([1, 2, 3])).toBe('array of length 3');
    expect(describeValue({ text: 'x'.repeat(100) })).toMatch(/^\{"text":"x+\.\.\.$/);
    expect(renderProblem('trainer.epochs', 'must be a positive integer, but got 0')).toBe('trainer.epochs must be a positive integer, but got 0');
    expect(renderProblem('trainer.epoch', 'unknown key; allowed: epochs')).toBe('trainer.epoch: unknown key; allowed: epochs');
  });
});
