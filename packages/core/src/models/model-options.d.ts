import { z } from 'zod';
/** Input size: a multiple of 16 (four space-to-depth halvings). */
export declare const sizeOption: z.ZodNumber;
/** Latent width L: the encoder widths are L/8, L/4, L/2, L. */
export declare const latentOption: z.ZodNumber;
/** Odd clip length T (the model reconstructs the middle frame). */
export declare const framesOption: z.ZodNumber;
/** Gray (1) or RGB (3). */
export declare const channelsOption: z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>;
/** Kernel sizes of the parallel convolutions in every ConvBlock2d. */
export declare const kernelsOption: z.ZodArray<z.ZodNumber>;
/**
 * The options every model shares; each model's strict schema spreads these under its own `type`.
 * Defaults are the `small` benchmark preset (performance.md); the paper uses latent 512 at 256×256.
 */
export declare function commonModelOptions(): {
    latent: z.ZodDefault<z.ZodNumber>;
    height: z.ZodDefault<z.ZodNumber>;
    width: z.ZodDefault<z.ZodNumber>;
    channels: z.ZodDefault<z.ZodUnion<readonly [z.ZodLiteral<1>, z.ZodLiteral<3>]>>;
    kernels: z.ZodDefault<z.ZodArray<z.ZodNumber>>;
};
/**
 * Parses `raw` with a strict model schema, reporting every issue at once in the house form
 * `<where>(options.<path>) <message>`.
 *
 * @throws UserError listing all issues, one per line.
 * @example
 * parseOptions(c3dsuOptions, { type: 'c3dsu', height: 30 }, 'createModel');
 * // throws 'createModel(options.height) must be a multiple of 16, but got 30'
 */
export declare function parseOptions<S extends z.ZodType>(schema: S, raw: unknown, where: string): z.output<S>;
