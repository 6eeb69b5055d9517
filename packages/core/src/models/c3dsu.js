import { z } from 'zod';
import { EncoderDecoder } from './encoder-decoder';
import { commonModelOptions, framesOption } from './model-options';
import { defineModel } from './model-spec';
/** Options of the Conv3DSkipUNet; defaults are the `small` preset (latent 64, 64×64, RGB, T = 3). */
export const c3dsuOptions = z.strictObject({
    type: z.literal('c3dsu'),
    ...commonModelOptions(),
    frames: framesOption.default(3), // T, odd; the middle frame is reconstructed
});
/**
 * Conv3DSkipUNet, the DDL reference network: a 2-D encoder on all B·T frames, Conv3d(T, 3, 3)
 * skips keeping the middle frame, a 2-D decoder with depth-to-space, sigmoid output.
 *
 * @example
 * const model = c3dsu.create(c3dsuOptions.parse({ type: 'c3dsu' }), createRng(1));
 * model.parameterCount(); // => 1566008
 */
export const c3dsu = defineModel({
    type: 'c3dsu',
    description: 'Conv3DSkipUNet (DDL reference): 2-D encoder on every frame, Conv3d temporal skips, middle-frame reconstruction',
    options: c3dsuOptions,
    create: (options, rng) => new EncoderDecoder('c3dsu', { ...options, skips: 'conv3d' }, rng),
});
//# sourceMappingURL=c3dsu.js.map