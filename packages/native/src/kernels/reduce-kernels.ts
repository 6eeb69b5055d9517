import { util, type KernelConfig } from '@tensorflow/tfjs';
import { allFloat, input, nativeKernel, sizeOf } from './kernel-util';

const reduceOps: Record<string, number> = { Sum: 0, Max: 1, Min: 2, Mean: 3 };

interface ReduceAttrs {
  readonly axis?: number | number[];
  /** Max names its axes so. */
  readonly reductionIndices?: number | number[];
  readonly keepDims: boolean;
}

/**
 * Sum/Max/Min/Mean over any axes: a contiguous run of axes reduces in place as [outer, K, inner];
 * other sets are first transposed (natively) to put the reduced axes last.
 */
function reduceKernel(name: string, op: number): KernelConfig {
  return nativeKernel<ReduceAttrs>(name, ({ inputs, attrs, backend }) => {
    const x = input(inputs, 'x');
    if (!allFloat(x) || x.shape.length > 6) return null;
    const rank = x.shape.length;
    const axes = util.parseAxisParam(attrs.axis ?? attrs.reductionIndices ?? x.shape.map((_, i) => i), x.shape).sort((a, b) => a - b);
    const kept = x.shape.map((d, i) => (axes.includes(i) ? 1 : d));
    const outShape = attrs.keepDims ? kept : x.shape.filter((_, i) => !axes.includes(i));
    const out = backend.output(outShape);
    if (axes.length === 0) {
      out.values.set(backend.f32(x));
      return out.info;
    }
    const first = axes[0] ?? 0;
    const last = axes[axes.length - 1] ?? 0;
    let values = backend.f32(x);
    let [outer, k, inner] = [sizeOf(x.shape.slice(0, first)), sizeOf(x.shape.slice(first, last + 1)), sizeOf(x.shape.slice(last + 1))];
    if (last - first + 1 !== axes.length) {
      const perm = [...Array.from({ length: rank }, (_, i) => i).filter((i) => !axes.includes(i)), ...axes];
      const moved = new Float32Array(values.length);
      backend.addon.transpose(values, x.shape, perm, moved);
      values = moved;
      [outer, k, inner] = [sizeOf(outShape), sizeOf(axes.map((a) => x.shape[a] ?? 1)), 1];
    }
    backend.addon.reduce(op, values, outer, k, inner, out.values);
    return out.info;
  });
}

/** Reduction kernels of the native backend. */
export const reduceKernels: KernelConfig[] = Object.entries(reduceOps).map(([name, op]) => reduceKernel(name, op));
