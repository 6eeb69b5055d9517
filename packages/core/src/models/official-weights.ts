import { UserError } from '../errors';
import type { TensorRecord } from '../train/checkpoint';

/**
 * Weights of the official DDL code (`objects/models.py`, PyTorch state dict) ⇄ ours, for C3DSU
 * (`Conv3dSkipUNet`) and UNet at any latent width and kernel list. Every tensor of ours is a fixed
 * gather of one official tensor (ConvBlock's concat/BatchNorm split per branch, space-to-depth and
 * depth-to-space channel orders, NCHW → NHWC kernels — see conv-block.ts), so both directions are
 * exact copies. Plain data in, plain data out: file formats live in the experiments package.
 */

/** An official tensor: shape in PyTorch order, values row-major. */
export interface OfficialTensor {
  readonly shape: readonly number[];
  readonly values: Float32Array;
}

/** What the official state dict fixes about the model (the input size is not in the weights). */
export interface OfficialArchitecture {
  readonly type: 'c3dsu' | 'unet';
  readonly latent: number;
  readonly channels: number;
  readonly frames: number;
  readonly kernels: readonly number[];
}

/** One of our tensors as a gather of an official one: ours[k] = official[key].values[index[k]]. */
interface Gather {
  readonly name: string;
  readonly shape: readonly number[];
  readonly key: string;
  readonly officialShape: readonly number[];
  readonly index: Int32Array;
}

/** Flat indices of an official tensor for every element of ours (row-major over `shape`). */
function gatherOf(name: string, shape: readonly number[], key: string, officialShape: readonly number[], at: (i: readonly number[]) => readonly number[]): Gather {
  const size = shape.reduce((a, b) => a * b, 1);
  const strides = officialShape.map((_, d) => officialShape.slice(d + 1).reduce((a, b) => a * b, 1));
  const index = new Int32Array(size);
  const i = new Array<number>(shape.length).fill(0);
  for (let k = 0; k < size; k++) {
    index[k] = at(i).reduce((sum, v, d) => sum + v * (strides[d] as number), 0);
    for (let d = shape.length - 1; d >= 0; d--) {
      i[d] = (i[d] as number) + 1;
      if ((i[d] as number) < (shape[d] as number)) break;
      i[d] = 0;
    }
  }
  return { name, shape, key, officialShape, index };
}

const normParts = [
  ['gamma', 'weight'],
  ['beta', 'bias'],
  ['runningMean', 'running_mean'],
  ['runningVar', 'running_var'],
] as const;

function blockGathers(ours: string, official: string, cin: number, out: number, kernels: readonly number[], decode: boolean): Gather[] {
  const width = decode ? 4 * out : out;
  const nb = kernels.length;
  const channel = (q: number): number => (decode ? (q % out) * 4 + Math.floor(q / out) : q); // ours (p, o) → official o·4 + p
  const list: Gather[] = [];
  kernels.forEach((k, b) => {
    const conv = `${official}.convs.${b}`;
    list.push(gatherOf(`${ours}.branch${b}.weight`, [k, k, cin, width], `${conv}.weight`, [width, cin, k, k], ([y, x, c, q]) => [channel(q as number), c as number, y as number, x as number]));
    list.push(gatherOf(`${ours}.branch${b}.bias`, [width], `${conv}.bias`, [width], ([q]) => [channel(q as number)]));
    for (const [mine, theirs] of normParts) {
      list.push(gatherOf(`${ours}.branch${b}.norm.${mine}`, [width], `${official}.batch_norm_1.${theirs}`, [nb * width], ([q]) => [b * width + channel(q as number)]));
    }
    const last = `${official}.conv_last.weight`;
    list.push(
      decode
        ? gatherOf(`${ours}.projection${b}.weight`, [1, 1, out, out], last, [out, nb * out, 1, 1], ([, , o, p]) => [p as number, b * out + (o as number), 0, 0])
        : gatherOf(`${ours}.projection${b}.weight`, [2, 2, out, out], last, [out, nb * 4 * out, 1, 1], ([y, x, o, p]) => [p as number, (b * out + (o as number)) * 4 + (y as number) * 2 + (x as number), 0, 0]),
    );
  });
  list.push(gatherOf(`${ours}.projection.bias`, [out], `${official}.conv_last.bias`, [out], ([o]) => [o as number]));
  for (const [mine, theirs] of normParts) list.push(gatherOf(`${ours}.norm.${mine}`, [out], `${official}.batch_norm_2.${theirs}`, [out], ([o]) => [o as number]));
  return list;
}

