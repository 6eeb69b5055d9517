import * as tf from '@tensorflow/tfjs';
import { pixelError } from './loss';
import { middleFrame } from './loss-modes';
/**
 * Reconstructs the middle frame of each clip (BatchNorm in eval mode, no gradient tape) and returns
 * the per-pixel error maps the metrics package turns into frame scores.
 *
 * @example
 * const { errors, shape } = await reconstructionErrors(model, clips); // clips [1, 3, 64, 64, 3]
 * // errors.length === 64 * 64; a perfect reconstruction gives all zeros
 */
export async function reconstructionErrors(model, clips) {
    const [reconstruction, errors] = tf.tidy(() => {
        const recon = model.apply(clips, false); // [B, H, W, C]
        return [recon, pixelError(middleFrame(clips), recon)]; // [B, H, W]
    });
    try {
        const [b, h, w, c] = reconstruction.shape;
        const [errorValues, reconValues] = await Promise.all([errors.data(), reconstruction.data()]);
        return { shape: [b, h, w, c], errors: errorValues, reconstructions: reconValues };
    }
    finally {
        tf.dispose([reconstruction, errors]);
    }
}
//# sourceMappingURL=infer.js.map