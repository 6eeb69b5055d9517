import * as tf from '@tensorflow/tfjs';
import { z } from 'zod';
import type { Rng, SimulateInput, SimulateResult, Simulator } from '@vad/core';
import { blendResult, defineSimulator, sampleGates } from '@vad/simulators';
import { anomalyKinds, appearanceV2, difficultyRanges, figureOf, lerp, paint, paintFigure, type Actor, type AnomalyKind } from '@vad/data';

/**
 * The positive control of the synthetic benchmark (`configs/benchmark-check-oracle.yaml` only — it is
 * deliberately not in the simulator registry): it pastes the benchmark's own anomaly kinds, drawn with
 * the generator's figures, paints, speeds and difficulty ranges, next to the masked walker of each
 * clip. Trained with the reconstruct-normal loss it shows what pseudo-anomaly training can gain on
 * this benchmark when the pseudo anomalies match the real ones; no method may use it.
 */
export const oraclePasteOptions = z.strictObject({
  kinds: z.array(z.enum(anomalyKinds)).min(1).default([...anomalyKinds]), // kinds to paste (use the benchmark's `anomalies`)
  difficulty: z.number().min(0).max(1).default(0.5), // the benchmark's difficulty (one number for every kind)
  fps: z.number().positive().default(10), // the benchmark's frame rate (walking ≈ 0.8 body heights / s)
  p: z.number().min(0).max(1).default(1), // per-sample probability
});
export type OraclePasteOptions = z.output<typeof oraclePasteOptions>;

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

/** Bounding box of the mask of sample b (all T frames), or null when empty. */
function maskBox(masks: Float32Array | Int32Array | Uint8Array, b: number, t: number, h: number, w: number): Box | null {
  const box: Box = { x0: w, y0: h, x1: 0, y1: 0 };
  for (let f = 0; f < t; f++) {
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) {
        if (masks[((b * t + f) * h + y) * w + x] === 0) continue;
        box.x0 = Math.min(box.x0, x);
        box.y0 = Math.min(box.y0, y);
        box.x1 = Math.max(box.x1, x + 1);
        box.y1 = Math.max(box.y1, y + 1);
      }
    }
  }
  return box.x1 > box.x0 ? box : null;
}

/** What one pasted actor looks like and how it moves, per window frame (pixels per frame, heading). */
interface Plan {
  readonly actor: Pick<Actor, 'kind' | 'appearance' | 'colour' | 'size'>;
  readonly speed: number; // body heights per frame
  readonly heading: (frame: number) => number; // radians, 0 = along +x
  readonly moving: boolean;
}

function planFor(kind: AnomalyKind, d: number, fps: number, rng: Rng): Plan {
  const r = difficultyRanges;
  const at = (range: readonly [number, number]): number => lerp(range[0], range[1], d);
  const walk = (0.8 / fps) * rng.uniform(0.9, 1.1);
  const dir = rng.next() < 0.5 ? 0 : Math.PI;
  const person = (k: Actor['kind']): Plan['actor'] => ({ kind: k, appearance: appearanceV2(rng.fork('look')), colour: [0, 0, 0], size: rng.uniform(0.9, 1.1) });
  const straight = (): number => dir;
  switch (kind) {
    case 'vehicle':
      return { actor: { ...person('cart'), size: at(r.vehicle.length), colour: paint(rng, at(r.vehicle.saturation)) }, speed: walk * at(r.vehicle.speed), heading: straight, moving: true };
    case 'fast-mover':
      return { actor: person(rng.next() < 0.5 ? 'cyclist' : 'skater'), speed: walk * at(r['fast-mover'].speed), heading: straight, moving: true };
    case 'running':
      return { actor: person('runner'), speed: walk * at(r.running.speed), heading: straight, moving: true };
    case 'wrong-way':
      return { actor: person('wrong-way'), speed: walk * at(r['wrong-way'].speed), heading: straight, moving: true };
    case 'off-path': {
      const angle = at(r['off-path'].angle) * (rng.next() < 0.5 ? 1 : -1);
      return { actor: person('off-path'), speed: walk, heading: () => dir + (dir === 0 ? angle : -angle), moving: true };
    }
    case 'erratic': {
      const turns = [0, 0, 0].map(() => rng.normal() * at(r.erratic.turn) * 2);
      return { actor: person('erratic'), speed: walk * 1.3, heading: (f) => dir + (turns[f % 3] as number), moving: true };
    }
    case 'loitering':
      return { actor: person('loiterer'), speed: 0, heading: straight, moving: false };
    case 'foreign-object':
      return { actor: { ...person('object'), size: at(r['foreign-object'].size), colour: paint(rng, at(r['foreign-object'].saturation)) }, speed: 0, heading: straight, moving: false };
  }
}

