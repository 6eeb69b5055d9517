import { describeValue } from '@vad/core';
import type { z } from 'zod';

type Issue = z.core.$ZodIssue;

function valueAt(root: unknown, path: readonly PropertyKey[]): unknown {
  let value = root;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function article(expected: string): string {
  if (expected === 'int') return 'an integer';
  return /^[aeiou]/.test(expected) ? `an ${expected}` : `a ${expected}`;
}

function expectation(issue: Issue): string {
  switch (issue.code) {
    case 'invalid_type':
      return `must be ${article(String(issue.expected))}`;
    case 'too_small':
    case 'too_big': {
      const bound = issue.code === 'too_small' ? issue.minimum : issue.maximum;
      const sign = issue.code === 'too_small' ? (issue.inclusive ? '≥' : '>') : issue.inclusive ? '≤' : '<';
      if (issue.origin === 'array') return `must have ${issue.code === 'too_small' ? 'at least' : 'at most'} ${String(bound)} item(s)`;
      return `must be ${sign} ${String(bound)}`;
    }
    case 'invalid_value':
      return `must be one of ${issue.values.map((v) => JSON.stringify(v)).join(', ')}`;
    case 'custom':
      return issue.message.startsWith('must') ? issue.message : `must be valid (${issue.message})`;
    default:
      return `must be valid (${issue.message})`;
  }
}

/**
 * Turns zod issues into one house-style line each: `<where>.<dotted path> must be …, but got …`,
 * or `<where>.<key>: unknown key; allowed: …` for keys a strict schema does not know.
 *
 * @example
 * formatOptionIssues('simulator', { alpha: 2 }, issues, ['alpha', 'p']);
 * // => ['simulator.alpha must be ≤ 1, but got 2']
 */
export function formatOptionIssues(
  where: string,
  input: unknown,
  issues: readonly Issue[],
  allowedKeys: readonly string[] = [],
): string[] {
  return issues.flatMap((issue) => {
    const at = [where, ...issue.path.map(String)].join('.');
    if (issue.code === 'unrecognized_keys') {
      const allowed = issue.path.length === 0 && allowedKeys.length > 0 ? `; allowed: ${allowedKeys.join(', ')}` : '';
      return issue.keys.map((key) => `${at}.${key}: unknown key${allowed}`);
    }
    return [`${at} ${expectation(issue)}, but got ${describeValue(valueAt(input, issue.path))}`];
  });
}
