import { inflateSync } from 'node:zlib';
import { UserError } from '@vad/core';

/** A MATLAB numeric or logical array; `data` is in MATLAB's column-major order, converted to its class. */
export interface MatNumeric {
  readonly kind: 'numeric';
  readonly class: MatClass;
  readonly dims: readonly number[];
  readonly data: Float64Array | Float32Array | Int8Array | Uint8Array | Int16Array | Uint16Array | Int32Array | Uint32Array | BigInt64Array | BigUint64Array;
  readonly imag: MatNumeric['data'] | null;
  readonly logical: boolean;
}
export interface MatCell {
  readonly kind: 'cell';
  readonly dims: readonly number[];
  readonly cells: readonly MatValue[]; // column-major
}
export interface MatChar {
  readonly kind: 'char';
  readonly dims: readonly number[];
  readonly text: string; // column-major characters (a 1×N row is the string itself)
}
export interface MatStruct {
  readonly kind: 'struct';
  readonly dims: readonly number[];
  readonly fields: Readonly<Record<string, readonly MatValue[]>>; // per field, one value per element
}
export type MatValue = MatNumeric | MatCell | MatChar | MatStruct;
export type MatClass = 'double' | 'single' | 'int8' | 'uint8' | 'int16' | 'uint16' | 'int32' | 'uint32' | 'int64' | 'uint64';

const classes: Record<number, MatClass | 'cell' | 'struct' | 'char' | 'object' | 'sparse'> = {
  1: 'cell', 2: 'struct', 3: 'object', 4: 'char', 5: 'sparse', 6: 'double', 7: 'single', 8: 'int8', 9: 'uint8',
  10: 'int16', 11: 'uint16', 12: 'int32', 13: 'uint32', 14: 'int64', 15: 'uint64',
};
// mi* data type → [bytes per element, DataView getter]
const elementTypes: Record<number, readonly [number, (v: DataView, o: number, le: boolean) => number | bigint]> = {
  1: [1, (v, o) => v.getInt8(o)],
  2: [1, (v, o) => v.getUint8(o)],
  3: [2, (v, o, le) => v.getInt16(o, le)],
  4: [2, (v, o, le) => v.getUint16(o, le)],
  5: [4, (v, o, le) => v.getInt32(o, le)],
  6: [4, (v, o, le) => v.getUint32(o, le)],
  7: [4, (v, o, le) => v.getFloat32(o, le)],
  9: [8, (v, o, le) => v.getFloat64(o, le)],
  12: [8, (v, o, le) => v.getBigInt64(o, le)],
  13: [8, (v, o, le) => v.getBigUint64(o, le)],
  16: [1, (v, o) => v.getUint8(o)], // miUTF8
  17: [2, (v, o, le) => v.getUint16(o, le)], // miUTF16
  18: [4, (v, o, le) => v.getUint32(o, le)], // miUTF32
};
const arrays: Record<MatClass, new (n: number) => MatNumeric['data']> = {
  double: Float64Array, single: Float32Array, int8: Int8Array, uint8: Uint8Array, int16: Int16Array,
  uint16: Uint16Array, int32: Int32Array, uint32: Uint32Array, int64: BigInt64Array, uint64: BigUint64Array,
};

interface Element {
  readonly type: number;
  readonly view: DataView; // the payload
  readonly next: number; // offset after the element (padded)
}

class MatError extends Error {}

function readElement(view: DataView, at: number, le: boolean, topLevel: boolean): Element {
  if (at + 8 > view.byteLength) throw new MatError(`truncated element tag at byte ${at}`);
  const first = view.getUint32(at, le);
  if (first >>> 16 !== 0) {
    // small data element: size in the upper 16 bits, data in the 4 bytes that follow the 4-byte tag
    const bytes = first >>> 16;
    return { type: first & 0xffff, view: new DataView(view.buffer, view.byteOffset + at + 4, bytes), next: at + 8 };
  }
  const bytes = view.getUint32(at + 4, le);
  if (at + 8 + bytes > view.byteLength) throw new MatError(`element at byte ${at} declares ${bytes} bytes, past the end`);
  const payload = new DataView(view.buffer, view.byteOffset + at + 8, bytes);
  const padded = topLevel && first === 15 ? bytes : Math.ceil(bytes / 8) * 8; // compressed elements are not padded
  return { type: first, view: payload, next: at + 8 + padded };
}

function readNumbers(el: Element, le: boolean): (number | bigint)[] {
  const spec = elementTypes[el.type];
  if (spec === undefined) throw new MatError(`unsupported data type mi${el.type}`);
  const [size, get] = spec;
  return Array.from({ length: Math.floor(el.view.byteLength / size) }, (_, k) => get(el.view, k * size, le));
}

// mi type that stores each class natively (same size, signedness and kind)
const nativeType: Record<MatClass, number> = {
  int8: 1, uint8: 2, int16: 3, uint16: 4, int32: 5, uint32: 6, single: 7, double: 9, int64: 12, uint64: 13,
};

