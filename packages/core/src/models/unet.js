import { z } from 'zod';
import { describeValue } from '../errors';
import { EncoderDecoder } from './encoder-decoder';
import { commonModelOptions } from './model-options';
import { defineModel } from './model-spec';
/** Options of the frame UNet (T = 1); defaults are the `unet-small` preset. */
export const unetOptions = z.strictObject({
    type: z.literal('unet'),
    ...commonModelOptions(),
    frames: z.literal(1, { error: (i) => `must be 1 (the UNet sees single frames), but got ${describeValue(i.input)}` }).default(1),
});
/**
 * UNet: the C3DSU's encoder and decoder on single frames, with the raw encoder features as skips.
 *
 * @example
 * unet.create(unetOptions.parse({ type: 'unet' }), createRng(1)).parameterCount(); // => 1419008
 */
export const unet = defineModel({
    type: 'unet',
    description: 'UNet on single frames (T = 1) with raw encoder skips; same ConvBlocks as c3dsu',
    options: unetOptions,
    create: (options, rng) => new EncoderDecoder('unet', { ...options, skips: 'raw' }, rng),
});
//# sourceMappingURL=unet.js.map