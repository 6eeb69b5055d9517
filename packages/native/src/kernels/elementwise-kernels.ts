import { backend_util, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import { allFloat, input, nativeKernel, stridesOf } from './kernel-util';

/** Binary kernels and their op codes in addon/elementwise.cc (≥ 10: comparisons with a bool result). */
const binaryOps: Record<string, number> = {
  Add: 0, Sub: 1, Multiply: 2, RealDiv: 3, SquaredDifference: 4, Maximum: 5, Minimum: 6, DivNoNan: 7,
  Equal: 10, NotEqual: 11, Greater: 12, GreaterEqual: 13, Less: 14, LessEqual: 15,
};

/** Strides of `t` seen at the output's rank: 0 along broadcast axes. */
function broadcastStrides(shape: readonly number[], outRank: number): number[] {
  const padded = [...new Array<number>(outRank - shape.length).fill(1), ...shape];
  const strides = stridesOf(padded);
  return padded.map((d, i) => (d === 1 ? 0 : (strides[i] ?? 0)));
}

function binaryKernel(name: string, op: number): KernelConfig {
  return nativeKernel(name, ({ inputs, backend }) => {
    const a = input(inputs, 'a');
    const b = input(inputs, 'b');
    if (!allFloat(a, b) || Math.max(a.shape.length, b.shape.length) > 6) return null;
    const shape = backend_util.assertAndGetBroadcastShape(a.shape, b.shape);
    const out = op >= 10 ? backend.outputBool(shape) : backend.output(shape);
    backend.addon.binary(op, backend.f32(a), broadcastStrides(a.shape, shape.length), backend.f32(b), broadcastStrides(b.shape, shape.length), shape, out.values);
    return out.info;
  });
}

/** Unary kernels and their op codes; `params` reads (alpha, beta) from the attributes. */
const unaryOps: Record<string, { op: number; params?: (attrs: Record<string, unknown>) => [number, number] }> = {
  Relu: { op: 0 }, Sigmoid: { op: 1 }, Sqrt: { op: 2 }, Rsqrt: { op: 3 }, Square: { op: 4 }, Neg: { op: 5 }, Exp: { op: 6 },
  Log: { op: 7 }, Abs: { op: 8 }, Step: { op: 9, params: (a) => [Number(a['alpha'] ?? 0), 0] }, Tanh: { op: 10 }, Reciprocal: { op: 11 },
  ClipByValue: { op: 12, params: (a) => [Number(a['clipValueMin']), Number(a['clipValueMax'])] },
};

function unaryKernel(name: string, spec: { op: number; params?: (attrs: Record<string, unknown>) => [number, number] }): KernelConfig {
  return nativeKernel<Record<string, unknown>>(name, ({ inputs, attrs, backend }) => {
    const x = input(inputs, 'x');
    if (!allFloat(x)) return null;
    const [alpha, beta] = spec.params?.(attrs) ?? [0, 0];
    const out = backend.output(x.shape);
    backend.addon.unary(spec.op, backend.f32(x), out.values, alpha, beta);
    return out.info;
  });
}

const addN = nativeKernel('AddN', ({ inputs, backend }) => {
  const list = Object.values(inputs) as TensorInfo[];
  const first = list[0];
  if (first === undefined || !allFloat(...list)) return null;
  const out = backend.output(first.shape);
  backend.addon.addN(list.map((t) => backend.f32(t)), out.values);
  return out.info;
});

/** Element-wise kernels of the native backend. */
export const elementwiseKernels: KernelConfig[] = [
  ...Object.entries(binaryOps).map(([name, op]) => binaryKernel(name, op)),
  ...Object.entries(unaryOps).map(([name, spec]) => unaryKernel(name, spec)),
  addN,
];