function readTyped(el: Element, le: boolean, cls: MatClass): MatNumeric['data'] {
  const spec = elementTypes[el.type];
  if (spec === undefined) throw new MatError(`unsupported data type mi${el.type}`);
  const [size, get] = spec;
  const n = Math.floor(el.view.byteLength / size);
  const Out = arrays[cls];
  if (nativeType[cls] === el.type && le) {
    const copy = new Uint8Array(el.view.buffer, el.view.byteOffset, n * size).slice(); // aligned copy
    return new (Out as unknown as new (b: ArrayBuffer) => MatNumeric['data'])(copy.buffer);
  }
  const out = new Out(n);
  const big = cls === 'int64' || cls === 'uint64';
  const target = out as unknown as (number | bigint)[];
  for (let k = 0; k < n; k++) {
    const v = get(el.view, k * size, le);
    target[k] = big ? BigInt(v) : Number(v);
  }
  return out;
}

function readMatrix(el: Element, le: boolean): { name: string; value: MatValue } {
  let at = 0;
  const next = (): Element => {
    const e = readElement(el.view, at, le, false);
    at = e.next;
    return e;
  };
  if (el.view.byteLength === 0) return { name: '', value: { kind: 'numeric', class: 'double', dims: [0, 0], data: new Float64Array(0), imag: null, logical: false } };
  const flags = el.view.getUint32(8, le); // array-flags subelement: tag (8 bytes) then flags word
  next();
  const cls = classes[flags & 0xff];
  const complex = (flags & 0x800) !== 0;
  const logical = (flags & 0x200) !== 0;
  const dims = readNumbers(next(), le).map(Number);
  const name = String.fromCharCode(...readNumbers(next(), le).map(Number));
  const count = dims.reduce((a, b) => a * b, 1);
  if (cls === 'cell') {
    const cells = Array.from({ length: count }, () => readMatrix(next(), le).value);
    return { name, value: { kind: 'cell', dims, cells } };
  }
  if (cls === 'struct') {
    const nameLength = Number(readNumbers(next(), le)[0]);
    const raw = readNumbers(next(), le).map(Number);
    const names = Array.from({ length: raw.length / nameLength }, (_, k) =>
      String.fromCharCode(...raw.slice(k * nameLength, (k + 1) * nameLength).filter((c) => c !== 0)),
    );
    const fields: Record<string, MatValue[]> = Object.fromEntries(names.map((n) => [n, [] as MatValue[]]));
    for (let k = 0; k < count; k++) for (const n of names) fields[n]?.push(readMatrix(next(), le).value);
    return { name, value: { kind: 'struct', dims, fields } };
  }
  if (cls === 'char') {
    const codes = readNumbers(next(), le).map(Number);
    return { name, value: { kind: 'char', dims, text: String.fromCodePoint(...codes) } };
  }
  if (cls === undefined || cls === 'object' || cls === 'sparse') throw new MatError(`variable "${name}": unsupported class ${cls ?? flags & 0xff}`);
  const data = readTyped(next(), le, cls);
  const imag = complex ? readTyped(next(), le, cls) : null;
  if (data.length !== count) throw new MatError(`variable "${name}": ${data.length} values for dimensions ${dims.join('×')}`);
  return { name, value: { kind: 'numeric', class: cls, dims, data, imag, logical } };
}

/**
 * Reads every variable of a MATLAB level-5 MAT-file (v5 / v6 / v7, not v7.3 HDF5): numeric and logical
 * arrays of all classes (stored types are converted to the array class), cells, structs and char
 * arrays, zlib-compressed (`miCOMPRESSED`) or not, little- or big-endian.
 *
 * @throws UserError naming `where` when the bytes are not a level-5 MAT-file or use unsupported features.
 * @example
 * readMat(readFileSync('8_label.mat'), '8_label.mat').volLabel; // => {kind: 'cell', dims: [1, 36], …}
 */
export function readMat(bytes: Uint8Array, where: string): Record<string, MatValue> {
  if (bytes.length < 128) throw new UserError(`${where}: a MAT-file must have a 128-byte header, but got ${bytes.length} bytes`);
  const header = Buffer.from(bytes.subarray(0, 116)).toString('latin1');
  if (header.startsWith('MATLAB 7.3')) throw new UserError(`${where}: must be a level-5 MAT-file, but got MAT v7.3 (HDF5); re-save with -v7`);
  const indicator = String.fromCharCode(bytes[126] as number, bytes[127] as number);
  if (indicator !== 'IM' && indicator !== 'MI') throw new UserError(`${where}: endian indicator must be "IM" or "MI", but got "${indicator}"`);
  const le = indicator === 'IM';
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Record<string, MatValue> = {};
  try {
    for (let at = 128; at + 8 <= view.byteLength; ) {
      const el = readElement(view, at, le, true);
      at = el.next;
      let matrix = el;
      if (el.type === 15) {
        const inflated = inflateSync(new Uint8Array(el.view.buffer, el.view.byteOffset, el.view.byteLength));
        matrix = readElement(new DataView(inflated.buffer, inflated.byteOffset, inflated.byteLength), 0, le, false);
      }
      if (matrix.type !== 14) continue; // only miMATRIX elements hold variables
      const { name, value } = readMatrix(matrix, le);
      out[name] = value;
    }
  } catch (error) {
    // a malformed file shows up as our checks, zlib errors, or reads past the end of a DataView / array limits
    if (error instanceof MatError || error instanceof RangeError || (error as { code?: string }).code?.startsWith('Z_')) {
      throw new UserError(`${where}: must be a valid level-5 MAT-file, but ${(error as Error).message}`);
    }
    throw error;
  }
  return out;
}
