import { backend_util, slice_util, util, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import { allFloat, input, nativeKernel, sizeOf } from './kernel-util';

const transpose = nativeKernel<{ perm: number[] }>('Transpose', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  if (!allFloat(x) || x.shape.length > 8) return null;
  const out = backend.output(attrs.perm.map((p) => x.shape[p] ?? 1));
  backend.addon.transpose(backend.f32(x), x.shape, attrs.perm, out.values);
  return out.info;
});

const concat = nativeKernel<{ axis: number | number[] }>('Concat', ({ inputs, attrs, backend }) => {
  const list = (Object.values(inputs) as TensorInfo[]).filter((t) => sizeOf(t.shape) > 0);
  const first = list[0];
  if (first === undefined || !allFloat(...list)) return null;
  const axis = util.parseAxisParam(attrs.axis, first.shape)[0] ?? 0;
  const shape = [...first.shape];
  shape[axis] = list.reduce((s, t) => s + (t.shape[axis] ?? 0), 0);
  const out = backend.output(shape);
  const outer = sizeOf(first.shape.slice(0, axis));
  backend.addon.concat(list.map((t) => backend.f32(t)), list.map((t) => sizeOf(t.shape.slice(axis))), outer, out.values);
  return out.info;
});

/** Slices are copied (the cpu kernel may return a view sharing its input's buffer). */
const slice = nativeKernel<{ begin: number | number[]; size: number | number[] }>('Slice', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  if (!allFloat(x) || x.shape.length > 8) return null;
  const [begin = [], size = []] = slice_util.parseSliceParams(x as never, attrs.begin, attrs.size);
  const out = backend.output(size);
  backend.addon.slice(backend.f32(x), x.shape, begin, size, out.values);
  return out.info;
});

/** Split (the gradient of Concat) as one copying slice per piece. */
const splitV = nativeKernel<{ numOrSizeSplits: number | number[]; axis: number | number[] }>('SplitV', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  if (!allFloat(x)) return null;
  const axis = util.parseAxisParam(attrs.axis, x.shape)[0] ?? 0;
  const sizes = backend_util.prepareSplitSize(x as never, attrs.numOrSizeSplits, axis);
  const begin = new Array<number>(x.shape.length).fill(0);
  return sizes.map((s) => {
    const size = [...x.shape];
    size[axis] = s;
    const out = backend.output(size);
    backend.addon.slice(backend.f32(x), x.shape, begin, size, out.values);
    begin[axis] = (begin[axis] ?? 0) + s;
    return out.info;
  });
});

/** Constant padding (the gradient of Slice): fill, then paste the input's box. */
const padV2 = nativeKernel<{ paddings: Array<[number, number]>; constantValue: number }>('PadV2', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  if (!allFloat(x)) return null;
  const shape = x.shape.map((d, i) => (attrs.paddings[i]?.[0] ?? 0) + d + (attrs.paddings[i]?.[1] ?? 0));
  const out = backend.output(shape);
  out.values.fill(attrs.constantValue); // recycled arrays are not zeroed
  backend.addon.slice(out.values, shape, attrs.paddings.map((p) => p[0]), x.shape, backend.f32(x), true);
  return out.info;
});

interface MatMulAttrs {
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

/** BatchMatMul on sgemm when the batch dims agree or one side has batch 1. */
const batchMatMul = nativeKernel<MatMulAttrs>('BatchMatMul', ({ inputs, attrs, backend }) => {
  const a = input(inputs, 'a');
  const b = input(inputs, 'b');
  const ra = a.shape.length;
  const rb = b.shape.length;
  if (!allFloat(a, b) || ra < 2 || rb < 2) return null;
  const [ta, tb] = [attrs.transposeA, attrs.transposeB];
  const m = a.shape[ta ? ra - 1 : ra - 2] ?? 1;
  const k = a.shape[ta ? ra - 2 : ra - 1] ?? 1;
  const n = b.shape[tb ? rb - 2 : rb - 1] ?? 1;
  const batchShapeA = a.shape.slice(0, -2);
  const batchShapeB = b.shape.slice(0, -2);
  const [batchA, batchB] = [sizeOf(batchShapeA), sizeOf(batchShapeB)];
  const batchesMatch = batchA === 1 || batchB === 1 || (batchA === batchB && batchShapeA.join() === batchShapeB.join());
  if (k !== (b.shape[tb ? rb - 1 : rb - 2] ?? 1) || !batchesMatch) return null;
  const batchShape = batchA >= batchB ? batchShapeA : batchShapeB;
  const out = backend.output([...batchShape, m, n]);
  backend.addon.matmul(backend.f32(a), batchA, backend.f32(b), batchB, m, n, k, ta, tb, out.values);
  return out.info;
});

/** Layout and matrix-product kernels of the native backend. */
export const layoutKernels: KernelConfig[] = [transpose, concat, slice, splitV, padV2, batchMatMul];
