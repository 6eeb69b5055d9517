import { MetricsError } from './metrics-error';

/** One test frame as scorers and CSV files deliver it. `score: null` marks a frame left unscored (edge policy drop). */
export interface ScoreRow {
  readonly video: string;
  /** 0-based frame index inside the video. */
  readonly frame: number;
  readonly score: number | null;
  /** 1 = anomalous, 0 = normal. */
  readonly label: number;
  readonly scene?: string;
  /** Anomaly kinds present in the frame (e.g. `['running']`); empty or absent on normal frames. */
  readonly kinds?: readonly string[];
}

/** One video's scored frames in frame order, after normalisation and smoothing. */
export interface VideoSeries {
  readonly video: string;
  /** The row's scene, or {@link defaultScene} when the rows carry none. */
  readonly scene: string;
  readonly frames: Int32Array;
  readonly scores: Float64Array;
  readonly labels: Uint8Array;
  /** Rows of this video whose score was null. */
  readonly unscored: number;
}

/** Scene name used when rows carry no scene. */
export const defaultScene = 'all';

/** A video's validated rows in frame order (scored and unscored). */
export interface VideoRows {
  readonly video: string;
  readonly scene: string;
  readonly rows: readonly ScoreRow[];
}

/**
 * Validates rows and groups them by video (first-appearance order), each sorted by frame.
 *
 * @example
 * groupRows([{ video: 'a', frame: 1, score: 0.2, label: 0 }, { video: 'a', frame: 0, score: 0.1, label: 0 }])[0].rows.map((r) => r.frame); // => [0, 1]
 * @throws MetricsError on a bad field, a duplicate (video, frame), or scenes given for some rows only.
 */
export function groupRows(rows: readonly ScoreRow[], where = 'evaluate(rows)'): VideoRows[] {
  if (rows.length === 0) throw new MetricsError(`${where} must hold at least one frame, but got 0 rows`);
  const withScene = rows[0]?.scene !== undefined;
  const groups = new Map<string, { scene: string; rows: ScoreRow[] }>();
  rows.forEach((row, i) => {
    checkRow(row, i, where);
    if ((row.scene !== undefined) !== withScene) {
      throw new MetricsError(`${where}[${i}].scene must be given for every row or for none, but got ${withScene ? 'none' : `"${row.scene}"`} here`);
    }
    const scene = row.scene ?? defaultScene;
    const group = groups.get(row.video);
    if (group === undefined) groups.set(row.video, { scene, rows: [row] });
    else if (group.scene !== scene) {
      throw new MetricsError(`${where}[${i}].scene must be the same for every frame of video "${row.video}" ("${group.scene}"), but got "${scene}"`);
    } else group.rows.push(row);
  });
  return [...groups].map(([video, group]) => {
    const sorted = group.rows.sort((a, b) => a.frame - b.frame);
    for (let k = 1; k < sorted.length; k++) {
      if (sorted[k]?.frame === sorted[k - 1]?.frame) {
        throw new MetricsError(`${where}: (video, frame) must be unique, but got ("${video}", ${sorted[k]?.frame}) twice`);
      }
    }
    return { video, scene: group.scene, rows: sorted };
  });
}

function checkRow(row: ScoreRow, i: number, where: string): void {
  if (typeof row.video !== 'string' || row.video === '') {
    throw new MetricsError(`${where}[${i}].video must be a non-empty string, but got ${JSON.stringify(row.video)}`);
  }
  if (!Number.isInteger(row.frame) || row.frame < 0) {
    throw new MetricsError(`${where}[${i}].frame must be a non-negative integer, but got ${String(row.frame)}`);
  }
  if (row.score !== null && !Number.isFinite(row.score)) {
    throw new MetricsError(`${where}[${i}].score must be a finite number or null, but got ${String(row.score)}`);
  }
  if (row.label !== 0 && row.label !== 1) {
    throw new MetricsError(`${where}[${i}].label must be 0 or 1, but got ${String(row.label)}`);
  }
  if (row.kinds !== undefined) {
    if (!Array.isArray(row.kinds) || row.kinds.some((kind) => typeof kind !== 'string' || kind === '')) {
      throw new MetricsError(`${where}[${i}].kinds must be a list of non-empty names, but got ${JSON.stringify(row.kinds)}`);
    }
    if (row.label === 0 && row.kinds.length > 0) {
      throw new MetricsError(`${where}[${i}].kinds must be empty on a normal frame (label 0), but got ${row.kinds.join(', ')}`);
    }
  }
}
