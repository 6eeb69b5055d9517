/** Anchor colours of a perceptual dark-to-bright map (inferno-like), for error maps. */
const anchors: ReadonlyArray<readonly [number, number, number]> = [
  [0, 0, 4], [40, 11, 84], [101, 21, 110], [159, 42, 99], [212, 72, 66], [245, 125, 21], [250, 193, 39], [252, 255, 164],
];

/**
 * Maps t ∈ [0, 1] to an RGB colour by linear interpolation between the anchors (clamped outside).
 *
 * @example
 * heatColor(0); // => [0, 0, 4]
 * heatColor(1); // => [252, 255, 164]
 */
export function heatColor(t: number): [number, number, number] {
  const x = Math.min(1, Math.max(0, Number.isFinite(t) ? t : 0)) * (anchors.length - 1);
  const i = Math.min(anchors.length - 2, Math.floor(x));
  const f = x - i;
  const a = anchors[i] as readonly [number, number, number];
  const b = anchors[i + 1] as readonly [number, number, number];
  return [Math.round(a[0] + (b[0] - a[0]) * f), Math.round(a[1] + (b[1] - a[1]) * f), Math.round(a[2] + (b[2] - a[2]) * f)];
}
