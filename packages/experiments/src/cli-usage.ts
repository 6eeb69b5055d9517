import { UserError } from '@vad/core';

/** The top-level `demandCommand` message; {@link usageMessage} rewrites it in the house form. */
export const noCommandMessage = 'vad: a command must be given';

/** A command-line problem found by vad itself (e.g. a number option that is not a number), before yargs' handler runs. */
export class UsageProblem extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageProblem';
  }
}

/** Where a usage problem is reported: the command path (`vad run`) and its usage line (`vad run <config>`). */
export interface UsageContext {
  /** The usage line yargs prints first in the command's help, e.g. `vad run <config>`. */
  readonly usage: string;
  /** The command line as given (without `node vad.js`). */
  readonly argv: readonly string[];
  /** Top-level command names, for "unknown command" messages. */
  readonly commands: readonly string[];
}

/** `vad run` from the usage line `vad run <config>` (every word before the first `<`/`[`). */
export function commandPath(usage: string): string {
  const words = usage.trim().split(/\s+/);
  const end = words.findIndex((w) => /^[<[]/.test(w));
  return words.slice(0, end < 0 ? words.length : end).join(' ') || 'vad';
}

const quote = (text: string): string => JSON.stringify(text);

function optionName(name: string, usage: string): string {
  return usage.includes(`<${name}>`) || usage.includes(`[${name}]`) ? `<${name}>` : `--${name}`;
}

const kebab = (name: string): string => name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

function unknownArguments(reported: string[], where: string, context: UsageContext): string {
  const top = where === 'vad';
  const names = reported.filter((name) => kebab(name) === name || !reported.includes(kebab(name))); // yargs also reports --foo-bar as fooBar
  const given = names.map((name) => {
    const token = context.argv.find((t) => t === name || t.replace(/^-+/, '').split('=')[0] === name);
    return token !== undefined && token.startsWith('-') ? token.split('=')[0] ?? token : name;
  });
  if (top && given.every((g) => !g.startsWith('-'))) {
    return `${where}: command must be one of ${context.commands.join(', ')}, but got ${given.map(quote).join(', ')}`;
  }
  const options = given.filter((g) => g.startsWith('-'));
  const extra = given.filter((g) => !g.startsWith('-'));
  const parts = [
    ...(options.length > 0 ? [`unknown option${options.length > 1 ? 's' : ''} ${options.join(', ')}`] : []),
    ...(extra.length > 0 ? [`extra argument${extra.length > 1 ? 's' : ''} ${extra.map(quote).join(', ')}`] : []),
  ];
  return `${where}: arguments must be the options listed by "${where} --help", but got ${parts.join(' and ')}`;
}

function invalidValues(message: string, where: string, usage: string): string {
  const lines = [...message.matchAll(/Argument: ([^,]+), Given: (.*?), Choices: (.*)$/gm)].map(([, name = '', given = '', choices = '']) => {
    const list = choices.split(/,\s*/).map((c) => c.replace(/^"(.*)"$/, '$1')).join(', ');
    return `${where}: ${optionName(name, usage)} must be one of ${list}, but got ${given}`;
  });
  return lines.length > 0 ? lines.join('\n') : `${where}: arguments must have valid values, but ${message.replace(/\s+/g, ' ')}`;
}

/**
 * Rewrites a yargs validation message (or a {@link UsageProblem}) into house-form lines, e.g.
 * `Unknown argument: sett` → `vad run: arguments must be the options listed by "vad run --help", but got unknown option --sett`.
 *
 * @example
 * usageMessage('Missing required argument: scores', { usage: 'vad metrics', argv: ['metrics'], commands: [] });
 * // => 'vad metrics: --scores must be given, but it is missing'
 */
export function usageMessage(message: string, context: UsageContext): string {
  const where = commandPath(context.usage);
  const unknown = /^Unknown arguments?: (.*)$/s.exec(message);
  if (unknown !== null) return unknownArguments((unknown[1] ?? '').split(/,\s*/), where, context);
  if (message.startsWith('Invalid values:')) return invalidValues(message, where, context.usage);
  const missing = /^Missing required arguments?: (.*)$/s.exec(message);
  if (missing !== null) {
    return (missing[1] ?? '').split(/,\s*/).map((name) => `${where}: ${optionName(name, context.usage)} must be given, but it is missing`).join('\n');
  }
  const notEnough = /^Not enough non-option arguments: got (\d+), need at least (\d+)/.exec(message);
  if (notEnough !== null) {
    const positionals = [...context.usage.matchAll(/<([^>]+)>/g)].map((m) => m[1] ?? '');
    const absent = positionals.slice(Number(notEnough[1]));
    if (absent.length === 0 || absent[0] === 'command') return `${where}: a sub-command must be given (see "${where} --help"), but got none`;
    return absent.map((name) => `${where}: <${name}> must be given, but it is missing`).join('\n');
  }
  if (message === noCommandMessage) return `vad: a command must be given (one of ${context.commands.join(', ')}), but got none`;
  const didYouMean = /^Did you mean (.+)\?$/.exec(message);
  if (didYouMean !== null) {
    const typed = context.argv.find((t) => !t.startsWith('-')) ?? '';
    return `vad: command must be one of ${context.commands.join(', ')}, but got ${quote(typed)} (did you mean ${didYouMean[1]}?)`;
  }
  if (message.startsWith(`${where}:`) || message.startsWith('vad')) return message;
  return `${where}: the command line must be valid, but ${message.replace(/\s+/g, ' ')}`;
}

/**
 * The user error for a bad command line: the house-form lines plus the command's usage hint. Exit 2.
 *
 * @example
 * usageError('Unknown argument: sett', { usage: 'vad run <config>', argv: ['run', 'a.yaml', '--sett'], commands: ['run'] }).message;
 * // => 'vad run: arguments must be the options listed by "vad run --help", but got unknown option --sett\nusage: vad run <config> [options]; see "vad run --help"'
 */
export function usageError(message: string, context: UsageContext): UserError {
  const where = commandPath(context.usage);
  const usage = context.usage.trim() === '' ? where : context.usage.trim();
  return new UserError(`${usageMessage(message, context)}\nusage: ${usage}${usage.includes('[options]') ? '' : ' [options]'}; see "${where} --help"`);
}

/**
 * Option values yargs accepts but misreads, as a {@link UsageProblem} naming the option as typed:
 * a number option that is not a number (yargs gives NaN for `--workers abc`) and a switch given a
 * value other than true/false (`--json=maybe` would silently be false); undefined when all are fine.
 *
 * @example
 * optionValueProblem({ workers: NaN }, ['run', 'a.yaml', '--workers', 'abc'], 'vad run'); // => UsageProblem('vad run: --workers must be a number, but got "abc"')
 */
export function optionValueProblem(parsed: Record<string, unknown>, argv: readonly string[], where: string): UsageProblem | undefined {
  for (const [i, token] of argv.entries()) {
    const match = /^--?([^=]+)(?:=(.*))?$/.exec(token);
    if (match === null) continue;
    const name = match[1] ?? '';
    const value = parsed[name];
    const nan = typeof value === 'number' ? Number.isNaN(value) : Array.isArray(value) && value.some((v) => typeof v === 'number' && Number.isNaN(v));
    if (nan) return new UsageProblem(`${where}: --${name} must be a number, but got ${quote(match[2] ?? argv[i + 1] ?? '')}`);
    if (typeof value === 'boolean' && match[2] !== undefined && !['true', 'false'].includes(match[2])) {
      return new UsageProblem(`${where}: --${name} must be a switch (--${name}, --no-${name} or =true/=false), but got ${quote(match[2])}`);
    }
  }
  return undefined;
}
