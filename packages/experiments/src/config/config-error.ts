import type { z } from 'zod';
import { formatIssues, renderProblem } from '@vad/contracts';
import { UserError } from '@vad/core';

/** One problem found in a config: the file, the dotted path inside it, and the house-form text. */
export interface ConfigProblem {
  readonly file: string;
  /** Dotted path such as `trainer.epochs`; empty for whole-file problems (syntax, missing file). */
  readonly path: string;
  /** The sentence after the path, e.g. `must be a positive integer, but got -5`. */
  readonly message: string;
}

/** Renders one problem as `file: path: message` or `file: path must …` (the house form). */
export function formatProblem(problem: ConfigProblem): string {
  if (problem.path === '') return `${problem.file}: ${problem.message}`;
  return `${problem.file}: ${renderProblem(problem.path, problem.message)}`;
}

/**
 * zod issues as problems of `file`: the one formatter of `@vad/contracts` (which the packages' own
 * option errors use too), each problem tagged with the file.
 *
 * @example
 * // trainer schema has epochs: z.number().int().positive(); input { epochs: -5 }
 * configProblems('x.yaml', ['trainer'], schema, input, issues);
 * // => [{ file: 'x.yaml', path: 'trainer.epochs', message: 'must be a positive integer, but got -5' }]
 */
export function configProblems(file: string, prefix: readonly PropertyKey[], schema: z.ZodType, input: unknown, issues: readonly z.core.$ZodIssue[]): ConfigProblem[] {
  return formatIssues(prefix, schema, input, issues).map((problem) => ({ file, ...problem }));
}

/**
 * Every problem of a config at once, one per line. A {@link UserError}: the CLI prints the message
 * without a stack trace and exits with code 2.
 *
 * @example
 * new ConfigError([{ file: 'configs/x.yaml', path: 'trainer.epochs', message: 'must be a positive integer, but got -5' }]).message
 * // => 'configs/x.yaml: trainer.epochs must be a positive integer, but got -5'
 */
export class ConfigError extends UserError {
  readonly problems: readonly ConfigProblem[];
  /** The first problem's file and path (the house error fields). */
  readonly file: string;
  readonly path: string;

  constructor(problems: readonly ConfigProblem[]) {
    if (problems.length === 0) throw new Error('ConfigError(problems) must list at least one problem, but got 0');
    super(problems.map(formatProblem).join('\n'), 2);
    this.name = 'ConfigError';
    this.problems = problems;
    this.file = problems[0]?.file ?? '';
    this.path = problems[0]?.path ?? '';
  }
}
