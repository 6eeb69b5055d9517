import type { z } from 'zod';
import { describeValue } from '@vad/core';
import type { ConfigProblem } from './config-error';
import { allowedKeys, describeExpected, inputJsonSchema, schemaAt } from './describe-schema';

type Path = readonly PropertyKey[];

/** Dotted rendering of a path: `['trainer', 'epochs']` → `trainer.epochs`, indices as `[2]`. */
export function dottedPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/** The raw input value at `path`, or undefined. */
export function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

function withPrefix(prefix: Path, path: Path): string {
  return dottedPath([...prefix, ...path]);
}

/** Keeps messages a schema author wrote in the house form (`must …`); zod's defaults are rephrased. */
function authored(message: string): boolean {
  return /^(must|should) /.test(message);
}

/**
 * Turns zod issues into house-form problems. What was expected is read from the schema itself (via its
 * JSON Schema), what was got from the raw input, so every plugin's schema gets the same wording.
 *
 * @example
 * // trainer schema has epochs: z.number().int().positive(); input { epochs: -5 }
 * formatIssues(file, ['trainer'], schema, input, issues)
 * // => [{ file, path: 'trainer.epochs', message: 'must be a positive integer, but got -5' }]
 */
export function formatIssues(
  file: string,
  prefix: Path,
  schema: z.ZodType,
  input: unknown,
  issues: readonly z.core.$ZodIssue[],
): ConfigProblem[] {
  const json = inputJsonSchema(schema);
  const problems: ConfigProblem[] = [];
  for (const issue of issues) {
    const node = schemaAt(json, issue.path as Path);
    const got = valueAt(input, issue.path as Path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(node).join(', ');
      for (const key of issue.keys) {
        problems.push({ file, path: withPrefix(prefix, [...(issue.path as Path), key]), message: `unknown key; allowed: ${allowed}` });
      }
      continue;
    }
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      const options = (issue.options as unknown[]).map((o) => JSON.stringify(o)).join(', ');
      problems.push({ file, path: withPrefix(prefix, issue.path as Path), message: `must be one of ${options}, but got ${describeValue(got)}` });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((branch) => branch.length > 0)) {
      // Report the branch that got furthest (the one with the fewest issues), rather than every branch.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      const sameShape = best.every((sub) => sub.code !== 'invalid_type' || sub.path.length > 0);
      if (sameShape && best.length > 0) {
        problems.push(...formatIssues(file, prefix, schema, input, best.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] }))));
        continue;
      }
    }
    const path = withPrefix(prefix, issue.path as Path);
    const expected = authored(issue.message) ? undefined : describeExpected(node);
    const message = authored(issue.message)
      ? issue.message.includes(', but ') ? issue.message : `${issue.message}, but got ${describeValue(got)}`
      : got === undefined && issue.code === 'invalid_type'
        ? `must be ${expected ?? String(issue.expected)}, but it is missing`
        : `must be ${expected ?? issue.message.replace(/^Invalid input: /, '')}, but got ${describeValue(got)}`;
    problems.push({ file, path, message });
  }
  return problems;
}
