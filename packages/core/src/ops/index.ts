export { conv2d, type Conv2dOptions, type ConvActivation } from './conv2d';
export { conv3dMiddle } from './conv3d-middle';
export { batchNorm, batchNormDefaults, batchNormRelu, type BatchNormWeights } from './batch-norm';
export { channelSum } from './channel-sum';
export { depthToSpace2, spaceToDepth2 } from './depth-to-space';
