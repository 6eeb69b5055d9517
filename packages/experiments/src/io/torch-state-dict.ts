import { UserError } from '@vad/core';
import { readPickle, type PickledTensor, type PickleValue, type TorchDtype } from './torch-pickle';
import { readZip, writeZip } from './zip-archive';

/** One tensor of a PyTorch state dict, values converted to float32 (integers kept exactly when small). */
export interface StateTensor {
  readonly shape: readonly number[];
  readonly dtype: TorchDtype;
  readonly values: Float32Array;
}

/** A state dict: parameter / buffer name → tensor, in file order. */
export type StateDict = Map<string, StateTensor>;

const itemBytes: Record<TorchDtype, number> = { float32: 4, float64: 8, float16: 2, bfloat16: 2, int64: 8, int32: 4, int16: 2, int8: 1, uint8: 1, bool: 1 };

function halfToFloat(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exponent = (h >> 10) & 0x1f;
  const fraction = h & 0x3ff;
  if (exponent === 0) return sign * 2 ** -14 * (fraction / 1024);
  if (exponent === 31) return fraction === 0 ? sign * Infinity : NaN;
  return sign * 2 ** (exponent - 15) * (1 + fraction / 1024);
}

function element(view: DataView, dtype: TorchDtype, index: number): number {
  const at = index * itemBytes[dtype];
  switch (dtype) {
    case 'float32': return view.getFloat32(at, true);
    case 'float64': return view.getFloat64(at, true);
    case 'float16': return halfToFloat(view.getUint16(at, true));
    case 'bfloat16': return new Float32Array(new Uint32Array([view.getUint16(at, true) << 16]).buffer)[0] as number;
    case 'int64': return Number(view.getBigInt64(at, true));
    case 'int32': return view.getInt32(at, true);
    case 'int16': return view.getInt16(at, true);
    case 'int8': return view.getInt8(at);
    default: return view.getUint8(at);
  }
}

/** Gathers a strided view of a storage into a row-major Float32Array. */
function gather(tensor: PickledTensor, storage: Uint8Array): Float32Array {
  const view = new DataView(storage.buffer, storage.byteOffset, storage.byteLength);
  const size = tensor.shape.reduce((a, b) => a * b, 1);
  const out = new Float32Array(size);
  const index = new Array<number>(tensor.shape.length).fill(0);
  for (let k = 0; k < size; k++) {
    let at = tensor.offset;
    for (let d = 0; d < index.length; d++) at += (index[d] as number) * (tensor.stride[d] as number);
    out[k] = element(view, tensor.storage.dtype, at);
    for (let d = index.length - 1; d >= 0; d--) {
      index[d] = (index[d] as number) + 1;
      if ((index[d] as number) < (tensor.shape[d] as number)) break;
      index[d] = 0;
    }
  }
  return out;
}

const isTensor = (v: PickleValue): v is PickledTensor => typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Map) && v.kind === 'tensor';

/**
 * Decodes a file written by `torch.save(model.state_dict())` (the zip format of PyTorch ≥ 1.6; a
 * `{'state_dict': …}` or `{'model': …}` wrapper is unwrapped).
 *
 * @throws UserError naming `where` for the legacy format, a non-dict pickle or a missing storage.
 * @example
 * decodeStateDict(bytes, 'model.p').get('encoder.conv_1.convs.0.weight')?.shape; // => [8, 3, 3, 3]
 */
