export { loadAddon, type NativeAddon, type NativeStats } from './addon';
export { NativeBackend } from './native-backend';
export { nativeKernels, nativeStats, registerNativeBackend, type NativeRegistration } from './register';
export { adamKernelName, batchNormGradKernelName, batchNormInferKernelName, batchNormTrainKernelName, convBackwardKernelName } from './kernel-names';
export { nativeBackendName } from './kernels/kernel-util';
