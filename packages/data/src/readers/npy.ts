import { UserError } from '@vad/core';

/** A NumPy array read from `.npy` bytes, always returned in C (row-major) order. */
export interface NpyArray {
  readonly dtype: string; // as written, e.g. "<f4"
  readonly shape: readonly number[];
  readonly data: Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array;
}

type Reader = readonly [number, new (n: number) => NpyArray['data'], (v: DataView, o: number, le: boolean) => number];
const readers: Record<string, Reader> = {
  b1: [1, Uint8Array, (v, o) => (v.getUint8(o) ? 1 : 0)],
  u1: [1, Uint8Array, (v, o) => v.getUint8(o)],
  i1: [1, Int8Array, (v, o) => v.getInt8(o)],
  u2: [2, Uint16Array, (v, o, le) => v.getUint16(o, le)],
  i2: [2, Int16Array, (v, o, le) => v.getInt16(o, le)],
  u4: [4, Uint32Array, (v, o, le) => v.getUint32(o, le)],
  i4: [4, Int32Array, (v, o, le) => v.getInt32(o, le)],
  i8: [8, Float64Array, (v, o, le) => exactInt(v.getBigInt64(o, le))],
  u8: [8, Float64Array, (v, o, le) => exactInt(v.getBigUint64(o, le))],
  f4: [4, Float32Array, (v, o, le) => v.getFloat32(o, le)],
  f8: [8, Float64Array, (v, o, le) => v.getFloat64(o, le)],
};

function exactInt(v: bigint): number {
  if (v > BigInt(Number.MAX_SAFE_INTEGER) || v < BigInt(Number.MIN_SAFE_INTEGER)) throw new RangeError(`64-bit value ${v} is not exactly representable`);
  return Number(v);
}

function parseHeader(text: string, where: string): { descr: string; fortran: boolean; shape: number[] } {
  const descr = /'descr'\s*:\s*'([^']+)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined || fortran === undefined || shape === undefined) {
    throw new UserError(`${where}: npy header must hold descr, fortran_order and shape, but got ${JSON.stringify(text.trim().slice(0, 80))}`);
  }
  const parts = shape
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0);
  if (parts.some((p) => !/^\d+$/.test(p))) throw new UserError(`${where}: npy shape must be non-negative integers, but got (${shape})`);
  const dims = parts.map(Number);
  return { descr, fortran: fortran === 'True', shape: dims };
}

/**
 * Reads a NumPy `.npy` file (format versions 1.0, 2.0 and 3.0): dtypes b1, u1, i1, u2, i2, u4, i4, i8,
 * u8 (as exact doubles), f4 and f8 in either byte order, C or Fortran order (returned in C order).
 *
 * @throws UserError naming `where` for bad magic, unsupported dtypes or a size mismatch.
 * @example
 * readNpy(readFileSync('frame_labels_ped2.npy'), 'labels').shape; // => [1, 2010]
 */
export function readNpy(bytes: Uint8Array, where: string): NpyArray {
  const magic = [0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59]; // \x93NUMPY
  if (bytes.length < 10 || magic.some((m, k) => bytes[k] !== m)) throw new UserError(`${where}: must start with the npy magic "\\x93NUMPY", but does not`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const major = bytes[6] as number;
  if (major < 1 || major > 3) throw new UserError(`${where}: npy format version must be 1, 2 or 3, but got ${major}`);
  const headerLength = major === 1 ? view.getUint16(8, true) : view.getUint32(8, true);
  const start = major === 1 ? 10 : 12;
  const text = Buffer.from(bytes.subarray(start, start + headerLength)).toString(major === 3 ? 'utf8' : 'latin1');
  const { descr, fortran, shape } = parseHeader(text, where);
  const order = descr[0] as string;
  const reader = readers[descr.slice(1)];
  if (reader === undefined || !'<>|='.includes(order)) {
    throw new UserError(`${where}: dtype must be one of ${Object.keys(readers).map((k) => `<${k}`).join(', ')}, but got "${descr}"`);
  }
  const [size, Out, get] = reader;
  const count = shape.reduce((a, b) => a * b, 1);
  const offset = start + headerLength;
  if (bytes.length - offset < count * size) throw new UserError(`${where}: shape (${shape.join(', ')}) needs ${count * size} data bytes, but the file has ${bytes.length - offset}`);
  const le = order !== '>';
  const raw = new Out(count);
  try {
    for (let k = 0; k < count; k++) raw[k] = get(view, offset + k * size, le);
  } catch (error) {
    throw new UserError(`${where}: values must be exactly representable, but ${(error as Error).message}`);
  }
  return { dtype: descr, shape, data: fortran ? toCOrder(raw, shape) : raw };
}

function toCOrder(src: NpyArray['data'], shape: readonly number[]): NpyArray['data'] {
  const out = new (src.constructor as new (n: number) => NpyArray['data'])(src.length);
  const n = shape.length;
  const index = new Array<number>(n).fill(0);
  for (let c = 0; c < src.length; c++) {
    let f = 0; // Fortran offset of the C-order multi-index
    for (let d = n - 1; d >= 0; d--) f = f * (shape[d] as number) + (index[d] as number);
    out[c] = src[f] as number;
    for (let d = n - 1; d >= 0; d--) {
      index[d] = (index[d] as number) + 1;
      if ((index[d] as number) < (shape[d] as number)) break;
      index[d] = 0;
    }
  }
  return out;
}
