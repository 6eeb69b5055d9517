import { z } from 'zod';
/** Options of the convolutional autoencoder (T = 1). */
export declare const convAeOptions: z.ZodObject<{
    frames: z.ZodDefault<z.ZodLiteral<1>>;
    latent: z.ZodDefault<z.ZodNumber>;
    height: z.ZodDefault<z.ZodNumber>;
    width: z.ZodDefault<z.ZodNumber>;
    channels: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>>;
    kernels: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
    type: z.ZodLiteral<"conv-ae">;
}, z.core.$strict>;
export type ConvAeOptions = z.output<typeof convAeOptions>;
/**
 * Convolutional autoencoder: the UNet's encoder and decoder without skip connections, so every
 * detail must pass the L-channel bottleneck at 1/16 resolution.
 *
 * @example
 * convAe.create(convAeOptions.parse({ type: 'conv-ae' }), createRng(1)).variables()[0].name; // => 'enc1.branch0.weight'
 */
export declare const convAe: import("./model-spec").ModelSpec<z.ZodObject<{
    frames: z.ZodDefault<z.ZodLiteral<1>>;
    latent: z.ZodDefault<z.ZodNumber>;
    height: z.ZodDefault<z.ZodNumber>;
    width: z.ZodDefault<z.ZodNumber>;
    channels: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>>;
    kernels: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
    type: z.ZodLiteral<"conv-ae">;
}, z.core.$strict>>;
