import type { Rng } from '@vad/core';
import type { SceneObject } from '../types';
import { createNoiseField } from './noise-field';
import { bodyHeight, laneY, type Lane, type Rgb, type SceneLayout } from './scene-layout';
import type { Appearance } from './figures';
import { eventKinds, kindDifficulty, type AnomalyKind, type SyntheticOptions } from './synthetic-options';

/** Where an actor is in one frame: ground contact (normalised x, y), facing, gait and labels. */
export interface ActorState {
  readonly x: number;
  readonly y: number;
  readonly facing: 1 | -1;
  readonly phase: number;
  readonly moving: boolean;
  readonly anomalous: boolean;
  readonly lift: number; // height above the ground in body heights (thrown objects)
}

/** Something that moves through a video: what it is, how it looks, and its state per frame (null = absent). */
export interface Actor {
  readonly id: number;
  readonly kind: SceneObject['kind'];
  readonly appearance: Appearance;
  readonly size: number; // body-height multiplier (cart length / object side for those kinds)
  readonly colour: Rgb;
  readonly states: ReadonlyArray<ActorState | null>;
  /** The anomaly kind its anomalous frames are labelled with (version 2; version 1 derives it from `kind`). */
  readonly anomaly?: AnomalyKind;
}

/** How fast an actor moves, and the stream its random choices come from. */
export interface Motion {
  readonly speed: number; // body heights per frame
  readonly rng: Rng;
}

/** Linear interpolation a → b at t ∈ [0, 1]. */
export const lerp = (a: number, b: number, t: number): number => a + (b - a) * t;

/** Plans the actor of one anomaly event of `kind` starting near frame `t` (one function per generator version). */
export type EventPlanner = (ctx: PlanContext, kind: AnomalyKind, t: number, rng: Rng) => Actor;

/** How a generator version plans: its event planner, the kind of each event, the look of walkers. */
export interface PlanStyle {
  readonly events?: EventPlanner; // default: the version-1 planner
  readonly kinds?: readonly AnomalyKind[]; // default: drawn at random from the configured kinds
  readonly look?: (rng: Rng) => Appearance; // default: the version-1 clothing
  readonly regular?: boolean; // walkers arrive at steady intervals (default: a Poisson stream)
}

/**
 * Plans every actor of one video: a stream of walkers per lane (Poisson, or steady), plus anomaly
 * events for test videos; `style` selects the generator version's event planner, event kinds,
 * clothing and traffic.
 */
export function planVideo(rng: Rng, layout: SceneLayout, options: SyntheticOptions, aspect: number, withAnomalies: boolean, style: PlanStyle = {}): Actor[] {
  const ctx: PlanContext = { layout, options, aspect, length: options.length, nextId: 0, rng, look: style.look ?? appearance };
  const walk = 0.8 / options.fps;
  const actors: Actor[] = [];
  const crossing = 1.3 / (walk * bodyHeight(layout, (layout.groundTop + layout.groundBottom) / 2) * aspect);
  const rate = options.density / layout.lanes.length / crossing;
  const warm = Math.ceil(crossing * 1.5);
  const spawnRng = rng.fork('spawn');
  const spawn = (lane: Lane, t: number): void => {
    const dir = lane.direction !== 0 ? lane.direction : spawnRng.next() < 0.5 ? 1 : -1;
    const speed = walk * spawnRng.uniform(0.85, 1.15);
    const offset = spawnRng.uniform(-1, 1) * lane.width;
    actors.push(walker(ctx, 'pedestrian', lane, dir, offset, t, { speed, rng: spawnRng }));
    if (spawnRng.next() < 0.25) {
      const buddy = offset + (offset > 0 ? -1 : 1) * spawnRng.uniform(0.1, 0.25);
      actors.push(walker(ctx, 'pedestrian', lane, dir, buddy, t + spawnRng.int(4), { speed, rng: spawnRng }));
    }
  };
  for (const lane of layout.lanes) {
    if (style.regular === true) {
      // steady traffic: the lane's crossing time split into density / lanes gaps of ±30 %
      const gap = (1.3 / (walk * bodyHeight(layout, laneY(lane, 0.5)) * aspect)) * (layout.lanes.length / options.density);
      for (let t = -warm - spawnRng.uniform(0, gap); t < options.length; t += gap * spawnRng.uniform(0.7, 1.3)) spawn(lane, Math.round(t));
      continue;
    }
    for (let t = -warm; t < options.length; t++) {
      if (spawnRng.next() < rate) spawn(lane, t);
    }
  }
  if (withAnomalies) actors.push(...planEvents(ctx, rng.fork('events'), style.events ?? anomaly, style.kinds));
  return actors.filter((a) => a.states.some((s) => s !== null));
}

