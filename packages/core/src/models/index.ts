export { modelRegistry, type ModelType } from './registry';
export { buildModel, createModel, parseModelOptions, type ModelOptions } from './create-model';
export { modelFlops, type ModelFlops } from './model-flops';
export { defineModel, type ModelSpec } from './model-spec';
export { c3dsu, c3dsuOptions, type C3dsuOptions } from './c3dsu';
export { unet, unetOptions, type UnetOptions } from './unet';
export { convAe, convAeOptions, type ConvAeOptions } from './conv-ae';
export { EncoderDecoder, type EncoderDecoderOptions, type SkipMode } from './encoder-decoder';
export { inferOfficialArchitecture, officialToWeights, weightsToOfficial, type OfficialArchitecture, type OfficialTensor } from './official-weights';
