import { backend_util, type KernelConfig, type TensorInfo } from '@tensorflow/tfjs';
import { allFloat, input, nativeKernel } from './kernel-util';
import { convBackwardKernelName } from '../kernel-names';

type Pad = 'same' | 'valid' | number | backend_util.ExplicitPadding;
type Shape4 = [number, number, number, number];

interface ConvAttrs {
  readonly strides: number | [number, number];
  readonly pad: Pad;
  readonly dataFormat?: 'NHWC' | 'NCHW';
  readonly dilations?: number | [number, number];
  readonly dimRoundingMode?: 'floor' | 'round' | 'ceil';
}

const activations: Record<string, number> = { linear: 0, relu: 1, sigmoid: 2 };

/** tfjs's conv geometry → [strideH, strideW, padTop, padLeft, padBottom, padRight, dilationH, dilationW], or null (NCHW). */
function geometry(xShape: number[], filterShape: number[], attrs: ConvAttrs): { info: backend_util.Conv2DInfo; geom: number[] } | null {
  if (attrs.dataFormat === 'NCHW') return null;
  const info = backend_util.computeConv2DInfo(xShape as Shape4, filterShape as Shape4, attrs.strides, attrs.dilations ?? 1, attrs.pad, attrs.dimRoundingMode, false, 'channelsLast');
  const p = info.padInfo;
  const geom = [info.strideHeight, info.strideWidth, p.top, p.left, p.bottom, p.right, info.dilationHeight, info.dilationWidth];
  return { info, geom };
}

const outShape = (i: backend_util.Conv2DInfo): number[] => [i.batchSize, i.outHeight, i.outWidth, i.outChannels];

const conv2D = nativeKernel<ConvAttrs>('Conv2D', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const filter = input(inputs, 'filter');
  const g = allFloat(x, filter) ? geometry(x.shape, filter.shape, attrs) : null;
  if (g === null) return null;
  const out = backend.output(outShape(g.info));
  backend.addon.convForward(backend.f32(x), x.shape, backend.f32(filter), filter.shape, null, out.values, out.info.shape, g.geom, 0);
  return out.info;
});

interface FusedConvAttrs extends ConvAttrs {
  readonly activation: string;
}

const fusedConv2D = nativeKernel<FusedConvAttrs>('FusedConv2D', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const filter = input(inputs, 'filter');
  const bias = inputs['bias'];
  const activation = activations[attrs.activation ?? 'linear'];
  if (activation === undefined || inputs['preluActivationWeights'] !== undefined || !allFloat(x, filter, bias)) return null;
  const g = geometry(x.shape, filter.shape, attrs);
  if (g === null || (bias !== undefined && bias.shape.reduce((a, b) => a * b, 1) !== g.info.outChannels)) return null;
  const out = backend.output(outShape(g.info));
  backend.addon.convForward(backend.f32(x), x.shape, backend.f32(filter), filter.shape, bias === undefined ? null : backend.f32(bias), out.values, out.info.shape, g.geom, activation);
  return out.info;
});

interface BackpropInputAttrs extends ConvAttrs {
  readonly inputShape: number[];
}

const conv2DBackpropInput = nativeKernel<BackpropInputAttrs>('Conv2DBackpropInput', ({ inputs, attrs, backend }) => {
  const dy = input(inputs, 'dy');
  const filter = input(inputs, 'filter');
  const g = allFloat(dy, filter) ? geometry(attrs.inputShape, filter.shape, attrs) : null;
  if (g === null) return null;
  const out = backend.output(attrs.inputShape);
  backend.addon.convBackwardData(backend.f32(dy), dy.shape, backend.f32(filter), filter.shape, out.values, out.info.shape, g.geom);
  return out.info;
});

interface BackpropFilterAttrs extends ConvAttrs {
  readonly filterShape: number[];
}

const conv2DBackpropFilter = nativeKernel<BackpropFilterAttrs>('Conv2DBackpropFilter', ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const dy = input(inputs, 'dy');
  const g = allFloat(x, dy) ? geometry(x.shape, attrs.filterShape, attrs) : null;
  if (g === null) return null;
  const out = backend.output(attrs.filterShape);
  backend.addon.convBackwardWeights(backend.f32(x), x.shape, backend.f32(dy), dy.shape, out.values, out.info.shape, g.geom);
  return out.info;
});

interface ConvBackwardAttrs extends ConvAttrs {
  readonly activation: string;
  readonly hasBias: boolean;
}

/** {@link convBackwardKernelName}: dx, dw (and db) of a fused conv in one call, the activation's derivative applied first. */
const convBackward = nativeKernel<ConvBackwardAttrs>(convBackwardKernelName, ({ inputs, attrs, backend }) => {
  const x = input(inputs, 'x');
  const filter = input(inputs, 'filter');
  const dy = input(inputs, 'dy');
  const y = inputs['y'];
  const activation = activations[attrs.activation];
  const g = geometry(x.shape, filter.shape, attrs);
  if (g === null || activation === undefined || (activation > 0 && y === undefined)) throw new Error(`${convBackwardKernelName}: needs NHWC, a known activation and y for it`);
  const dx = backend.output(x.shape);
  const dw = backend.output(filter.shape);
  const db = attrs.hasBias ? backend.output([filter.shape[3] ?? 0]) : null;
  backend.addon.convBackward(
    backend.f32(x), x.shape, backend.f32(filter), filter.shape, y === undefined || activation === 0 ? null : backend.f32(y),
    backend.f32(dy), dy.shape, g.geom, activation, dx.values, dw.values, db === null ? null : db.values,
  );
  const outs: TensorInfo[] = [dx.info, dw.info];
  if (db !== null) outs.push(db.info);
  return outs;
});

/** Convolution kernels of the native backend. */
export const convKernels: KernelConfig[] = [conv2D, fusedConv2D, conv2DBackpropInput, conv2DBackpropFilter, convBackward];
