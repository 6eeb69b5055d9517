import { z } from 'zod';

/**
 * The kinds of labelled anomaly the synthetic generator can put into test videos, grouped as the real
 * benchmarks' anomalies are: appearance (a foreign object or vehicle — Ped2's carts, cyclists and
 * skaters), speed (running), direction/trajectory (against a one-way path, off the path, erratic) and
 * location/time (someone stays, something appears where nobody does — loitering, a thrown object).
 * Version 1 knows the first six names it shipped with; version 2 adds `running` and `off-path`.
 */
export const anomalyKinds = ['vehicle', 'fast-mover', 'running', 'wrong-way', 'off-path', 'erratic', 'loitering', 'foreign-object'] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

/** The kinds the version-1 generator draws (in its order; the order fixes its random stream). */
export const v1AnomalyKinds = ['fast-mover', 'vehicle', 'wrong-way', 'erratic', 'foreign-object', 'loitering'] as const satisfies readonly AnomalyKind[];

/** The category of each kind (the report's taxonomy). */
export const kindCategory: Readonly<Record<AnomalyKind, 'appearance' | 'speed' | 'trajectory' | 'location'>> = {
  vehicle: 'appearance',
  'fast-mover': 'appearance',
  running: 'speed',
  'wrong-way': 'trajectory',
  'off-path': 'trajectory',
  erratic: 'trajectory',
  loitering: 'location',
  'foreign-object': 'location',
};

const unit = z.number().min(0).max(1);

/**
 * Options of the built-in synthetic surveillance dataset (`data.type: synthetic`). `version: 2` (the
 * default) is the calibrated benchmark; `version: 1` is the generator shipped before it, kept so that
 * earlier results reproduce (it accepts only its own kinds, a single difficulty and no drift/jitter).
 */
export const syntheticOptionsSchema = z
  .strictObject({
    version: z.union([z.literal(1), z.literal(2)]).default(2), // generator version; results name it (dataset "synthetic-v2")
    scenes: z.number().int().min(1).max(64).default(1), // distinct cameras (backgrounds + walkways)
    trainVideos: z.number().int().min(1).default(4), // normal videos per scene
    testVideos: z.number().int().min(1).default(6), // labelled videos per scene
    length: z.number().int().min(16).default(120), // frames per video
    fps: z.number().positive().default(10), // frames per second (walking ≈ 0.8 body heights / s)
    density: z.number().positive().max(30).default(4), // mean number of pedestrians in view
    // 0 = blatant anomalies, 1 = barely different from walkers; one number for every kind, or per kind
    // (version 2: `{ vehicle: 0.2, running: 0.8 }`, kinds left out get 0.5)
    difficulty: z.union([unit, z.partialRecord(z.enum(anomalyKinds), unit)]).default(0.5),
    anomalies: z.array(z.enum(anomalyKinds)).min(1).optional(), // kinds drawn for test events; default: every kind of the version
    anomaliesPerVideo: z.number().int().min(1).max(6).default(1), // events per test video (each spans tens of frames)
    noise: z.number().min(0).max(0.2).default(0.01), // nuisance: sensor noise, standard deviation in [0, 1] units
    drift: z.number().min(0).max(0.5).default(0), // nuisance (v2): slow illumination drift, relative gain amplitude
    jitter: z.number().min(0).max(4).default(0), // nuisance (v2): camera jitter, standard deviation in pixels
    seed: z.number().int().default(0), // generator seed (independent of the experiment seed)
  })
  .superRefine((o, ctx) => {
    if (o.version !== 1) return;
    const issue = (path: (string | number)[], message: string): void => ctx.addIssue({ code: 'custom', path, message });
    (o.anomalies ?? []).forEach((kind, i) => {
      if (!(v1AnomalyKinds as readonly string[]).includes(kind)) issue(['anomalies', i], `must be a version-1 kind (${v1AnomalyKinds.join(', ')}), but got "${kind}" (a version-2 kind)`);
    });
    if (typeof o.difficulty !== 'number') issue(['difficulty'], 'must be one number with version 1, but got a per-kind mapping (a version-2 option)');
    if (o.drift !== 0) issue(['drift'], `must be 0 with version 1, but got ${o.drift} (a version-2 option)`);
    if (o.jitter !== 0) issue(['jitter'], `must be 0 with version 1, but got ${o.jitter} (a version-2 option)`);
  });
export type SyntheticOptions = z.infer<typeof syntheticOptionsSchema>;

/**
 * The difficulty of one kind: the per-kind value, else 0.5 (a mapping), else the single number.
 *
 * @example
 * kindDifficulty({ difficulty: { running: 0.9 } }, 'running'); // => 0.9
 * kindDifficulty({ difficulty: 0.2 }, 'vehicle');              // => 0.2
 */
export function kindDifficulty(options: Pick<SyntheticOptions, 'difficulty'>, kind: AnomalyKind): number {
  return typeof options.difficulty === 'number' ? options.difficulty : (options.difficulty[kind] ?? 0.5);
}

/** The kinds test events are drawn from: `anomalies`, else every kind of the version. */
export function eventKinds(options: Pick<SyntheticOptions, 'version' | 'anomalies'>): readonly AnomalyKind[] {
  return options.anomalies ?? (options.version === 1 ? v1AnomalyKinds : anomalyKinds);
}
