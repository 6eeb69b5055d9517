import type { Box, Rng } from '@vad/core';
import type { SceneObject } from '../types';
import type { Actor, ActorState } from './actors';
import { cartFigure, cyclistFigure, objectFigure, personFigure, skaterFigure, type Figure } from './figures';
import { bodyHeight, type SceneLayout } from './scene-layout';

/** Rendered pixels and ground truth of one synthetic video. */
export interface RenderedVideo {
  readonly frames: Uint8Array; // [L, H, W, C]
  readonly masks: Uint8Array; // [L, H, W] — visible pixels of anomalous actors
  readonly labels: Uint8Array; // [L] — 1 when any anomalous pixel is visible
  readonly objects: SceneObject[][]; // per frame, actors with at least one visible pixel
}

/** Pixel geometry of an actor in one frame. */
interface Placement {
  readonly actor: Actor;
  readonly state: ActorState;
  readonly figure: Figure;
  readonly footX: number; // pixels
  readonly footY: number; // pixels (ground contact minus lift)
  readonly scale: number; // pixels per body height
}

function figureOf(actor: Actor, s: ActorState): Figure {
  switch (actor.kind) {
    case 'cyclist':
      return cyclistFigure(actor.appearance, s.phase);
    case 'skater':
      return skaterFigure(actor.appearance);
    case 'cart':
      return cartFigure(actor.colour, actor.size, actor.appearance.texture);
    case 'object':
      return objectFigure(actor.colour, actor.size);
    default:
      return personFigure(actor.appearance, s.phase, s.moving ? 0.38 : 0);
  }
}

function place(actor: Actor, state: ActorState, layout: SceneLayout, height: number, width: number): Placement {
  const sized = actor.kind === 'cart' || actor.kind === 'object' ? 1 : actor.size;
  const scale = bodyHeight(layout, state.y) * height * sized;
  return { actor, state, figure: figureOf(actor, state), footX: state.x * width, footY: state.y * height - state.lift * scale, scale };
}

/**
 * Draws one frame's actors far-to-near over `canvas` ([H, W, 3] float) with `samples`² supersampling;
 * records which actor covers each pixel: `owner` at ≥ half coverage (pixel masks), `touched` at any
 * coverage (visible extent for boxes); the last drawn wins.
 */
function drawActors(canvas: Float32Array, owner: Int32Array, touched: Int32Array, placements: readonly Placement[], height: number, width: number, samples: number): void {
  const n = samples * samples;
  placements.forEach((p, index) => {
    const { bounds } = p.figure;
    const f = p.state.facing;
    const xa = p.footX + Math.min(f * bounds.u0, f * bounds.u1) * p.scale;
    const xb = p.footX + Math.max(f * bounds.u0, f * bounds.u1) * p.scale;
    const ya = p.footY - bounds.v1 * p.scale;
    const yb = p.footY - bounds.v0 * p.scale;
    for (let py = Math.max(0, Math.floor(ya)); py < Math.min(height, Math.ceil(yb)); py++) {
      for (let px = Math.max(0, Math.floor(xa)); px < Math.min(width, Math.ceil(xb)); px++) {
        let r = 0;
        let g = 0;
        let b = 0;
        let hits = 0;
        for (let k = 0; k < n; k++) {
          const sx = px + ((k % samples) + 0.5) / samples;
          const sy = py + (Math.floor(k / samples) + 0.5) / samples;
          const c = p.figure.shade(((sx - p.footX) / p.scale) * f, (p.footY - sy) / p.scale);
          if (c === null) continue;
          r += c[0];
          g += c[1];
          b += c[2];
          hits++;
        }
        if (hits === 0) continue;
        const cover = hits / n;
        const o = (py * width + px) * 3;
        canvas[o] = (canvas[o] as number) * (1 - cover) + r / n;
        canvas[o + 1] = (canvas[o + 1] as number) * (1 - cover) + g / n;
        canvas[o + 2] = (canvas[o + 2] as number) * (1 - cover) + b / n;
        if (cover >= 0.5) owner[py * width + px] = index;
        touched[py * width + px] = index;
      }
    }
  });
}