/** Every gather of an architecture, in our weight order (encoder, skips, decoder). */
function gathersOf(arch: OfficialArchitecture): Gather[] {
  const { latent: l, channels: c, frames: t, kernels } = arch;
  const widths = [l / 8, l / 4, l / 2, l];
  const ins = [c, l / 8, l / 4, l / 2];
  const list = widths.flatMap((w, j) => blockGathers(`enc${j + 1}`, `encoder.conv_${j + 1}`, ins[j] as number, w, kernels, false));
  if (arch.type === 'c3dsu') {
    widths.forEach((w, j) => {
      list.push(gatherOf(`skip${j + 1}.weight`, [t, 3, 3, w, w], `conv${j + 1}.weight`, [w, w, t, 3, 3], ([z, y, x, ci, co]) => [co as number, ci as number, z as number, y as number, x as number]));
      list.push(gatherOf(`skip${j + 1}.bias`, [w], `conv${j + 1}.bias`, [w], ([o]) => [o as number]));
    });
  }
  const decodeIns = [l, l, l / 2, l / 4];
  const decodeOuts = [l / 2, l / 4, l / 8, c];
  decodeOuts.forEach((o, j) => list.push(...blockGathers(`dec${j + 1}`, `decoder.conv_${j + 1}`, decodeIns[j] as number, o, kernels, true)));
  return list;
}

const stripParallel = (key: string): string => key.replace(/^module\./, '');
const shapeText = (s: readonly number[]): string => `[${s.join(', ')}]`;

/**
 * Reads the architecture from an official state dict's keys and shapes (a DataParallel `module.`
 * prefix is ignored): `conv1…conv4` present ⇒ C3DSU with T from their kernels, else UNet.
 *
 * @throws UserError when a key the architecture needs is missing.
 * @example
 * inferOfficialArchitecture(stateOfConv3dSkipUNet512); // => { type: 'c3dsu', latent: 512, channels: 3, frames: 3, kernels: [3, 5, 7] }
 */
export function inferOfficialArchitecture(state: ReadonlyMap<string, OfficialTensor>, where = 'importOfficialWeights'): OfficialArchitecture {
  const get = (key: string): OfficialTensor => {
    const found = state.get(key) ?? state.get(`module.${key}`);
    if (found === undefined) throw new UserError(`${where}: state dict must contain "${key}" (official Conv3dSkipUNet or UNet), but it is missing`);
    return found;
  };
  const kernels: number[] = [];
  while (state.has(`encoder.conv_1.convs.${kernels.length}.weight`) || state.has(`module.encoder.conv_1.convs.${kernels.length}.weight`)) {
    kernels.push(get(`encoder.conv_1.convs.${kernels.length}.weight`).shape[2] as number);
  }
  if (kernels.length === 0) get('encoder.conv_1.convs.0.weight');
  const channels = get('encoder.conv_1.convs.0.weight').shape[1] as number;
  const latent = get('encoder.conv_4.conv_last.weight').shape[0] as number;
  const c3dsu = state.has('conv1.weight') || state.has('module.conv1.weight');
  return { type: c3dsu ? 'c3dsu' : 'unet', latent, channels, frames: c3dsu ? (get('conv1.weight').shape[2] as number) : 1, kernels };
}

