import { z } from 'zod';

/** The kinds of labelled anomaly the synthetic generator can put into test videos. */
export const anomalyKinds = ['fast-mover', 'vehicle', 'wrong-way', 'erratic', 'foreign-object', 'loitering'] as const;
export type AnomalyKind = (typeof anomalyKinds)[number];

/** Options of the built-in synthetic surveillance dataset (`data.type: synthetic`). */
export const syntheticOptionsSchema = z.strictObject({
  scenes: z.number().int().min(1).max(64).default(1), // distinct cameras (backgrounds + walkways)
  trainVideos: z.number().int().min(1).default(4), // normal videos per scene
  testVideos: z.number().int().min(1).default(6), // labelled videos per scene
  length: z.number().int().min(16).default(120), // frames per video
  fps: z.number().positive().default(10), // frames per second (walking ≈ 0.8 body heights / s)
  density: z.number().positive().max(30).default(4), // mean number of pedestrians in view
  difficulty: z.number().min(0).max(1).default(0.5), // 0 = blatant anomalies, 1 = barely different from walkers
  anomalies: z.array(z.enum(anomalyKinds)).min(1).default([...anomalyKinds]), // kinds drawn for test events
  anomaliesPerVideo: z.number().int().min(1).max(6).default(1), // events per test video (each spans tens of frames)
  noise: z.number().min(0).max(0.2).default(0.01), // sensor noise, standard deviation in [0, 1] units
  seed: z.number().int().default(0), // generator seed (independent of the experiment seed)
});
export type SyntheticOptions = z.infer<typeof syntheticOptionsSchema>;
