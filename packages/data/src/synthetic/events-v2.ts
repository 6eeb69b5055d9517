import type { Rng } from '@vad/core';
import { erratic, lerp, loiterer, makeActor, thrown, walker, type Actor, type ActorState, type EventPlanner, type Motion, type PlanContext } from './actors';
import type { Appearance } from './figures';
import { createNoiseField } from './noise-field';
import { bodyHeight, laneY, type Lane, type Rgb } from './scene-layout';
import { kindDifficulty, type AnomalyKind } from './synthetic-options';

/**
 * What the difficulty d ∈ [0, 1] of each kind controls in version 2 (d = 0 blatant, 1 subtle), as
 * [value at d = 0, value at d = 1]; the generator interpolates linearly. Documented in configs/README.md.
 */
export const difficultyRanges = {
  vehicle: { length: [1.8, 0.6], speed: [1.5, 1], saturation: [0.95, 0.3] }, // cart length in body heights; speed × walking; paint
  'fast-mover': { speed: [4, 1.6] }, // cyclist / skater speed × walking
  running: { speed: [3.5, 1.5] }, // runner speed × walking
  'wrong-way': { speed: [1.3, 1] }, // against a one-way path, speed × walking
  'off-path': { angle: [0.9, 0.1] }, // radians between the path and the walk across the grass (0.1: beside the path)
  erratic: { turn: [0.9, 0.3] }, // heading noise per frame (radians, AR(1) innovation)
  loitering: { seconds: [6, 2.5] }, // time standing still
  'foreign-object': { size: [1, 0.3], saturation: [0.95, 0.3] }, // object side in body heights; paint
} as const satisfies Record<AnomalyKind, Record<string, readonly [number, number]>>;

const at = (range: readonly [number, number], d: number): number => lerp(range[0], range[1], d);
const tag = (actor: Actor, anomaly: AnomalyKind, colour?: Rgb): Actor => ({ ...actor, anomaly, ...(colour === undefined ? {} : { colour }) });
const always = (): boolean => true;

/** RGB of hue h, saturation s, value v (all in [0, 1]). */
function hsv(h: number, s: number, v: number): Rgb {
  const f = (n: number): number => {
    const k = (n + h * 6) % 6;
    return v - v * s * Math.max(0, Math.min(k, 4 - k, 1));
  };
  return [f(5), f(3), f(1)];
}

/** Paint of a vehicle or object: any hue, saturation from its difficulty (walkers wear saturation ≤ 0.35). */
export function paint(rng: Rng, saturation: number): Rgb {
  return hsv(rng.next(), saturation, lerp(0.95, 0.7, 1 - saturation));
}

/**
 * Version-2 clothing: muted shirts (saturation ≤ 0.35, as crowds dress), dark trousers, 25 % striped
 * — so that a vehicle's or object's paint (saturation from its difficulty) can stand out, or not.
 */
export function appearanceV2(rng: Rng): Appearance {
  const tone = rng.uniform(0.45, 0.85);
  return {
    shirt: hsv(rng.next(), rng.uniform(0, 0.35), rng.uniform(0.3, 0.8)),
    trousers: hsv(rng.next(), rng.uniform(0, 0.35), rng.uniform(0.12, 0.4)),
    skin: [tone, tone * 0.8, tone * 0.65],
    hair: [rng.uniform(0.05, 0.3), rng.uniform(0.03, 0.2), rng.uniform(0.02, 0.15)],
    stripes: rng.next() < 0.25 ? 6 + rng.int(8) : 0,
    build: rng.uniform(0.85, 1.2),
    texture: createNoiseField(rng.fork('texture'), 1, 16),
    textureOffset: rng.uniform(0, 100),
  };
}

/**
 * The version-2 event planner: one actor of `kind` entering near frame `t`, labelled with its kind,
 * its strength set by that kind's difficulty (see {@link difficultyRanges}).
 *
 * @example
 * planVideo(rng, layout, options, aspect, true, planEventV2); // walkers + version-2 anomaly events
 */
