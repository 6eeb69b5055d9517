/**
 * A synthetic host batch for timing: uniform pixels and, in every clip and frame, one object box
 * of a quarter of the frame's width and height at a random position (so L_dist is active).
 *
 * @example
 * syntheticBatch({ frames: 3, height: 64, width: 64, channels: 3 }, 8, rng).masks; // 16×16 boxes
 */
export function syntheticBatch(geometry, batch, rng) {
    const { frames: t, height: h, width: w, channels: c } = geometry;
    const clips = new Float32Array(batch * t * h * w * c);
    for (let i = 0; i < clips.length; i++)
        clips[i] = rng.next();
    const masks = new Float32Array(batch * t * h * w);
    const [bh, bw] = [Math.max(1, h >> 2), Math.max(1, w >> 2)];
    for (let b = 0; b < batch; b++) {
        const [y0, x0] = [rng.int(h - bh + 1), rng.int(w - bw + 1)];
        for (let f = 0; f < t; f++) {
            for (let y = y0; y < y0 + bh; y++)
                masks.fill(1, ((b * t + f) * h + y) * w + x0, ((b * t + f) * h + y) * w + x0 + bw);
        }
    }
    const meta = Array.from({ length: batch }, (_, b) => ({ video: 'synthetic', frame: b }));
    return { clips, masks, shape: [batch, t, h, w, c], meta };
}
//# sourceMappingURL=bench-data.js.map