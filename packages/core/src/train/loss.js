import * as tf from '@tensorflow/tfjs';
/**
 * The DDL objective (ddl-method.md eq. 3–7, as the official code computes it). All maps are NHWC:
 * frames [B, H, W, C], masks and error maps [B, H, W].
 */
/** Per-pixel L2 norm over the last axis, with PyTorch's subgradient 0 where the norm is 0 (no NaN). */
const channelNorm = tf.customGrad((...args) => {
    const [d, save] = args;
    const norm = tf.sqrt(tf.sum(tf.square(d), -1)); // [B, H, W]
    save([d, norm]);
    return {
        value: norm,
        gradFunc: (dy, saved) => {
            const [x, n] = saved;
            return tf.mul(tf.expandDims(dy, -1), tf.divNoNan(x, tf.expandDims(n, -1))); // [B, H, W, C]
        },
    };
});
/**
 * Per-pixel error map ‖a − b‖ over channels ÷ √C.
 *
 * @example
 * pixelError(tf.ones([1, 1, 1, 4]), tf.zeros([1, 1, 1, 4])); // => [[[1]]]  (√4 / √4)
 */
export function pixelError(a, b) {
    return tf.tidy(() => {
        const channels = a.shape[3];
        return tf.div(channelNorm(tf.sub(a, b)), Math.sqrt(channels)); // [B, H, W]
    });
}
/**
 * L_recon = mean over batch and pixels of ‖X_t − f(X)‖ / √C (eq. 4).
 *
 * @example
 * // one pixel off by 1 in all 4 channels, one exact: (1 + 0) / 2
 * reconstructionLoss(target, recon); // => 0.5
 */
export function reconstructionLoss(target, reconstruction) {
    return tf.tidy(() => tf.mean(pixelError(target, reconstruction)));
}
/**
 * L_dist = mean over masked pixels of (P + ε·M_t) / (N + ε), with P = M_t·‖X_t − f(X_A)‖/√C and
 * N = M_t·‖X_t^A − f(X_A)‖/√C (eq. 5–7, official per-pixel form). With no masked pixel every term is 0.
 *
 * @example
 * // one masked pixel, C = 4: X_t = 0, f(X_A) = 1, X_t^A = 0.5 ⇒ P = 1, N = 0.5, L_dist ≈ 2
 */
export function distinctionLoss(frames, epsilon) {
    const [lDist, p, n, count] = tf.tidy(() => {
        const m = frames.maskT; // [B, H, W]
        const pMap = tf.mul(m, pixelError(frames.target, frames.reconstruction)); // [B, H, W]
        const nMap = tf.mul(m, pixelError(frames.anomalous, frames.reconstruction)); // [B, H, W]
        const ratio = tf.div(tf.add(pMap, tf.mul(m, epsilon)), tf.add(nMap, epsilon)); // [B, H, W]
        const inside = tf.cast(tf.notEqual(m, 0), 'float32'); // [B, H, W]
        const total = tf.sum(inside);
        const denominator = tf.maximum(total, 1);
        return [
            tf.div(tf.sum(tf.mul(ratio, inside)), denominator),
            tf.div(tf.sum(pMap), denominator),
            tf.div(tf.sum(nMap), denominator),
            total,
        ];
    });
    return { lDist: lDist, p: p, n: n, count: count };
}
/** Which samples of the batch carry a pseudo anomaly: 1 where `mask` [B, T, H, W, 1] has any pixel. */
export function pseudoSamples(mask) {
    return tf.tidy(() => tf.cast(tf.greater(tf.max(mask, [1, 2, 3, 4]), 0), 'float32')); // [B]
}
/**
 * LNTRA's pseudo-sample loss: MSE between f(X_A) and the normal middle frame, averaged over the
 * pseudo samples (`isPseudo` [B] in {0, 1}); 0 when there is none.
 *
 * @example
 * // two samples, only the first pseudo, its squared error 0.25 everywhere ⇒ 0.25
 */
export function reconstructNormalLoss(frames, isPseudo) {
    return tf.tidy(() => {
        const perSample = tf.mean(tf.squaredDifference(frames.reconstruction, frames.target), [1, 2, 3]); // [B]
        return tf.div(tf.sum(tf.mul(perSample, isPseudo)), tf.maximum(tf.sum(isPseudo), 1));
    });
}
/**
 * STEAL's pseudo-sample loss, bounded: mean over pseudo samples of max(0, margin − err), where err is
 * the mean ‖X_t^A − f(X_A)‖/√C over the changed region of the middle frame (or the whole frame when
 * only neighbouring frames changed, as for temporal simulators). Minimising it raises the error on
 * pseudo anomalies until it reaches `margin`, then stops, so training cannot diverge.
 *
 * @example
 * // one pseudo sample with err 0.1, margin 0.3 ⇒ 0.2; with err 0.5 ⇒ 0
 */
export function maxErrorLoss(frames, isPseudo, margin) {
    return tf.tidy(() => {
        const errorMap = pixelError(frames.anomalous, frames.reconstruction); // [B, H, W]
        const hasRegion = tf.cast(tf.greater(tf.sum(frames.maskT, [1, 2]), 0), 'float32'); // [B]
        const wholeFrame = tf.reshape(tf.sub(1, hasRegion), [-1, 1, 1]); // [B, 1, 1]
        const weights = tf.add(frames.maskT, tf.mul(tf.onesLike(frames.maskT), wholeFrame)); // [B, H, W]
        const err = tf.div(tf.sum(tf.mul(errorMap, weights), [1, 2]), tf.maximum(tf.sum(weights, [1, 2]), 1)); // [B]
        const hinge = tf.relu(tf.sub(margin, err)); // [B]
        return tf.div(tf.sum(tf.mul(hinge, isPseudo)), tf.maximum(tf.sum(isPseudo), 1));
    });
}
//# sourceMappingURL=loss.js.map