export const planEventV2: EventPlanner = (ctx: PlanContext, kind: AnomalyKind, t: number, rng: Rng): Actor => {
  const d = kindDifficulty(ctx.options, kind);
  const r = difficultyRanges;
  const walk = (0.8 / ctx.options.fps) * rng.uniform(0.9, 1.1);
  const lanes = ctx.layout.lanes;
  const lane = lanes[rng.int(lanes.length)] as Lane;
  const dir = lane.direction !== 0 ? lane.direction : rng.next() < 0.5 ? 1 : -1;
  const offset = rng.uniform(-0.5, 0.5) * lane.width;
  switch (kind) {
    case 'vehicle':
      return tag(walker(ctx, 'cart', lane, dir, offset, t, { speed: walk * at(r.vehicle.speed, d), rng }, always, at(r.vehicle.length, d)), kind, paint(rng, at(r.vehicle.saturation, d)));
    case 'fast-mover': {
      const speed = walk * at(r['fast-mover'].speed, d) * rng.uniform(0.9, 1.1);
      return tag(walker(ctx, rng.next() < 0.5 ? 'cyclist' : 'skater', lane, dir, offset, t, { speed, rng }, always), kind);
    }
    case 'running':
      return tag(walker(ctx, 'runner', lane, dir, offset, t, { speed: walk * at(r.running.speed, d) * rng.uniform(0.9, 1.1), rng }, always), kind);
    case 'wrong-way': {
      const oneWay = lanes.find((l) => l.direction !== 0) ?? lane;
      return tag(walker(ctx, 'wrong-way', oneWay, -(oneWay.direction || 1) as 1 | -1, offset, t, { speed: walk * at(r['wrong-way'].speed, d), rng }, always), kind);
    }
    case 'off-path':
      return tag(offPath(ctx, lane, dir, t, { speed: walk, rng }, at(r['off-path'].angle, d)), kind);
    case 'erratic':
      return tag(erratic(ctx, lane, dir, t, { speed: walk * 1.3, rng }, at(r.erratic.turn, d)), kind);
    case 'loitering':
      return tag(loiterer(ctx, lane, dir, offset, t, { speed: walk, rng }, Math.round(at(r.loitering.seconds, d) * ctx.options.fps)), kind);
    case 'foreign-object':
      return tag(thrown(ctx, lane, t, rng, at(r['foreign-object'].size, d)), kind, paint(rng, at(r['foreign-object'].saturation, d)));
  }
};

/**
 * A walker that enters from the frame edge on the grass beside `lane` (on the side with more ground)
 * and crosses the grass at `angle` to the path (walking along the edge of the ground once it reaches
 * it). Anomalous on the frames its feet are off the paved band.
 */
function offPath(ctx: PlanContext, lane: Lane, dir: 1 | -1, start: number, motion: Motion, angle: number): Actor {
  const { layout } = ctx;
  const states = new Array<ActorState | null>(ctx.length).fill(null);
  const mid = laneY(lane, 0.5);
  const side = mid - layout.groundTop > layout.groundBottom - mid ? -1 : 1; // −1 = toward the horizon
  const band = (y: number): number => lane.width * bodyHeight(layout, y) * 1.2;
  let x = dir === 1 ? lane.ax : lane.bx;
  let y = laneY(lane, x) + side * (band(laneY(lane, x)) + motion.rng.uniform(0.02, 0.06));
  let heading = side * angle;
  let phase = motion.rng.uniform(0, 2 * Math.PI);
  for (let t = start; t < ctx.length && x >= lane.ax - 0.01 && x <= lane.bx + 0.01; t++) {
    if (t >= 0) states[t] = { x, y, facing: dir, phase, moving: true, anomalous: Math.abs(y - laneY(lane, x)) > band(y), lift: 0 };
    const step = motion.speed * bodyHeight(layout, y);
    x += dir * Math.cos(heading) * step * ctx.aspect;
    y += Math.sin(heading) * step * 0.6;
    if (y < layout.groundTop || y > layout.groundBottom) {
      y = Math.min(layout.groundBottom, Math.max(layout.groundTop, y));
      heading = 0; // walk along the edge of the ground
    }
    phase += (2 * Math.PI * motion.speed) / 1.2;
  }
  return makeActor(ctx, 'off-path', motion.rng, states);
}
