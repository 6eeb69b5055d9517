/**
 * The benchmark configurations, exactly the rows of performance.md's reference table (the official
 * PyTorch code, 2 threads, on this machine type): model options, batch, and the reference times.
 */
export const benchPresets = {
    small: {
        model: { type: 'c3dsu', latent: 64, height: 64, width: 64, channels: 3, frames: 3, kernels: [3, 5, 7] },
        batch: 8,
        referenceMs: 306,
        referenceInferMs: 12.3,
    },
    'unet-small': {
        model: { type: 'unet', latent: 64, height: 64, width: 64, channels: 3, frames: 1, kernels: [3, 5, 7] },
        batch: 8,
        referenceMs: 139,
        referenceInferMs: 8.1,
    },
    medium: {
        model: { type: 'c3dsu', latent: 128, height: 128, width: 128, channels: 3, frames: 3, kernels: [3, 5, 7] },
        batch: 8,
        referenceMs: 3140,
        referenceInferMs: 65.4,
    },
    paper: {
        model: { type: 'c3dsu', latent: 512, height: 256, width: 256, channels: 3, frames: 3, kernels: [3, 5, 7] },
        batch: 4,
        referenceMs: 79117,
        referenceInferMs: 2584,
    },
};
export const benchPresetNames = Object.keys(benchPresets);
//# sourceMappingURL=bench-presets.js.map