function ownedBoxes(owner: Int32Array, count: number, height: number, width: number): (Box | null)[] {
  const boxes: { x0: number; y0: number; x1: number; y1: number }[] = Array.from({ length: count }, () => ({ x0: width, y0: height, x1: 0, y1: 0 }));
  for (let p = 0; p < owner.length; p++) {
    const i = owner[p] as number;
    if (i < 0) continue;
    const b = boxes[i] as { x0: number; y0: number; x1: number; y1: number };
    const y = Math.floor(p / width);
    const x = p - y * width;
    b.x0 = Math.min(b.x0, x);
    b.y0 = Math.min(b.y0, y);
    b.x1 = Math.max(b.x1, x + 1);
    b.y1 = Math.max(b.y1, y + 1);
  }
  return boxes.map((b) => (b.x1 > b.x0 ? b : null));
}

function quantise(v: number): number {
  return Math.round(255 * Math.min(1, Math.max(0, v)));
}

/** Renders the actors of one video over a scene background, with a per-video gain and sensor noise. */
export function renderVideo(
  layout: SceneLayout,
  actors: readonly Actor[],
  shape: { length: number; height: number; width: number; channels: 1 | 3 },
  noise: number,
  rng: Rng,
): RenderedVideo {
  const { length, height, width, channels } = shape;
  const plane = height * width;
  const frames = new Uint8Array(length * plane * channels);
  const masks = new Uint8Array(length * plane);
  const labels = new Uint8Array(length);
  const objects: SceneObject[][] = [];
  const gain = rng.uniform(0.95, 1.05);
  const amplitude = noise * Math.sqrt(12); // uniform noise with standard deviation `noise`
  const samples = Math.max(height, width) > 160 ? 2 : 3;
  const canvas = new Float32Array(plane * 3);
  const owner = new Int32Array(plane);
  const touched = new Int32Array(plane);
  for (let t = 0; t < length; t++) {
    canvas.set(layout.background);
    owner.fill(-1);
    touched.fill(-1);
    const placements = actors
      .flatMap((a) => (a.states[t] ? [place(a, a.states[t] as ActorState, layout, height, width)] : []))
      .sort((p, q) => p.state.y - q.state.y || p.actor.id - q.actor.id);
    drawActors(canvas, owner, touched, placements, height, width, samples);
    const boxes = ownedBoxes(touched, placements.length, height, width);
    objects.push(
      placements.flatMap((p, i) => {
        const box = boxes[i];
        return box ? [{ id: p.actor.id, kind: p.actor.kind, box, anomalous: p.state.anomalous }] : [];
      }),
    );
    for (let p = 0; p < plane; p++) {
      const who = owner[p] as number;
      if (who >= 0 && (placements[who] as Placement).state.anomalous) masks[t * plane + p] = 1;
      const base = (t * plane + p) * channels;
      const r = canvas[p * 3] as number;
      const g = canvas[p * 3 + 1] as number;
      const b = canvas[p * 3 + 2] as number;
      if (channels === 1) frames[base] = quantise((0.299 * r + 0.587 * g + 0.114 * b) * gain + (rng.next() - 0.5) * amplitude);
      else {
        frames[base] = quantise(r * gain + (rng.next() - 0.5) * amplitude);
        frames[base + 1] = quantise(g * gain + (rng.next() - 0.5) * amplitude);
        frames[base + 2] = quantise(b * gain + (rng.next() - 0.5) * amplitude);
      }
    }
    labels[t] = masks.subarray(t * plane, (t + 1) * plane).some((m) => m === 1) ? 1 : 0;
  }
  return { frames, masks, labels, objects };
}
