import type { ScoreRow } from '@vad/metrics';

function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders per-frame rows as the scores CSV that `parseScoresCsv` (io/scores-csv.ts) and
 * `vad metrics --scores` read: header `video,frame,score,label` (+ `scene` when the rows carry one),
 * an empty score for unscored frames, numbers in JavaScript's shortest round-trip form (exact).
 *
 * @example
 * formatScoresCsv([{ video: '01', frame: 0, score: null, label: 0 }, { video: '01', frame: 1, score: 0.25, label: 1 }]);
 * // => 'video,frame,score,label\n01,0,,0\n01,1,0.25,1\n'
 */
export function formatScoresCsv(rows: readonly ScoreRow[]): string {
  const withScene = rows.length > 0 && rows.every((row) => row.scene !== undefined);
  const lines = [withScene ? 'video,frame,score,label,scene' : 'video,frame,score,label'];
  for (const row of rows) {
    const cells = [field(row.video), String(row.frame), row.score === null ? '' : String(row.score), String(row.label)];
    if (withScene) cells.push(field(row.scene ?? ''));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

