/** Every model, by its `type`. Adding a model: one file, one spec file, one line here. */
export declare const modelRegistry: {
    readonly c3dsu: import("./model-spec").ModelSpec<import("zod").ZodObject<{
        frames: import("zod").ZodDefault<import("zod").ZodNumber>;
        latent: import("zod").ZodDefault<import("zod").ZodNumber>;
        height: import("zod").ZodDefault<import("zod").ZodNumber>;
        width: import("zod").ZodDefault<import("zod").ZodNumber>;
        channels: import("zod").ZodDefault<import("zod").ZodUnion<readonly [import("zod").ZodLiteral<1>, import("zod").ZodLiteral<3>]>>;
        kernels: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodNumber>>;
        type: import("zod").ZodLiteral<"c3dsu">;
    }, import("zod/v4/core").$strict>>;
    readonly unet: import("./model-spec").ModelSpec<import("zod").ZodObject<{
        frames: import("zod").ZodDefault<import("zod").ZodLiteral<1>>;
        latent: import("zod").ZodDefault<import("zod").ZodNumber>;
        height: import("zod").ZodDefault<import("zod").ZodNumber>;
        width: import("zod").ZodDefault<import("zod").ZodNumber>;
        channels: import("zod").ZodDefault<import("zod").ZodUnion<readonly [import("zod").ZodLiteral<1>, import("zod").ZodLiteral<3>]>>;
        kernels: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodNumber>>;
        type: import("zod").ZodLiteral<"unet">;
    }, import("zod/v4/core").$strict>>;
    readonly 'conv-ae': import("./model-spec").ModelSpec<import("zod").ZodObject<{
        frames: import("zod").ZodDefault<import("zod").ZodLiteral<1>>;
        latent: import("zod").ZodDefault<import("zod").ZodNumber>;
        height: import("zod").ZodDefault<import("zod").ZodNumber>;
        width: import("zod").ZodDefault<import("zod").ZodNumber>;
        channels: import("zod").ZodDefault<import("zod").ZodUnion<readonly [import("zod").ZodLiteral<1>, import("zod").ZodLiteral<3>]>>;
        kernels: import("zod").ZodDefault<import("zod").ZodArray<import("zod").ZodNumber>>;
        type: import("zod").ZodLiteral<"conv-ae">;
    }, import("zod/v4/core").$strict>>;
};
export type ModelType = keyof typeof modelRegistry;
