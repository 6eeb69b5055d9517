import { decideSigma, observe } from './session';
import { applyGradients, computeGradients, disposeBatch, uploadBatch } from './step';
/** Computes gradients in this process. */
export const localEngine = { computeGradients };
/**
 * One training step, top to bottom: σ (schedule or ℓ) → upload → simulate, f(X), f(X_A), loss,
 * gradients (the engine) → Adam → history → record.
 */
export async function runStep(session, engine, host, at, now) {
    const started = now();
    const hasMask = host.masks !== null && host.masks.some((x) => x !== 0);
    if (session.options.skipBatchesWithoutMask && !hasMask) {
        return { step: at.step, epoch: at.epoch, sigma: null, logit: null, loss: null, lRecon: null, lPseudo: null, lDist: null, p: null, n: null, maskedPixels: 0, lr: at.lr, ms: now() - started, skipped: true };
    }
    const sigma = decideSigma(session, at.epoch, at.step);
    const batch = uploadBatch(host, session.source);
    const { model, simulator, loss } = session;
    let result;
    try {
        result = await engine.computeGradients({ model, simulator, batch, sigma: sigma.input, rng: session.rngs.simulator, loss });
    }
    finally {
        disposeBatch(batch);
    }
    const { grads, values } = result;
    applyGradients(model, session.logit, session.optimizers, grads, at.lr);
    observe(session, at.step, sigma.sigma, values);
    return { step: at.step, epoch: at.epoch, sigma: sigma.sigma, logit: sigma.logit, ...values, lr: at.lr, ms: now() - started, skipped: false };
}
//# sourceMappingURL=run-step.js.map