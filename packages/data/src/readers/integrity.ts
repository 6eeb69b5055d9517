import { UserError } from '@vad/core';
import type { TestVideo } from '../types';

/** Published test-split totals of the benchmarks (videos, frames, anomalous frames where known). */
export const knownTotals: Readonly<Record<string, { videos: number; frames: number; anomalous?: number }>> = {
  ped1: { videos: 36, frames: 7200 },
  ped2: { videos: 12, frames: 2010, anomalous: 1648 },
  avenue: { videos: 21, frames: 15324 },
  shanghaitech: { videos: 107, frames: 40791 },
};

/**
 * Checks a benchmark's test split against its known totals. `full`: totals must match; `auto`: checked
 * when every test video is present, otherwise the set is reported as partial; `partial`: not checked.
 *
 * @throws UserError naming the root when a checked total differs.
 * @example
 * checkTotals('ped2', 'auto', twoVideos, '/data/ped2'); // => {partial: true, notes: ['partial ped2: 2 of 12 test videos …']}
 */
export function checkTotals(type: string, mode: 'auto' | 'full' | 'partial', test: readonly TestVideo[], where: string): { partial: boolean; notes: string[] } {
  const known = knownTotals[type];
  if (known === undefined) return { partial: false, notes: [] };
  const frames = test.reduce((s, v) => s + v.length, 0);
  const anomalous = test.reduce((s, v) => s + v.labels.reduce((a, b) => a + b, 0), 0);
  const present = `${test.length} of ${known.videos} test videos (${frames} frames)`;
  if (mode === 'partial' || (mode === 'auto' && test.length !== known.videos)) {
    return { partial: test.length !== known.videos, notes: test.length !== known.videos ? [`partial ${type}: ${present}; known totals not checked`] : [] };
  }
  const problems: string[] = [];
  if (test.length !== known.videos) problems.push(`${known.videos} test videos, but got ${test.length}`);
  if (frames !== known.frames) problems.push(`${known.frames} test frames, but got ${frames}`);
  if (known.anomalous !== undefined && anomalous !== known.anomalous) problems.push(`${known.anomalous} anomalous test frames, but got ${anomalous}`);
  if (problems.length > 0) throw new UserError(problems.map((p) => `${where}: ${type} must have ${p}`).join('\n'));
  return { partial: false, notes: [`${type}: test totals match the published ${known.videos} videos / ${known.frames} frames`] };
}
