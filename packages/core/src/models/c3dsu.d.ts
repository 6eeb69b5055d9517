import { z } from 'zod';
/** Options of the Conv3DSkipUNet; defaults are the `small` preset (latent 64, 64×64, RGB, T = 3). */
export declare const c3dsuOptions: z.ZodObject<{
    frames: z.ZodDefault<z.ZodNumber>;
    latent: z.ZodDefault<z.ZodNumber>;
    height: z.ZodDefault<z.ZodNumber>;
    width: z.ZodDefault<z.ZodNumber>;
    channels: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>>;
    kernels: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
    type: z.ZodLiteral<"c3dsu">;
}, z.core.$strict>;
export type C3dsuOptions = z.output<typeof c3dsuOptions>;
/**
 * Conv3DSkipUNet, the DDL reference network: a 2-D encoder on all B·T frames, Conv3d(T, 3, 3)
 * skips keeping the middle frame, a 2-D decoder with depth-to-space, sigmoid output.
 *
 * @example
 * const model = c3dsu.create(c3dsuOptions.parse({ type: 'c3dsu' }), createRng(1));
 * model.parameterCount(); // => 1566008
 */
export declare const c3dsu: import("./model-spec").ModelSpec<z.ZodObject<{
    frames: z.ZodDefault<z.ZodNumber>;
    latent: z.ZodDefault<z.ZodNumber>;
    height: z.ZodDefault<z.ZodNumber>;
    width: z.ZodDefault<z.ZodNumber>;
    channels: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>>;
    kernels: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
    type: z.ZodLiteral<"c3dsu">;
}, z.core.$strict>>;
