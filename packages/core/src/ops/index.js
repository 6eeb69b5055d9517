export { conv2d } from './conv2d';
export { conv3dMiddle } from './conv3d-middle';
export { batchNorm, batchNormDefaults } from './batch-norm';
export { channelSum } from './channel-sum';
export { depthToSpace2, spaceToDepth2 } from './depth-to-space';
//# sourceMappingURL=index.js.map