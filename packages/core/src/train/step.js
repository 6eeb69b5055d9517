import * as tf from '@tensorflow/tfjs';
import { adamUpdate } from './adam';
import { reconstructionLoss } from './loss';
import { middleFrame, pseudoLoss } from './loss-modes';
/** Name of the learned ℓ (σ = sigmoid(ℓ)) in gradients, optimiser state and checkpoints. */
export const logitName = 'ddl.logit';
/**
 * The differentiable half of a DDL step, pure in its inputs (a data-parallel engine can run it per
 * shard and average the gradients): σ → simulate → f(X), f(X_A) (both BatchNorm train mode) →
 * L = L_recon + λ·L_pseudo → gradients. ℓ gets its gradient only through X_A. Without σ or masks it
 * is plain reconstruction: no simulator call, no second forward. Returned gradients are the caller's.
 */
export function computeGradients(inputs) {
    const { model, batch, sigma, loss } = inputs;
    const masks = sigma !== null ? batch.masks : null; // null ⇒ plain reconstruction
    const trainable = model.variables().filter((v) => v.trainable);
    const names = new Map(trainable.map((v) => [v.variable.name, v.name]));
    const varList = trainable.map((v) => v.variable);
    if (masks !== null && sigma?.kind === 'learned') {
        names.set(sigma.logit.variable.name, logitName);
        varList.push(sigma.logit.variable);
    }
    const kept = {}; // [loss, lRecon] or [loss, lRecon, lPseudo, lDist, p, n, count]
    const grads = tf.tidy(() => {
        const result = tf.variableGrads(() => {
            const lRecon = reconstructionLoss(middleFrame(batch.clips), model.apply(batch.clips, true)); // f(X)
            if (masks === null || sigma === null) {
                kept.terms = tf.keep(tf.stack([lRecon, lRecon]));
                return lRecon;
            }
            const s = sigma.kind === 'learned' ? tf.sigmoid(sigma.logit.variable) : tf.scalar(sigma.sigma); // σ
            const sim = inputs.simulator.simulate({ ...batch, masks, sigma: s, rng: inputs.rng });
            const frames = {
                target: sim.target, // X_t [B, H, W, C]
                anomalous: middleFrame(sim.clips), // X_t^A [B, H, W, C]
                reconstruction: model.apply(sim.clips, true), // f(X_A) [B, H, W, C]
                maskT: tf.squeeze(middleFrame(sim.mask), [3]), // M_t [B, H, W]
            };
            const t = pseudoLoss(loss, frames, sim.mask);
            const total = tf.add(lRecon, tf.mul(t.lPseudo, loss.lambda));
            kept.terms = tf.keep(tf.stack([total, lRecon, t.lPseudo, t.lDist, t.p, t.n, t.count]));
            return total;
        }, varList);
        const renamed = {};
        for (const [tfName, grad] of Object.entries(result.grads))
            renamed[names.get(tfName) ?? tfName] = grad;
        return renamed;
    });
    return { grads, values: readValues(kept.terms) };
}
function readValues(terms) {
    if (terms === undefined)
        throw new Error('computeGradients: the loss must have been evaluated, but got no terms');
    const v = Array.from(terms.dataSync());
    terms.dispose();
    const [loss = NaN, lRecon = NaN, lPseudo, lDist, p, n, count = 0] = v;
    const dist = (x) => (count > 0 && x !== undefined ? x : null);
    return { loss, lRecon, lPseudo: lPseudo ?? null, lDist: dist(lDist), p: dist(p), n: dist(n), maskedPixels: count };
}
/**
 * The update half of a step: Adam on every model weight that has a gradient at `lr`, on ℓ at
 * `lr × lrMultiplier`, then σ clamped to its bounds. Consumes (disposes) `grads`.
 */
export function applyGradients(model, logit, optimizers, grads, lr) {
    for (const { name, variable, trainable } of model.variables()) {
        const grad = grads[name];
        if (trainable && grad !== undefined)
            adamUpdate(optimizers.model, name, variable, grad, lr);
    }
    const logitGrad = grads[logitName];
    if (logit !== null && logitGrad !== undefined) {
        adamUpdate(optimizers.logit, logitName, logit.variable, logitGrad, lr * logit.lrMultiplier);
        if (logit.bounds !== undefined) {
            const [lo, hi] = logit.bounds.map((s) => Math.log(s / (1 - s)));
            tf.tidy(() => logit.variable.assign(tf.clipByValue(logit.variable, lo, hi)));
        }
    }
    for (const grad of Object.values(grads))
        grad.dispose();
}
/** Uploads a host batch; masks become null when no pixel is set (nothing to simulate). */
export function uploadBatch(batch, source) {
    const [b, t, h, w, c] = batch.shape;
    const hasMask = batch.masks !== null && batch.masks.some((x) => x !== 0);
    return {
        clips: tf.tensor5d(batch.clips, [b, t, h, w, c]),
        masks: hasMask && batch.masks !== null ? tf.tensor5d(batch.masks, [b, t, h, w, 1]) : null,
        meta: batch.meta,
        ...(source !== undefined ? { source } : {}),
    };
}
/** Frees an uploaded batch. */
export function disposeBatch(batch) {
    batch.clips.dispose();
    batch.masks?.dispose();
}
//# sourceMappingURL=step.js.map