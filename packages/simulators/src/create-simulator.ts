import { describeValue, formatIssues, renderProblem } from '@vad/contracts';
import { UserError } from '@vad/core';
import type { Simulator } from '@vad/core';
import type { CreateContext, SimulatorSpec } from './define-simulator';
import { simulatorRegistry } from './registry';

/** Where a config came from and which extra (plugin) specs may be named by its `type`s. */
export interface CreateSimulatorOptions {
  /** Prefix of every error message, e.g. `configs/a.yaml: simulator`; default `simulator`. */
  readonly where?: string;
  /** Extra specs by the exact `type` string used in the config (plugin paths or package names). */
  readonly plugins?: Readonly<Record<string, SimulatorSpec>>;
}

/** A config checked against its spec: the spec and its fully defaulted options. */
export interface ParsedSimulatorConfig {
  readonly spec: SimulatorSpec;
  readonly options: unknown;
}

function lookup(type: string, plugins: Readonly<Record<string, SimulatorSpec>>): SimulatorSpec | undefined {
  if (Object.hasOwn(plugins, type)) return plugins[type];
  return Object.hasOwn(simulatorRegistry, type) ? simulatorRegistry[type as keyof typeof simulatorRegistry] : undefined;
}

/**
 * Validates `{ type, …options }` in two steps (house style §6.6): the type must name a built-in or a
 * given plugin; then the rest must pass that spec's strict schema. All issues are reported at once, worded
 * by the one formatter of `@vad/contracts` (as the config loader words them, without the file).
 *
 * @throws UserError `simulator.type: unknown simulator "perlin_noise"; known: duplicate-frames, …`
 * @throws UserError one line per option issue, e.g. `simulator.alpha must be a number in [0, 1], but got 2`
 */
export function parseSimulatorConfig(config: unknown, options: CreateSimulatorOptions = {}): ParsedSimulatorConfig {
  const where = options.where ?? 'simulator';
  const plugins = options.plugins ?? {};
  if (config === null || typeof config !== 'object' || Array.isArray(config)) {
    throw new UserError(`${where} must be an object {type, …options}, but got ${describeValue(config)}`);
  }
  const { type, ...rest } = config as Record<string, unknown>;
  if (typeof type !== 'string') {
    throw new UserError(`${where}.type must be a string naming a simulator, but got ${describeValue(type)}`);
  }
  const spec = lookup(type, plugins);
  if (spec === undefined) {
    const known = [...Object.keys(simulatorRegistry), ...Object.keys(plugins)].sort().join(', ');
    throw new UserError(`${where}.type: unknown simulator ${JSON.stringify(type)}; known: ${known}`);
  }
  // The schema's `type` literal is the spec's own name (a plugin's config `type` is its path or package).
  const section = { ...rest, type: spec.type };
  const parsed = spec.options.safeParse(section);
  if (!parsed.success) {
    const problems = formatIssues([where], spec.options, section, parsed.error.issues);
    throw new UserError(problems.map((p) => renderProblem(p.path, p.message)).join('\n'));
  }
  return { spec, options: parsed.data };
}

/**
 * Builds a simulator from `{ type, …options }` (the YAML `simulator:` section).
 *
 * @example
 * const noise = createSimulator({ type: 'weighted-noise' }); // uniform noise, p = 1
 * createSimulator({ type: 'random-patch', alpha: 2 });
 * // throws UserError: simulator.alpha must be a number in [0, 1], but got 2
 */
export function createSimulator(config: unknown, options: CreateSimulatorOptions = {}): Simulator {
  return buildSimulator(parseSimulatorConfig(config, options), options);
}

/**
 * Builds a simulator from a config ALREADY checked against its spec (by {@link parseSimulatorConfig}
 * or the config loader): no second validation of that section. Nested simulators (a `mixture`'s
 * components) are validated when they are built, with `where` naming their place.
 *
 * @example
 * buildSimulator({ spec: weightedNoise, options: weightedNoiseOptions.parse({ type: 'weighted-noise' }) });
 */
export function buildSimulator(parsed: ParsedSimulatorConfig, options: CreateSimulatorOptions = {}): Simulator {
  const context: CreateContext = {
    build: (child, path) => createSimulator(child, { ...options, where: `${options.where ?? 'simulator'}.${path}` }),
  };
  return parsed.spec.create(parsed.options, context);
}
