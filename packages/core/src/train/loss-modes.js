import * as tf from '@tensorflow/tfjs';
import { distinctionLoss, maxErrorLoss, pseudoSamples, reconstructNormalLoss } from './loss';
/**
 * How pseudo samples enter the loss L = L_recon + λ·L_pseudo:
 * - `distinction` — DDL: L_pseudo = L_dist, the P/N ratio (default);
 * - `reconstruct-normal` — LNTRA: L_pseudo = MSE(f(X_A), X_t) on the pseudo samples;
 * - `max-error` — STEAL: L_pseudo = max(0, margin − err(X_t^A, f(X_A))) on the pseudo samples.
 */
export const lossModes = ['distinction', 'reconstruct-normal', 'max-error'];
/**
 * L_pseudo for `config.mode`, given the middle frames and the simulator's changed region
 * `mask` [B, T, H, W, 1] (whose middle frame is M_t).
 *
 * @example
 * const terms = pseudoLoss({ mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 }, frames, mask);
 * // terms.lPseudo === terms.lDist
 */
export function pseudoLoss(config, frames, mask) {
    const dist = distinctionLoss(frames, config.epsilon);
    if (config.mode === 'distinction')
        return { ...dist, lPseudo: tf.clone(dist.lDist) };
    const lPseudo = tf.tidy(() => {
        const isPseudo = pseudoSamples(mask); // [B]
        return config.mode === 'reconstruct-normal'
            ? reconstructNormalLoss(frames, isPseudo)
            : maxErrorLoss(frames, isPseudo, config.maxErrorMargin);
    });
    return { ...dist, lPseudo };
}
/** The middle frame t = (T − 1)/2 of clips [B, T, H, W, C] ⇒ [B, H, W, C]. */
export function middleFrame(clips) {
    const [b, t, h, w, c] = clips.shape;
    // Sliced as [B, T, H·W·C]: wasm slices 5-D tensors ~300× slower than the same slice in 3-D.
    return tf.tidy(() => {
        const flat = tf.reshape(clips, [b, t, h * w * c]); // [B, T, H·W·C]
        return tf.reshape(tf.slice(flat, [0, Math.floor(t / 2), 0], [b, 1, h * w * c]), [b, h, w, c]);
    });
}
//# sourceMappingURL=loss-modes.js.map