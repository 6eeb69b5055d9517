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
  const joiner = /^(must|should) /.test(problem.message) ? ' ' : ': ';
  return `${problem.file}: ${problem.path}${joiner}${problem.message}`;
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