/** What planning one video needs; `nextId` numbers the actors. */
export interface PlanContext {
  readonly layout: SceneLayout;
  readonly options: SyntheticOptions;
  readonly aspect: number; // height / width: converts body heights (fractions of H) to fractions of W
  readonly length: number;
  readonly rng: Rng;
  readonly look: (rng: Rng) => Appearance;
  nextId: number;
}

function planEvents(ctx: PlanContext, rng: Rng, events: EventPlanner, fixed: readonly AnomalyKind[] | undefined): Actor[] {
  const { options } = ctx;
  const k = options.anomaliesPerVideo;
  const out: Actor[] = [];
  for (let e = 0; e < k; e++) {
    const slot0 = options.length * (0.1 + (0.8 * e) / k);
    const slot1 = options.length * (0.1 + (0.8 * (e + 1)) / k);
    const t = Math.floor(lerp(slot0, slot1, rng.uniform(0.1, 0.6)));
    const kinds = eventKinds(options);
    const kind = fixed?.[e] ?? (kinds[rng.int(kinds.length)] as AnomalyKind);
    out.push(events(ctx, kind, t, rng.fork(`event-${e}`)));
  }
  return out;
}

function anomaly(ctx: PlanContext, kind: AnomalyKind, t: number, rng: Rng): Actor {
  const d = kindDifficulty(ctx.options, kind);
  const walk = (0.8 / ctx.options.fps) * rng.uniform(0.9, 1.1);
  const lanes = ctx.layout.lanes;
  const lane = lanes[rng.int(lanes.length)] as Lane;
  const dir = lane.direction !== 0 ? lane.direction : rng.next() < 0.5 ? 1 : -1;
  const offset = rng.uniform(-0.5, 0.5) * lane.width;
  switch (kind) {
    case 'fast-mover': {
      const speed = walk * lerp(4, 1.8, d) * rng.uniform(0.9, 1.1);
      return walker(ctx, rng.next() < 0.5 ? 'cyclist' : 'skater', lane, dir, offset, t, { speed, rng }, () => true);
    }
    case 'vehicle':
      return walker(ctx, 'cart', lane, dir, offset, t, { speed: walk * lerp(2.2, 1.1, d), rng }, () => true, lerp(1.1, 0.6, d));
    case 'wrong-way': {
      const oneWay = lanes.find((l) => l.direction !== 0) ?? lane;
      return walker(ctx, 'wrong-way', oneWay, -(oneWay.direction || 1) as 1 | -1, offset, t, { speed: walk, rng }, () => true);
    }
    case 'erratic':
      return erratic(ctx, lane, dir, t, { speed: walk * 1.3, rng });
    case 'foreign-object':
      return thrown(ctx, lane, t, rng, lerp(0.6, 0.3, d));
    case 'loitering':
      return loiterer(ctx, lane, dir, offset, t, { speed: walk, rng }, Math.round((lerp(60, 25, d) * ctx.options.fps) / 10));
    default:
      throw new Error(`planVideo: anomaly kind must be a version-1 kind, but got "${kind}"`);
  }
}

/** Version-1 clothing: any shirt colour, dark trousers, 40 % striped shirts. */
export function appearance(rng: Rng): Appearance {
  const colour = (): Rgb => [rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9), rng.uniform(0.1, 0.9)];
  const tone = rng.uniform(0.45, 0.85);
  return {
    shirt: colour(),
    trousers: [rng.uniform(0.05, 0.4), rng.uniform(0.05, 0.4), rng.uniform(0.1, 0.5)],
    skin: [tone, tone * 0.8, tone * 0.65],
    hair: [rng.uniform(0.05, 0.3), rng.uniform(0.03, 0.2), rng.uniform(0.02, 0.15)],
    stripes: rng.next() < 0.4 ? 6 + rng.int(8) : 0,
    build: rng.uniform(0.85, 1.2),
    texture: createNoiseField(rng.fork('texture'), 1, 16),
    textureOffset: rng.uniform(0, 100),
  };
}

export function makeActor(ctx: PlanContext, kind: Actor['kind'], rng: Rng, states: (ActorState | null)[], size = 1): Actor {
  const colour: Rgb = [rng.uniform(0.5, 1), rng.uniform(0.1, 0.9), rng.uniform(0, 0.4)];
  return { id: ctx.nextId++, kind, appearance: ctx.look(rng.fork(`look-${ctx.nextId}`)), size, colour, states };
}

