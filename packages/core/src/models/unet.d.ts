import { z } from 'zod';
/** Options of the frame UNet (T = 1); defaults are the `unet-small` preset. */
export declare const unetOptions: z.ZodObject<{
    frames: z.ZodDefault<z.ZodLiteral<1>>;
    latent: z.ZodDefault<z.ZodNumber>;
    height: z.ZodDefault<z.ZodNumber>;
    width: z.ZodDefault<z.ZodNumber>;
    channels: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>>;
    kernels: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
    type: z.ZodLiteral<"unet">;
}, z.core.$strict>;
export type UnetOptions = z.output<typeof unetOptions>;
/**
 * UNet: the C3DSU's encoder and decoder on single frames, with the raw encoder features as skips.
 *
 * @example
 * unet.create(unetOptions.parse({ type: 'unet' }), createRng(1)).parameterCount(); // => 1419008
 */
export declare const unet: import("./model-spec").ModelSpec<z.ZodObject<{
    frames: z.ZodDefault<z.ZodLiteral<1>>;
    latent: z.ZodDefault<z.ZodNumber>;
    height: z.ZodDefault<z.ZodNumber>;
    width: z.ZodDefault<z.ZodNumber>;
    channels: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>>;
    kernels: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
    type: z.ZodLiteral<"unet">;
}, z.core.$strict>>;
