export { modelRegistry } from './registry';
export { createModel, parseModelOptions } from './create-model';
export { modelFlops } from './model-flops';
export { defineModel } from './model-spec';
export { c3dsu, c3dsuOptions } from './c3dsu';
export { unet, unetOptions } from './unet';
export { convAe, convAeOptions } from './conv-ae';
export { EncoderDecoder } from './encoder-decoder';
//# sourceMappingURL=index.js.map