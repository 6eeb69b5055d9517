import type { Rng } from '@vad/core';
import type { Box } from '../pixels/boxes';
import type { SceneObject } from '../types';
import type { Actor, ActorState } from './actors';
import type { AnomalyKind } from './synthetic-options';
import { cartFigure, cyclistFigure, objectFigure, personFigure, skaterFigure, type Figure } from './figures';
import { bodyHeight, type SceneLayout } from './scene-layout';

/** Rendered pixels and ground truth of one synthetic video. */
export interface RenderedVideo {
  readonly frames: Uint8Array; // [L, H, W, C]
  readonly masks: Uint8Array; // [L, H, W] — visible pixels of anomalous actors
  readonly labels: Uint8Array; // [L] — 1 when any anomalous pixel is visible
  readonly objects: SceneObject[][]; // per frame, actors with at least one visible pixel
  readonly kinds: AnomalyKind[][]; // per frame, sorted kinds of the anomalous actors in the mask (empty ⇔ label 0)
}

/**
 * What the camera adds to the scene in frame t: the background it sees, a global gain (illumination),
 * a shift of the whole scene in pixels (jitter) and sensor noise (standard deviation in [0, 1] units).
 */
export interface Camera {
  readonly noise: number;
  gain(t: number): number;
  offset(t: number): readonly [number, number];
  /** Writes the background of frame t, [H, W, 3] in [0, 1], into `out`. */
  background(t: number, out: Float32Array): void;
}

/** The version-1 camera: the layout's background, one gain per video drawn from `rng`, no shift. */
export function v1Camera(layout: SceneLayout, noise: number, rng: Rng): Camera {
  const gain = rng.uniform(0.95, 1.05);
  return { noise, gain: () => gain, offset: () => [0, 0], background: (_t, out) => out.set(layout.background) };
}

/** The kind a version-1 actor's anomalous frames are labelled with (version 2 sets `actor.anomaly`). */
const v1Kind: Readonly<Record<SceneObject['kind'], AnomalyKind | null>> = {
  pedestrian: null,
  cyclist: 'fast-mover',
  skater: 'fast-mover',
  cart: 'vehicle',
  runner: 'running',
  'wrong-way': 'wrong-way',
  'off-path': 'off-path',
  erratic: 'erratic',
  object: 'foreign-object',
  loiterer: 'loitering',
};

/** Pixel geometry of an actor in one frame. */
interface Placement {
  readonly actor: Actor;
  readonly state: ActorState;
  readonly figure: Figure;
  readonly footX: number; // pixels
  readonly footY: number; // pixels (ground contact minus lift)
  readonly scale: number; // pixels per body height
}

/** The figure an actor shows in state `s` (its kind, gait phase, size). */
export function figureOf(actor: Pick<Actor, 'kind' | 'appearance' | 'colour' | 'size'>, s: Pick<ActorState, 'phase' | 'moving'>): Figure {
  switch (actor.kind) {
    case 'cyclist':
      return cyclistFigure(actor.appearance, s.phase);
    case 'skater':
      return skaterFigure(actor.appearance);
    case 'cart':
      return cartFigure(actor.colour, actor.size, actor.appearance.texture);
    case 'object':
      return objectFigure(actor.colour, actor.size);
    case 'runner':
      return personFigure(actor.appearance, s.phase, 0.55);
    default:
      return personFigure(actor.appearance, s.phase, s.moving ? 0.38 : 0);
  }
}

function place(actor: Actor, state: ActorState, layout: SceneLayout, height: number, width: number, [dx, dy]: readonly [number, number]): Placement {
  const sized = actor.kind === 'cart' || actor.kind === 'object' ? 1 : actor.size;
  const scale = bodyHeight(layout, state.y) * height * sized;
  return { actor, state, figure: figureOf(actor, state), footX: state.x * width + dx, footY: state.y * height - state.lift * scale + dy, scale };
}

/** Where a figure stands in a frame: ground contact (pixels), pixels per body height, facing. */
export interface FigurePose {
  readonly footX: number;
  readonly footY: number;
  readonly scale: number;
  readonly facing: 1 | -1;
}

/**
 * Composites one figure over `canvas` ([H, W, 3] float) with `samples`² supersampling (coverage-
 * weighted); `onPixel(p, cover)` is called for every pixel it touches (p = y·W + x, cover in (0, 1]).
 *
 * @example
 * paintFigure(canvas, objectFigure([1, 0, 0], 0.5), { footX: 16, footY: 30, scale: 10, facing: 1 }, 32, 32, 3, () => {});
 */