/**
 * Official state dict → our weights (names and shapes of {@link EncoderDecoder}), BatchNorm running
 * statistics included; `num_batches_tracked` is dropped (unused with momentum 0.1).
 *
 * @throws UserError for a missing key, a shape that does not fit `arch`, or a key nothing uses.
 * @example
 * const arch = inferOfficialArchitecture(state);
 * const weights = officialToWeights(state, arch); // feed to loadCheckpointWeights via a Checkpoint
 */
export function officialToWeights(state: ReadonlyMap<string, OfficialTensor>, arch: OfficialArchitecture, where = 'importOfficialWeights'): TensorRecord[] {
  const byKey = new Map([...state].map(([k, v]) => [stripParallel(k), v]));
  const used = new Set<string>();
  const records = gathersOf(arch).map((g) => {
    const source = byKey.get(g.key);
    if (source === undefined) throw new UserError(`${where}: state dict must contain "${g.key}" for a ${arch.type} of latent ${arch.latent}, but it is missing`);
    if (shapeText(source.shape) !== shapeText(g.officialShape)) throw new UserError(`${where}: "${g.key}" must have shape ${shapeText(g.officialShape)}, but got ${shapeText(source.shape)}`);
    used.add(g.key);
    const values = new Float32Array(g.index.length);
    for (let k = 0; k < values.length; k++) values[k] = source.values[g.index[k] as number] as number;
    return { name: g.name, shape: g.shape, values };
  });
  const extra = [...byKey.keys()].find((k) => !used.has(k) && !k.endsWith('num_batches_tracked'));
  if (extra !== undefined) throw new UserError(`${where}: state dict key "${extra}" must belong to the official ${arch.type}, but nothing uses it`);
  return records;
}

/**
 * Our weights → an official state dict (keys without the `module.` prefix, PyTorch shapes;
 * `num_batches_tracked` = 0 for every BatchNorm, as a fresh PyTorch model has).
 *
 * @throws Error when a weight of `arch` is missing from `weights`.
 */
export function weightsToOfficial(weights: readonly TensorRecord[], arch: OfficialArchitecture): Map<string, OfficialTensor> {
  const byName = new Map(weights.map((w) => [w.name, w]));
  const filled = new Map<string, OfficialTensor>();
  for (const g of gathersOf(arch)) {
    const record = byName.get(g.name);
    if (record === undefined || record.values.length !== g.index.length) throw new Error(`weightsToOfficial(weights) must contain "${g.name}" with ${g.index.length} values, but got ${record?.values.length ?? 'none'}`);
    let target = filled.get(g.key);
    if (target === undefined) {
      target = { shape: g.officialShape, values: new Float32Array(g.officialShape.reduce((a, b) => a * b, 1)) };
      filled.set(g.key, target);
    }
    for (let k = 0; k < g.index.length; k++) target.values[g.index[k] as number] = record.values[k] as number;
  }
  const out = new Map<string, OfficialTensor>();
  for (const key of officialKeys(arch)) out.set(key, filled.get(key) ?? { shape: [], values: new Float32Array(1) }); // num_batches_tracked = 0
  return out;
}

/** The keys of the official model's state dict in PyTorch's order (module registration order). */
function officialKeys(arch: OfficialArchitecture): string[] {
  const norm = (bn: string): string[] => ['weight', 'bias', 'running_mean', 'running_var', 'num_batches_tracked'].map((p) => `${bn}.${p}`);
  const block = (prefix: string): string[] => [
    ...arch.kernels.flatMap((_, b) => [`${prefix}.convs.${b}.weight`, `${prefix}.convs.${b}.bias`]),
    ...norm(`${prefix}.batch_norm_1`),
    `${prefix}.conv_last.weight`,
    `${prefix}.conv_last.bias`,
    ...norm(`${prefix}.batch_norm_2`),
  ];
  const levels = [1, 2, 3, 4];
  const skips = arch.type === 'c3dsu' ? levels.flatMap((j) => [`conv${j}.weight`, `conv${j}.bias`]) : [];
  return [...levels.flatMap((j) => block(`encoder.conv_${j}`)), ...levels.flatMap((j) => block(`decoder.conv_${j}`)), ...skips];
}
