import * as tf from '@tensorflow/tfjs';
import { createModel, parseModelOptions } from '../models/create-model';
import { modelFlops } from '../models/model-flops';
import { createRng } from '../rng';
import { createAdam, disposeAdam } from '../train/adam';
import { createWorkerEngine } from '../parallel/worker-engine';
import { createMicroBatchEngine } from '../parallel/micro-batch-engine';
import { applyGradients, disposeBatch, uploadBatch } from '../train/step';
import { createWeightedNoiseSimulator } from '../train/weighted-noise';
import { syntheticBatch } from './bench-data';
import { benchPresets } from './bench-presets';
import { opBreakdown } from './op-breakdown';
import { timeStats } from './time-stats';
const now = () => performance.now();
/**
 * Times the full DDL train step of a preset — weighted noise with σ = sigmoid(ℓ), f(X) and f(X_A)
 * in train mode, backward into the weights and ℓ, Adam — and batch-1 inference, on the active tfjs
 * backend. FLOPs are counted by the reference formula, so GFLOP/s compare with performance.md.
 */
export async function runBench(options) {
    const preset = benchPresets[options.preset];
    const modelOptions = parseModelOptions(preset.model, 'runBench');
    const rng = createRng(`bench/${options.preset}`);
    const model = createModel(modelOptions, rng.fork('model'));
    const threads = options.threads ?? 1;
    const engine = threads > 1 ? await createWorkerEngine(model, { threads, model: modelOptions }) : null;
    const local = createMicroBatchEngine(options.microBatches ?? 1);
    const host = syntheticBatch(model.geometry, preset.batch, rng.fork('data'));
    const logit = { variable: tf.variable(tf.scalar(0), true), lrMultiplier: 1 };
    const optimizers = { model: createAdam(), logit: createAdam() };
    const simulator = createWeightedNoiseSimulator();
    const loss = { mode: 'distinction', lambda: 0.01, epsilon: 1e-6, maxErrorMargin: 0.2 };
    const simRng = rng.fork('simulator');
    const step = async () => {
        const batch = uploadBatch(host);
        const start = now();
        const { grads } = await (engine ?? local).computeGradients({ model, simulator, batch, sigma: { kind: 'learned', logit }, rng: simRng, loss });
        applyGradients(model, logit, optimizers, grads, 1e-2);
        await logit.variable.data(); // the step is done when its last update is
        const ms = now() - start;
        disposeBatch(batch);
        return ms;
    };
    const train = [];
    for (let i = 0; i < options.warmup + options.steps; i++) {
        const ms = await step();
        if (i >= options.warmup)
            train.push(ms);
    }
    const ops = options.breakdown === true ? await opBreakdown(async () => void (await step())) : undefined;
    const infer = timeInference(model, host.clips, options.inferClips ?? Math.max(options.steps, 10));
    const flops = modelFlops(modelOptions, preset.batch);
    const trainStepMs = timeStats(train);
    const inferMsPerClip = timeStats(infer);
    const params = model.parameterCount();
    await engine?.dispose();
    model.dispose();
    logit.variable.dispose();
    disposeAdam(optimizers.model);
    disposeAdam(optimizers.logit);
    return {
        preset: options.preset,
        backend: tf.getBackend(),
        threads,
        microBatches: threads > 1 ? 1 : (options.microBatches ?? 1),
        batch: preset.batch,
        size: modelOptions.height,
        latent: modelOptions.latent,
        T: modelOptions.frames,
        channels: modelOptions.channels,
        kernels: modelOptions.kernels,
        params,
        trainStepMs,
        inferMsPerClip,
        gflopPerStep: round(flops.trainGflopPerStep, 2),
        effectiveGflops: round(flops.trainGflopPerStep / (trainStepMs.median / 1000), 2),
        peakRssMb: Math.round(process.resourceUsage().maxRSS / 1024),
        referenceMs: preset.referenceMs,
        ratio: round(trainStepMs.median / preset.referenceMs, 3),
        referenceInferMs: preset.referenceInferMs,
        inferRatio: round(inferMsPerClip.median / preset.referenceInferMs, 3),
        ...(ops !== undefined ? { opBreakdown: ops } : {}),
    };
}
/** Batch-1 eval-mode reconstructions of the first clip, two untimed first. */
function timeInference(model, clips, n) {
    const { frames, height, width, channels } = model.geometry;
    const clip = tf.tensor5d(clips.subarray(0, frames * height * width * channels), [1, frames, height, width, channels]);
    const times = [];
    for (let i = 0; i < n + 2; i++) {
        const start = now();
        tf.tidy(() => model.apply(clip, false).dataSync());
        if (i >= 2)
            times.push(now() - start);
    }
    clip.dispose();
    return times;
}
function round(x, digits) {
    return Number(x.toFixed(digits));
}
//# sourceMappingURL=run-bench.js.map