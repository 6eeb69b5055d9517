import { scoredFrames } from '@vad/data';
import type { ConfigProblem } from '../config/config-error';
import type { TrialConfig } from '../config/experiment-config';
import type { TrialData } from './open-trial-data';

function longest(videos: readonly { readonly length: number }[]): number {
  return videos.reduce((max, v) => Math.max(max, v.length), 0);
}

/**
 * What only the opened data can tell, checked before the first training step and blamed on the key
 * the user set: T (`model.frames`) against the training and test video lengths, and whether the
 * scored test frames hold both classes (an AUC needs normal and anomalous frames).
 *
 * @example
 * // training videos of 2 frames, model.frames 3
 * trialDataProblems('x.yaml', config, data);
 * // => [{ file: 'x.yaml', path: 'model.frames', message: 'must be at most the longest training video (2 frames) so that a T-frame window fits, but got 3' }]
 */
export function trialDataProblems(file: string, config: TrialConfig, data: TrialData): ConfigProblem[] {
  const T = config.model.frames;
  const problems: ConfigProblem[] = [];
  const { train, test } = data.dataset;
  if (train.length === 0) problems.push({ file, path: 'data', message: `must give at least one training video, but ${data.dataset.name} has none` });
  else if (longest(train) < T) {
    problems.push({ file, path: 'model.frames', message: `must be at most the longest training video (${longest(train)} frames) so that a T-frame window fits, but got ${T}` });
  }
  const { edgePolicy, maxVideos } = config.evaluation;
  const chosen = maxVideos === null ? test : test.slice(0, maxVideos);
  const short = chosen.filter((v) => scoredFrames(v.length, T, edgePolicy).length === 0);
  if (short.length > 0) {
    const list = short.slice(0, 3).map((v) => `${v.id} (${v.length})`).join(', ');
    problems.push({ file, path: 'model.frames', message: `must leave scored frames in every test video with evaluation.edgePolicy "${edgePolicy}" (T − 1 edge frames are dropped), but got ${T} for test video${short.length > 1 ? 's' : ''} ${list}${short.length > 3 ? ', …' : ''}` });
  }
  if (chosen.length === 0) {
    problems.push({ file, path: 'data', message: `must give at least one test video, but ${data.dataset.name} has none` });
    return problems;
  }
  const counts = (videos: typeof test): { normal: number; anomalous: number } => {
    let [normal, anomalous] = [0, 0];
    for (const v of videos) for (const f of scoredFrames(v.length, T, edgePolicy)) (v.labels[f] === 1 ? anomalous++ : normal++);
    return { normal, anomalous };
  };
  const scored = counts(chosen);
  if (short.length === 0 && (scored.normal === 0 || scored.anomalous === 0)) {
    const only = scored.anomalous === 0 ? 'normal' : 'anomalous';
    const all = maxVideos !== null && maxVideos < test.length ? counts(test) : scored;
    const path = all !== scored && all.normal > 0 && all.anomalous > 0 ? 'evaluation.maxVideos' : 'data';
    problems.push({
      file,
      path,
      message: `must give scored test frames of both classes for an AUC, but all ${scored.normal + scored.anomalous} scored frames of ${chosen.length} test video(s) are ${only}${data.dataset.notes.find((n) => n.startsWith('labels:')) ? ` (${data.dataset.notes.find((n) => n.startsWith('labels:'))})` : ''}`,
    });
  }
  return problems;
}
