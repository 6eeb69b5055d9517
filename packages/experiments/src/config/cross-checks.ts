import type { ConfigProblem } from './config-error';
import type { Trial } from './experiment-config';
import type { TrialSections } from './validate-sections';

/**
 * Problems between sections of one validated trial that no single schema can see, each blamed on
 * the key the user set: the model's input size against the data size, the patch-max patch against
 * the frame size, and T against the synthetic videos' length.
 *
 * @example
 * // data 32×32, evaluation.patchSize 1000
 * crossCheckProblems('x.yaml', sections);
 * // => [{ file: 'x.yaml', path: 'evaluation.patchSize', message: 'must be at most the frame size 32×32 (data.height × data.width) for the patch-max scorer, but got 1000' }]
 */
export function crossCheckProblems(file: string, sections: TrialSections): ConfigProblem[] {
  // read defensively: tests (and future sections) may validate with narrower schemas
  const data = sections.data as Partial<TrialSections['data']>;
  const model = sections.model as Partial<TrialSections['model']>;
  const evaluation = sections.evaluation as Partial<TrialSections['evaluation']>;
  const problems: ConfigProblem[] = [];
  for (const key of ['height', 'width', 'channels'] as const) {
    if (typeof model[key] === 'number' && typeof data[key] === 'number' && model[key] !== data[key]) {
      problems.push({ file, path: `model.${key}`, message: `must equal data.${key} (${data[key]}: frames are resized to the data size), but got ${model[key]}` });
    }
  }
  const { height, width } = data;
  if (evaluation.scorer === 'patch-max' && height !== undefined && width !== undefined && (evaluation.patchSize ?? 0) > Math.min(height, width)) {
    problems.push({ file, path: 'evaluation.patchSize', message: `must be at most the frame size ${height}×${width} (data.height × data.width) for the patch-max scorer, but got ${evaluation.patchSize}` });
  }
  if (data.type === 'synthetic' && data.synthetic !== undefined && (model.frames ?? 0) > data.synthetic.length) {
    problems.push({ file, path: 'model.frames', message: `must be at most data.synthetic.length (${data.synthetic.length} frames per video), but got ${model.frames}` });
  }
  return problems;
}

/**
 * `report.baseline` must pick a row: a trial label or group of the experiment, or a prefix of one
 * (otherwise the report would silently compare against its first row).
 *
 * @example
 * baselineProblems('q.yaml', 'nonee', trials);
 * // => [{ file: 'q.yaml', path: 'report.baseline', message: 'must be a trial label or group of this experiment (none, static-sigma0.5, learned) or a prefix of one, but got "nonee"' }]
 */
export function baselineProblems(file: string, baseline: string | null, trials: readonly Trial[]): ConfigProblem[] {
  if (baseline === null) return [];
  const names = [...new Set(trials.flatMap((t) => [t.label, t.group]))];
  if (names.some((name) => name === baseline || name.startsWith(baseline))) return [];
  const labels = [...new Set(trials.map((t) => t.label))];
  return [{ file, path: 'report.baseline', message: `must be a trial label or group of this experiment (${labels.join(', ')}) or a prefix of one, but got ${JSON.stringify(baseline)}` }];
}
