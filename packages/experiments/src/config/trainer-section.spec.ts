import { describe, expect, it } from 'vitest';
import { parseSection } from './plugin-section';
import { trainerSectionSchema } from './trainer-section';

describe('trainer section', () => {
  it("is core's trainer options plus the runner's threads (absent unless given)", () => {
    const parsed = parseSection<Record<string, unknown>>('x.yaml', 'trainer', trainerSectionSchema, { threads: 2 });
    expect(parsed).toMatchObject({ ok: true, value: { epochs: 10, batchSize: 10, threads: 2 } });
    expect(Object.keys(trainerSectionSchema.shape).at(-1)).toBe('threads'); // resolved configs keep their key order (trial ids unchanged)
    const plain = parseSection<Record<string, unknown>>('x.yaml', 'trainer', trainerSectionSchema, {});
    expect(plain.ok && 'threads' in plain.value).toBe(false);
  });

  it('rejects a thread count that is not a positive integer', () => {
    for (const threads of [0, 1.5]) {
      expect(parseSection('x.yaml', 'trainer', trainerSectionSchema, { threads })).toEqual({
        ok: false,
        problems: [{ file: 'x.yaml', path: 'trainer.threads', message: `must be a positive integer, but got ${threads}` }],
      });
    }
  });
});
