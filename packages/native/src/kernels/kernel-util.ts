import * as tf from '@tensorflow/tfjs';
import type { KernelConfig, KernelFunc, NamedAttrMap, NamedTensorInfoMap, TensorInfo } from '@tensorflow/tfjs';
import type { NativeBackend } from '../native-backend';

/** Name of the backend these kernels register for. */
export const nativeBackendName = 'native';

/** What a native kernel receives: typed inputs and attributes, and the backend. */
export interface NativeKernelArgs<A> {
  readonly inputs: NamedTensorInfoMap;
  readonly attrs: A;
  readonly backend: NativeBackend;
}

/** A kernel config for the native backend; return `null` to hand the call to the cpu kernel. */
export function nativeKernel<A = NamedAttrMap>(kernelName: string, fn: (args: NativeKernelArgs<A>) => TensorInfo | TensorInfo[] | null): KernelConfig {
  const kernelFunc: KernelFunc = (args) => {
    const result = fn({ inputs: args.inputs as NamedTensorInfoMap, attrs: (args.attrs ?? {}) as A, backend: args.backend as NativeBackend });
    if (result !== null) return result;
    const fallback = tf.getKernel(kernelName, 'cpu');
    if (fallback === undefined) throw new Error(`native ${kernelName}: no cpu kernel to fall back to`);
    return fallback.kernelFunc(args);
  };
  return { kernelName, backendName: nativeBackendName, kernelFunc };
}

/** The input `name`, which the kernel's op always passes. */
export function input(inputs: NamedTensorInfoMap, name: string): TensorInfo {
  const t = inputs[name];
  if (t === undefined) throw new Error(`native kernel: input ${name} is required`);
  return t;
}

/** True when every tensor is float32 (the native kernels' dtype). */
export function allFloat(...ts: Array<TensorInfo | undefined>): boolean {
  return ts.every((t) => t === undefined || t.dtype === 'float32');
}

export function sizeOf(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Row-major strides of `shape`. */
export function stridesOf(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length).fill(1);
  for (let d = shape.length - 2; d >= 0; d--) s[d] = (s[d + 1] ?? 1) * (shape[d + 1] ?? 1);
  return s;
}
