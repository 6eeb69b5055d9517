import { dirname, join, resolve } from 'node:path';
import type { EvaluationProtocol } from '@vad/metrics';
import type { TrialConfig } from '../config/experiment-config';
import type { EvaluationConfig } from '../config/validate-sections';
import { ConfigError, type ConfigProblem } from '../config/config-error';
import { crossCheckProblems } from '../config/cross-checks';
import { resolveInputPaths } from '../config/input-paths';
import { sectionSchemas } from '../config/catalogs';
import { mergeConfig } from '../config/merge';
import { applyOverrides, parseOverrides } from '../config/overrides';
import { parseSection } from '../config/plugin-section';
import { readYamlFile } from '../config/read-yaml';
import { evaluationRunnerKeys, evaluationRunnerSchema } from '../config/own-sections';
import { writeJsonAtomic, type DataConfig } from '@vad/data';
import { checkOutputDir, prepareOutputDir } from '../io/output-path';
import { trialDataProblems } from './check-trial-data';
import { withRunLock } from './run-lock';
import { openTrialData } from './open-trial-data';
import { evaluateTrial, type TrialEvaluation } from './evaluate-trial';
import { loadTrained } from './load-trained';

/** Options of {@link evalRun}. */
export interface EvalRunOptions {
  /** YAML file with a `data:` section (or a bare data mapping) replacing keys of the trial's data. */
  readonly data?: string;
  /** `--set data.…=…` / `--set evaluation.…=…` overrides. */
  readonly set?: readonly string[];
  /** Output folder (default `<trialDir>/eval`). */
  readonly out?: string;
  readonly log: (line: string) => void;
}

function overriddenConfig(config: TrialConfig, options: EvalRunOptions): TrialConfig {
  let raw: Record<string, unknown> = { data: config.data, evaluation: config.evaluation };
  if (options.data !== undefined) {
    const file = readYamlFile(options.data);
    const data = resolveInputPaths({ data: 'data' in file ? file['data'] : file }, dirname(resolve(options.data)))['data'];
    raw = { ...raw, data: mergeConfig(raw['data'], data) };
  }
  raw = applyOverrides(raw, parseOverrides(options.set ?? []));
  const label = options.data ?? '--set';
  const problems: ConfigProblem[] = Object.keys(raw)
    .filter((key) => key !== 'data' && key !== 'evaluation')
    .map((key) => ({ file: '--set', path: key, message: 'must start with data. or evaluation. for vad eval, but got another section' }));
  const data = parseSection<DataConfig>(label, 'data', sectionSchemas.data, raw['data']);
  const evaluation = raw['evaluation'] as Record<string, unknown>;
  const protocolInput = Object.fromEntries(Object.entries(evaluation).filter(([key]) => !evaluationRunnerKeys.includes(key)));
  const protocol = parseSection<EvaluationProtocol>(label, 'evaluation', sectionSchemas.protocol, protocolInput);
  const ownInput = Object.fromEntries(Object.entries(evaluation).filter(([key]) => evaluationRunnerKeys.includes(key)));
  const own = parseSection<Pick<EvaluationConfig, 'batchSize' | 'maxVideos'>>(label, 'evaluation', evaluationRunnerSchema, ownInput);
  for (const result of [data, protocol, own]) if (!result.ok) problems.push(...result.problems);
  if (problems.length > 0 || !data.ok || !protocol.ok || !own.ok) throw new ConfigError(problems);
  const result: TrialConfig = { ...config, data: data.value, evaluation: { ...protocol.value, ...own.value } };
  const cross = crossCheckProblems(label, result).map((p) =>
    p.path.startsWith('model.') ? { ...p, path: `data.${p.path.slice(6)}`, message: `must be the trained model's ${p.path.slice(6)} ${config.model[p.path.slice(6) as 'height']}, but got ${data.value[p.path.slice(6) as 'height']}` } : p,
  );
  if (cross.length > 0) throw new ConfigError(cross);
  return result;
}

/**
 * Re-evaluates a trained trial, optionally on other data (`--data FILE`, e.g. the real Ped2 after
 * training on synthetic scenes — frame size must match the model) or under another protocol
 * (`--set evaluation.smoothing.type=none`). Writes scores.csv and metrics.json to `<trial>/eval/`.
 */
export async function evalRun(trialDir: string, options: EvalRunOptions): Promise<{ dir: string; evaluation: TrialEvaluation }> {
  const trained = await loadTrained(trialDir);
  try {
    const config = overriddenConfig(trained.config, options);
    const outFlag = options.out !== undefined ? 'vad eval: --out' : `vad eval: <run>/eval`;
    const dir = checkOutputDir(options.out ?? join(trialDir, 'eval'), outFlag);
    const data = await openTrialData(config.data);
    const problems = trialDataProblems(options.data ?? join(trialDir, 'config.json'), config, data);
    if (problems.length > 0) throw new ConfigError(problems);
    prepareOutputDir(dir, outFlag);
    return await withRunLock(dir, `vad eval: ${dir}`, async () => {
      const { evaluation } = await evaluateTrial(config, trained.model, data.dataset.test, dir, options.log);
      const { roc: _roc, pr: _pr, ...result } = evaluation.result;
      writeJsonAtomic(join(dir, 'metrics.json'), { source: resolve(trialDir), data: config.data, evaluation: result, bootstrap: evaluation.bootstrap, seconds: evaluation.seconds });
      return { dir, evaluation };
    });
  } finally {
    trained.model.dispose();
  }
}
