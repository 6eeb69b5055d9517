import { z } from 'zod';
import { describeValue } from '../errors';
import { EncoderDecoder } from './encoder-decoder';
import { commonModelOptions } from './model-options';
import { defineModel } from './model-spec';
/** Options of the convolutional autoencoder (T = 1). */
export const convAeOptions = z.strictObject({
    type: z.literal('conv-ae'),
    ...commonModelOptions(),
    frames: z.literal(1, { error: (i) => `must be 1 (the autoencoder sees single frames), but got ${describeValue(i.input)}` }).default(1),
});
/**
 * Convolutional autoencoder: the UNet's encoder and decoder without skip connections, so every
 * detail must pass the L-channel bottleneck at 1/16 resolution.
 *
 * @example
 * convAe.create(convAeOptions.parse({ type: 'conv-ae' }), createRng(1)).variables()[0].name; // => 'enc1.branch0.weight'
 */
export const convAe = defineModel({
    type: 'conv-ae',
    description: 'Convolutional autoencoder on single frames (T = 1), same ConvBlocks, no skips',
    options: convAeOptions,
    create: (options, rng) => new EncoderDecoder('conv-ae', { ...options, skips: 'none' }, rng),
});
//# sourceMappingURL=conv-ae.js.map