export function paintFigure(canvas: Float32Array, figure: Figure, pose: FigurePose, height: number, width: number, samples: number, onPixel: (p: number, cover: number) => void): void {
  const n = samples * samples;
  const { bounds } = figure;
  const f = pose.facing;
  const xa = pose.footX + Math.min(f * bounds.u0, f * bounds.u1) * pose.scale;
  const xb = pose.footX + Math.max(f * bounds.u0, f * bounds.u1) * pose.scale;
  const ya = pose.footY - bounds.v1 * pose.scale;
  const yb = pose.footY - bounds.v0 * pose.scale;
  for (let py = Math.max(0, Math.floor(ya)); py < Math.min(height, Math.ceil(yb)); py++) {
    for (let px = Math.max(0, Math.floor(xa)); px < Math.min(width, Math.ceil(xb)); px++) {
      let r = 0;
      let g = 0;
      let b = 0;
      let hits = 0;
      for (let k = 0; k < n; k++) {
        const sx = px + ((k % samples) + 0.5) / samples;
        const sy = py + (Math.floor(k / samples) + 0.5) / samples;
        const c = figure.shade(((sx - pose.footX) / pose.scale) * f, (pose.footY - sy) / pose.scale);
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
      onPixel(py * width + px, cover);
    }
  }
}

/**
 * Draws one frame's actors far-to-near over `canvas` ([H, W, 3] float) with `samples`² supersampling;
 * records which actor covers each pixel: `owner` at ≥ half coverage (pixel masks), `touched` at any
 * coverage (visible extent for boxes); the last drawn wins.
 */
function drawActors(canvas: Float32Array, owner: Int32Array, touched: Int32Array, placements: readonly Placement[], height: number, width: number, samples: number): void {
  placements.forEach((p, index) => {
    const pose = { footX: p.footX, footY: p.footY, scale: p.scale, facing: p.state.facing };
    paintFigure(canvas, p.figure, pose, height, width, samples, (pixel, cover) => {
      if (cover >= 0.5) owner[pixel] = index;
      touched[pixel] = index;
    });
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

/** Renders the actors of one video over what `camera` sees (background, gain, shift, sensor noise from `rng`). */
export function renderVideo(
  layout: SceneLayout,
  actors: readonly Actor[],
  shape: { length: number; height: number; width: number; channels: 1 | 3 },
  camera: Camera,
  rng: Rng,
  samples = Math.max(shape.height, shape.width) > 160 ? 2 : 3, // supersampling per axis
): RenderedVideo {
  const { length, height, width, channels } = shape;
  const plane = height * width;
  const frames = new Uint8Array(length * plane * channels);
  const masks = new Uint8Array(length * plane);
  const labels = new Uint8Array(length);
  const objects: SceneObject[][] = [];
  const kinds: AnomalyKind[][] = [];
  const amplitude = camera.noise * Math.sqrt(12); // uniform noise with standard deviation `noise`
  const canvas = new Float32Array(plane * 3);
  const owner = new Int32Array(plane);
  const touched = new Int32Array(plane);
  for (let t = 0; t < length; t++) {
    camera.background(t, canvas);
    const gain = camera.gain(t);
    const offset = camera.offset(t);
    owner.fill(-1);
    touched.fill(-1);
    const placements = actors
      .flatMap((a) => (a.states[t] ? [place(a, a.states[t] as ActorState, layout, height, width, offset)] : []))
      .sort((p, q) => p.state.y - q.state.y || p.actor.id - q.actor.id);
    drawActors(canvas, owner, touched, placements, height, width, samples);
    const boxes = ownedBoxes(touched, placements.length, height, width);
    objects.push(
      placements.flatMap((p, i) => {
        const box = boxes[i];
        return box ? [{ id: p.actor.id, kind: p.actor.kind, box, anomalous: p.state.anomalous }] : [];
      }),
    );
    const present = new Set<AnomalyKind>();
    for (let p = 0; p < plane; p++) {
      const who = owner[p] as number;
      if (who >= 0 && (placements[who] as Placement).state.anomalous) {
        masks[t * plane + p] = 1;
        const actor = (placements[who] as Placement).actor;
        const kind = actor.anomaly ?? v1Kind[actor.kind];
        if (kind !== null) present.add(kind);
      }
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
    kinds.push([...present].sort());
  }
  return { frames, masks, labels, objects, kinds };
}