/**
 * Walks along a lane from the off-screen end at global frame `start`; `isAnomalous(state)` marks frames;
 * `stop` (optional) can hold the walker in place.
 */
export function walker(
  ctx: PlanContext,
  kind: Actor['kind'],
  lane: Lane,
  dir: 1 | -1,
  offset: number,
  start: number,
  motion: Motion,
  isAnomalous: (local: number) => boolean = () => false,
  size = motion.rng.uniform(0.9, 1.1),
  hold?: { x: number; frames: number },
): Actor {
  const states = new Array<ActorState | null>(ctx.length).fill(null);
  let x = dir === 1 ? lane.ax : lane.bx;
  let phase = motion.rng.uniform(0, 2 * Math.PI);
  let held = 0;
  for (let t = start, local = 0; x >= lane.ax - 0.01 && x <= lane.bx + 0.01 && t < ctx.length; t++, local++) {
    const y0 = laneY(lane, x);
    const y = y0 + offset * bodyHeight(ctx.layout, y0) * 0.5;
    const holding = hold !== undefined && held < hold.frames && (x - hold.x) * dir >= 0;
    if (t >= 0) {
      const anomalous = hold !== undefined ? holding : isAnomalous(local);
      states[t] = { x: holding ? x + 0.004 * Math.sin(held / 3) : x, y, facing: dir, phase, moving: !holding, anomalous, lift: 0 };
    }
    if (holding) {
      held++;
      continue;
    }
    const step = motion.speed * bodyHeight(ctx.layout, y) * ctx.aspect;
    x += dir * step;
    phase += (2 * Math.PI * motion.speed) / 1.2;
  }
  return makeActor(ctx, kind, motion.rng, states, size);
}

export function loiterer(ctx: PlanContext, lane: Lane, dir: 1 | -1, offset: number, t: number, motion: Motion, frames: number): Actor {
  const stopX = motion.rng.uniform(0.25, 0.75);
  // start early enough that the stop begins at frame t: count the frames from the lane end to stopX
  let x = dir === 1 ? lane.ax : lane.bx;
  let n = 0;
  while ((stopX - x) * dir > 0) {
    x += dir * motion.speed * bodyHeight(ctx.layout, laneY(lane, x)) * ctx.aspect;
    n++;
  }
  return walker(ctx, 'loiterer', lane, dir, offset, t - n, motion, () => false, 1, { x: stopX, frames });
}

export function erratic(ctx: PlanContext, lane: Lane, dir: 1 | -1, start: number, motion: Motion, turn = 0.6): Actor {
  const { layout } = ctx;
  const states = new Array<ActorState | null>(ctx.length).fill(null);
  let x = dir === 1 ? lane.ax + 0.1 : lane.bx - 0.1;
  let y = laneY(lane, x);
  let heading = 0; // radians relative to the lane direction
  let phase = 0;
  for (let t = start; t < ctx.length && x >= lane.ax && x <= lane.bx; t++) {
    if (t >= 0) states[t] = { x, y, facing: Math.cos(heading) >= 0 ? dir : (-dir as 1 | -1), phase, moving: true, anomalous: true, lift: 0 };
    heading = 0.85 * heading + motion.rng.normal() * turn;
    const step = motion.speed * bodyHeight(layout, y);
    x += dir * Math.cos(heading) * step * ctx.aspect;
    y += Math.sin(heading) * step * 0.6;
    if (y < layout.groundTop || y > layout.groundBottom) {
      y = Math.min(layout.groundBottom, Math.max(layout.groundTop, y));
      heading = -heading;
    }
    phase += (2 * Math.PI * motion.speed) / 1.2;
  }
  return makeActor(ctx, 'erratic', motion.rng, states);
}

export function thrown(ctx: PlanContext, lane: Lane, start: number, rng: Rng, size: number): Actor {
  const x = rng.uniform(0.15, 0.85);
  const y = laneY(lane, x) + rng.uniform(-0.5, 0.5) * lane.width * bodyHeight(ctx.layout, laneY(lane, x));
  const states = new Array<ActorState | null>(ctx.length).fill(null);
  for (let t = Math.max(0, start); t < ctx.length; t++) {
    const lift = Math.max(0, 0.6 * (1 - (t - start) / 4));
    states[t] = { x, y, facing: 1, phase: 0, moving: false, anomalous: true, lift };
  }
  return makeActor(ctx, 'object', rng, states, size);
}