/** Oracle paste: the benchmark's anomaly kinds drawn into each clip next to its masked walker (σ-blended). */
export class OraclePaste implements Simulator {
  readonly type = 'oracle-paste';

  constructor(readonly options: OraclePasteOptions) {}

  simulate(input: SimulateInput): SimulateResult {
    const [b, t, h, w, c] = input.clips.shape;
    const gates = sampleGates(input.rng, b, this.options.p);
    const masks = input.masks.dataSync() as Float32Array;
    const layer = new Float32Array(b * t * h * w * c);
    const weight = new Float32Array(b * t * h * w);
    const mid = Math.floor((t - 1) / 2);
    const samples = Math.max(h, w) > 160 ? 2 : 3;
    for (let i = 0; i < b; i++) {
      const box = maskBox(masks, i, t, h, w);
      if (gates[i] === 0 || box === null) continue;
      const kind = this.options.kinds[input.rng.int(this.options.kinds.length)] as AnomalyKind;
      const plan = planFor(kind, this.options.difficulty, this.options.fps, input.rng.fork(`paste-${i}`));
      const scale = Math.max(2, box.y1 - box.y0); // pixels per body height ≈ the walker's box height
      const anchor = { x: (box.x0 + box.x1) / 2 + input.rng.uniform(-0.5, 0.5) * scale, y: box.y1 + input.rng.uniform(-0.1, 0.1) * scale };
      const path: Array<{ x: number; y: number; heading: number }> = [];
      for (let f = 0, px = 0, py = 0; f < t; f++) {
        const heading = plan.heading(f);
        path.push({ x: px, y: py, heading });
        px += Math.cos(heading) * plan.speed * scale;
        py += Math.sin(heading) * plan.speed * scale * 0.6; // foreshortened, as the generator moves actors
      }
      const centre = path[mid] as { x: number; y: number };
      for (let f = 0; f < t; f++) {
        const p = path[f] as { x: number; y: number; heading: number };
        const canvas = new Float32Array(h * w * 3);
        const cover = new Float32Array(h * w);
        const figure = figureOf(plan.actor, { phase: (2 * Math.PI * plan.speed * f) / 1.2, moving: plan.moving });
        const pose = { footX: anchor.x + p.x - centre.x, footY: anchor.y + p.y - centre.y, scale, facing: Math.cos(p.heading) >= 0 ? (1 as const) : (-1 as const) };
        paintFigure(canvas, figure, pose, h, w, samples, (pixel, covered) => (cover[pixel] = covered));
        const base = (i * t + f) * h * w;
        for (let q = 0; q < h * w; q++) {
          const a = cover[q] as number;
          if (a === 0) continue;
          weight[base + q] = a;
          const [r, g, bl] = [(canvas[q * 3] as number) / a, (canvas[q * 3 + 1] as number) / a, (canvas[q * 3 + 2] as number) / a];
          if (c === 1) layer[base + q] = 0.299 * r + 0.587 * g + 0.114 * bl;
          else layer.set([r, g, bl], (base + q) * 3);
        }
      }
    }
    return blendResult(input, () => tf.tensor5d(layer, [b, t, h, w, c]), weight);
  }
}

export const simulator = defineSimulator({
  type: 'oracle-paste',
  description: "Positive control: pastes the synthetic benchmark's own anomaly kinds (benchmark check only)",
  options: oraclePasteOptions,
  create: (options) => new OraclePaste(options),
});
