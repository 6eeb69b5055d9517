/**
 * The benchmark configurations, exactly the rows of performance.md's reference table (the official
 * PyTorch code, 2 threads, on this machine type): model options, batch, and the reference times.
 */
export declare const benchPresets: {
    readonly small: {
        readonly model: {
            readonly type: "c3dsu";
            readonly latent: 64;
            readonly height: 64;
            readonly width: 64;
            readonly channels: 3;
            readonly frames: 3;
            readonly kernels: readonly [3, 5, 7];
        };
        readonly batch: 8;
        readonly referenceMs: 306;
        readonly referenceInferMs: 12.3;
    };
    readonly 'unet-small': {
        readonly model: {
            readonly type: "unet";
            readonly latent: 64;
            readonly height: 64;
            readonly width: 64;
            readonly channels: 3;
            readonly frames: 1;
            readonly kernels: readonly [3, 5, 7];
        };
        readonly batch: 8;
        readonly referenceMs: 139;
        readonly referenceInferMs: 8.1;
    };
    readonly medium: {
        readonly model: {
            readonly type: "c3dsu";
            readonly latent: 128;
            readonly height: 128;
            readonly width: 128;
            readonly channels: 3;
            readonly frames: 3;
            readonly kernels: readonly [3, 5, 7];
        };
        readonly batch: 8;
        readonly referenceMs: 3140;
        readonly referenceInferMs: 65.4;
    };
    readonly paper: {
        readonly model: {
            readonly type: "c3dsu";
            readonly latent: 512;
            readonly height: 256;
            readonly width: 256;
            readonly channels: 3;
            readonly frames: 3;
            readonly kernels: readonly [3, 5, 7];
        };
        readonly batch: 4;
        readonly referenceMs: 79117;
        readonly referenceInferMs: 2584;
    };
};
export type BenchPreset = keyof typeof benchPresets;
export declare const benchPresetNames: BenchPreset[];
