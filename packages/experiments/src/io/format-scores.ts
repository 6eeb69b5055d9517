import type { ScoreRow } from '@vad/metrics';

function field(text: string): string {
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Renders per-frame rows as the scores CSV that `parseScoresCsv` (io/scores-csv.ts) and
 * `vad metrics --scores` read: header `video,frame,score,label` (+ `scene` when the rows carry one,
 * + `kinds` — names joined by `;`, empty on normal frames — when they carry anomaly kinds), an empty
 * score for unscored frames, numbers in JavaScript's shortest round-trip form (exact).
 *
 * @example
 * formatScoresCsv([{ video: '01', frame: 0, score: null, label: 0 }, { video: '01', frame: 1, score: 0.25, label: 1 }]);
 * // => 'video,frame,score,label\n01,0,,0\n01,1,0.25,1\n'
 */
export function formatScoresCsv(rows: readonly ScoreRow[]): string {
  const withScene = rows.length > 0 && rows.every((row) => row.scene !== undefined);
  const withKinds = rows.some((row) => row.kinds !== undefined);
  const lines = [`video,frame,score,label${withScene ? ',scene' : ''}${withKinds ? ',kinds' : ''}`];
  for (const row of rows) {
    const cells = [field(row.video), String(row.frame), row.score === null ? '' : String(row.score), String(row.label)];
    if (withScene) cells.push(field(row.scene ?? ''));
    if (withKinds) cells.push(field((row.kinds ?? []).join(';')));
    lines.push(cells.join(','));
  }
  return `${lines.join('\n')}\n`;
}