export function decodeStateDict(bytes: Uint8Array, where: string): StateDict {
  if (bytes[0] === 0x80) throw new UserError(`${where}: must be saved in PyTorch's zip format (the default since 1.6), but got the legacy format; re-save it with torch.save(torch.load(f), g)`);
  const entries = readZip(bytes, where);
  const pkl = entries.find((e) => e.name.endsWith('/data.pkl') || e.name === 'data.pkl');
  if (pkl === undefined) throw new UserError(`${where}: archive must contain data.pkl (a torch.save file), but got ${entries.map((e) => e.name).slice(0, 4).join(', ')}`);
  const prefix = pkl.name.slice(0, -'data.pkl'.length);
  const records = new Map(entries.map((e) => [e.name, e.data]));
  let root = readPickle(pkl.data, where);
  for (const wrapper of ['state_dict', 'model']) if (root instanceof Map && root.get(wrapper) instanceof Map) root = root.get(wrapper) as PickleValue;
  if (!(root instanceof Map)) throw new UserError(`${where}: must hold a state dict (name → tensor), but got ${Array.isArray(root) ? 'a list' : typeof root}`);
  const out: StateDict = new Map();
  for (const [name, value] of root) {
    if (!isTensor(value)) throw new UserError(`${where}: state dict entry "${name}" must be a tensor, but got ${typeof value}`);
    const storage = records.get(`${prefix}data/${value.storage.key}`);
    if (storage === undefined) throw new UserError(`${where}: storage data/${value.storage.key} of "${name}" must be in the archive, but is missing`);
    out.set(name, { shape: value.shape, dtype: value.storage.dtype, values: gather(value, storage) });
  }
  return out;
}

class PickleWriter {
  private readonly chunks: number[] = [];
  op(...codes: number[]): this {
    this.chunks.push(...codes);
    return this;
  }
  int(v: number): this {
    if (v >= 0 && v < 256) return this.op(0x4b, v); // BININT1
    const b = new Uint8Array(4);
    new DataView(b.buffer).setInt32(0, v, true);
    return this.op(0x4a, ...b); // BININT
  }
  str(s: string): this {
    const b = new TextEncoder().encode(s);
    const n = new Uint8Array(4);
    new DataView(n.buffer).setUint32(0, b.length, true);
    return this.op(0x58, ...n, ...b); // BINUNICODE
  }
  global(module: string, name: string): this {
    return this.op(0x63, ...new TextEncoder().encode(`${module}\n${name}\n`));
  }
  tuple(values: readonly number[]): this {
    this.op(0x28);
    for (const v of values) this.int(v);
    return this.op(0x74);
  }
  bytes(): Uint8Array {
    return Uint8Array.from(this.chunks);
  }
}

/**
 * Encodes tensors as a file `torch.load` reads back as an OrderedDict state dict (float32 tensors;
 * names ending in `num_batches_tracked` become int64, as PyTorch's BatchNorm stores them).
 *
 * @example
 * const bytes = encodeStateDict(new Map([['w', { shape: [2], dtype: 'float32', values: Float32Array.of(1, 2) }]]));
 * decodeStateDict(bytes, 'x.pt').get('w')?.values; // => Float32Array [1, 2]
 */
export function encodeStateDict(state: StateDict, archive = 'archive'): Uint8Array {
  const p = new PickleWriter().op(0x80, 2).global('collections', 'OrderedDict').op(0x29, 0x52, 0x28); // PROTO 2, OrderedDict(), MARK
  const storages: Uint8Array[] = [];
  for (const [name, tensor] of state) {
    const long = tensor.dtype === 'int64';
    const numel = tensor.values.length;
    const strides = tensor.shape.map((_, d) => tensor.shape.slice(d + 1).reduce((a, b) => a * b, 1));
    p.str(name).global('torch._utils', '_rebuild_tensor_v2').op(0x28); // MARK of the args tuple
    p.op(0x28).str('storage').global('torch', long ? 'LongStorage' : 'FloatStorage').str(String(storages.length)).str('cpu').int(numel).op(0x74, 0x51); // persistent id
    p.int(0).tuple(tensor.shape).tuple(strides).op(0x89).global('collections', 'OrderedDict').op(0x29, 0x52, 0x74, 0x52); // offset, size, stride, False, hooks → tensor
    const data = new Uint8Array(numel * (long ? 8 : 4));
    const view = new DataView(data.buffer);
    tensor.values.forEach((v, k) => (long ? view.setBigInt64(8 * k, BigInt(Math.round(v)), true) : view.setFloat32(4 * k, v, true)));
    storages.push(data);
  }
  p.op(0x75, 0x2e); // SETITEMS, STOP
  const entries = [{ name: `${archive}/data.pkl`, data: p.bytes() }, ...storages.map((data, k) => ({ name: `${archive}/data/${k}`, data })), { name: `${archive}/version`, data: new TextEncoder().encode('3\n') }];
  return writeZip(entries);
}
