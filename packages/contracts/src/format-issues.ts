import type { z } from 'zod';
import { describeValue } from './describe-value';
import { allowedKeys, describeExpected, inputJsonSchema, schemaAt } from './describe-schema';

type Path = readonly PropertyKey[];

/** One formatted issue: the dotted path of the field and the house-form sentence about it. */
export interface IssueProblem {
  /** Dotted path such as `trainer.epochs` (the prefix included); indices as `[2]`. */
  readonly path: string;
  /** The sentence after the path, e.g. `must be a positive integer, but got -5`. */
  readonly message: string;
}

/**
 * Dotted rendering of a path, indices in brackets.
 *
 * @example
 * dottedPath(['trainer', 'epochs']); // => 'trainer.epochs'
 * dottedPath(['simulator', 'components', 0, 'probability']); // => 'simulator.components[0].probability'
 */
export function dottedPath(path: Path): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : `${index === 0 ? '' : '.'}${String(key)}`))
    .join('');
}

/**
 * The raw input value at `path`, or undefined.
 *
 * @example
 * valueAt({ lrDecay: { every: 2 } }, ['lrDecay', 'every']); // => 2
 */
export function valueAt(input: unknown, path: Path): unknown {
  let value = input;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key as string];
  }
  return value;
}

/** Keeps messages a schema author wrote in the house form (`must …`); zod's defaults are rephrased. */
function authored(message: string): boolean {
  return /^(must|should) /.test(message);
}

/**
 * One line in the house form: `<field> must …` when the message is a `must`/`should` sentence,
 * `<field>: <message>` otherwise (e.g. `unknown key; allowed: …`).
 *
 * @example
 * renderProblem('trainer.epochs', 'must be a positive integer, but got 0'); // => 'trainer.epochs must be a positive integer, but got 0'
 * renderProblem('trainer.epoch', 'unknown key; allowed: epochs'); // => 'trainer.epoch: unknown key; allowed: epochs'
 */
export function renderProblem(field: string, message: string): string {
  return `${field}${authored(message) ? ' ' : ': '}${message}`;
}

/**
 * Turns zod issues into house-form problems — the ONE formatter behind every option and config error.
 * What was expected is read from the schema itself (via its JSON Schema), what was got from the raw
 * input, so every plugin's schema gets the same wording; messages a schema author wrote as `must …`
 * are kept. Every issue is reported (unknown keys one problem per key).
 *
 * @example
 * // schema: z.strictObject({ epochs: z.number().int().positive() }); input { epochs: -5 }
 * formatIssues(['trainer'], schema, input, schema.safeParse(input).error.issues);
 * // => [{ path: 'trainer.epochs', message: 'must be a positive integer, but got -5' }]
 */
export function formatIssues(prefix: Path, schema: z.ZodType, input: unknown, issues: readonly z.core.$ZodIssue[]): IssueProblem[] {
  const json = inputJsonSchema(schema);
  const at = (path: Path): string => dottedPath([...prefix, ...path]);
  const problems: IssueProblem[] = [];
  for (const issue of issues) {
    const node = schemaAt(json, issue.path as Path);
    const got = valueAt(input, issue.path as Path);
    if (issue.code === 'unrecognized_keys') {
      const allowed = allowedKeys(node).join(', ');
      for (const key of issue.keys) problems.push({ path: at([...(issue.path as Path), key]), message: `unknown key; allowed: ${allowed}` });
      continue;
    }
    if (issue.code === 'invalid_union' && 'options' in issue && Array.isArray(issue.options)) {
      const options = (issue.options as unknown[]).map((o) => JSON.stringify(o)).join(', ');
      problems.push({ path: at(issue.path as Path), message: `must be one of ${options}, but got ${describeValue(got)}` });
      continue;
    }
    if (issue.code === 'invalid_union' && issue.errors.length > 0 && issue.errors.every((branch) => branch.length > 0)) {
      // Report the branch that got furthest (the one with the fewest issues), rather than every branch.
      const best = [...issue.errors].sort((a, b) => a.length - b.length)[0] ?? [];
      const sameShape = best.every((sub) => sub.code !== 'invalid_type' || sub.path.length > 0);
      if (sameShape && best.length > 0) {
        problems.push(...formatIssues(prefix, schema, input, best.map((sub) => ({ ...sub, path: [...issue.path, ...sub.path] }))));
        continue;
      }
    }
    const expected = authored(issue.message) ? undefined : describeExpected(node);
    const message = authored(issue.message)
      ? issue.message.includes(', but ') ? issue.message : `${issue.message}, but got ${describeValue(got)}`
      : got === undefined && issue.code === 'invalid_type'
        ? `must be ${expected ?? String(issue.expected)}, but it is missing`
        : `must be ${expected ?? issue.message.replace(/^Invalid input: /, '')}, but got ${describeValue(got)}`;
    problems.push({ path: at(issue.path as Path), message });
  }
  return problems;
}
