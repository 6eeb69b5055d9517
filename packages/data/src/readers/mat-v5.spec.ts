import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { deflateSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { sharedDataset } from '../../../../tools/shared-data';
import { readMat, type MatCell, type MatNumeric } from './mat-v5';

const sample = sharedDataset('avenue-sample');
const avenue = sample.path;

// Reference writer for MAT level 5 (MathWorks "MAT-File Format" R2024, ch. 1): 128-byte header,
// 8-byte element tags (or the 4-byte "small data element" form for 1–4 bytes), 8-byte padding.
type Bytes = number[];
const u32 = (v: number, le: boolean): Bytes => {
  const b = Buffer.alloc(4);
  if (le) b.writeUInt32LE(v);
  else b.writeUInt32BE(v);
  return [...b];
};
function element(type: number, data: Bytes, le: boolean): Bytes {
  if (data.length > 0 && data.length <= 4) {
    const tag = le ? [type & 0xff, type >> 8, data.length & 0xff, data.length >> 8] : [data.length >> 8, data.length & 0xff, type >> 8, type & 0xff];
    return [...tag, ...data, ...new Array(4 - data.length).fill(0)];
  }
  return [...u32(type, le), ...u32(data.length, le), ...data, ...new Array((8 - (data.length % 8)) % 8).fill(0)];
}
function values(type: number, xs: number[], le: boolean): Bytes {
  const size = { 1: 1, 2: 1, 3: 2, 4: 2, 5: 4, 6: 4, 7: 4, 9: 8 }[type] as number;
  const b = Buffer.alloc(xs.length * size);
  xs.forEach((x, k) => {
    const o = k * size;
    if (type === 1) b.writeInt8(x, o);
    else if (type === 2) b.writeUInt8(x, o);
    else if (type === 3) le ? b.writeInt16LE(x, o) : b.writeInt16BE(x, o);
    else if (type === 4) le ? b.writeUInt16LE(x, o) : b.writeUInt16BE(x, o);
    else if (type === 5) le ? b.writeInt32LE(x, o) : b.writeInt32BE(x, o);
    else if (type === 6) le ? b.writeUInt32LE(x, o) : b.writeUInt32BE(x, o);
    else if (type === 7) le ? b.writeFloatLE(x, o) : b.writeFloatBE(x, o);
    else le ? b.writeDoubleLE(x, o) : b.writeDoubleBE(x, o);
  });
  return [...b];
}
interface Var {
  cls: number;
  dims: number[];
  body: Bytes; // sub-elements after the name
  flags?: number;
}
function matrix(name: string, v: Var, le: boolean): Bytes {
  const inner = [
    ...element(6, [...u32(v.cls | (v.flags ?? 0), le), ...u32(0, le)], le),
    ...element(5, values(5, v.dims, le), le),
    ...element(1, [...Buffer.from(name, 'latin1')], le),
    ...v.body,
  ];
  return [...u32(14, le), ...u32(inner.length, le), ...inner];
}
const numeric = (cls: number, dims: number[], type: number, xs: number[], le: boolean): Var => ({ cls, dims, body: element(type, values(type, xs, le), le) });
function matFile(vars: Bytes[], le = true, compress = false): Uint8Array {
  const text = Buffer.alloc(116, ' ');
  text.write('MATLAB 5.0 MAT-file, written by the vad test writer');
  const header = [...text, ...new Array(8).fill(0), ...(le ? [0x00, 0x01, 0x49, 0x4d] : [0x01, 0x00, 0x4d, 0x49])];
  const body = vars.flatMap((v) => (compress ? (() => { const z = [...deflateSync(Uint8Array.from(v))]; return [...u32(15, le), ...u32(z.length, le), ...z]; })() : v));
  return Uint8Array.from([...header, ...body]);
}
const hex = (b: Bytes | Uint8Array): string => Buffer.from(b).toString('hex');
const num = (v: unknown): MatNumeric => v as MatNumeric;
const list = (a: MatNumeric['data'] | null): number[] => Array.from((a ?? []) as ArrayLike<number>, Number);

describe('readMat', () => {
  it('writer matches scipy.io.savemat 1.17.1 byte for byte; reader returns the values', () => {
    const a = matrix('a', numeric(9, [1, 3], 2, [1, 2, 3], true), true);
    // scipy.io.savemat(f, {'a': np.array([[1, 2, 3]], dtype=np.uint8)}), bytes after the header:
    expect(hex(a)).toBe('0e00000030000000060000000800000009000000000000000500000008000000010000000300000001000100610000000200030001020300');
    const out = readMat(matFile([a]), 'a.mat');
    expect(num(out.a).class).toBe('uint8');
    expect(num(out.a).dims).toEqual([1, 3]);
    expect(list(num(out.a).data)).toEqual([1, 2, 3]);
  });

  it('reads a gt cell (frame ranges) plain and zlib-compressed, as scipy writes it', () => {
    const cell = (le: boolean): Bytes =>
      matrix('gt', { cls: 1, dims: [1, 2], body: [...matrix('', numeric(6, [2, 1], 9, [2, 4], le), le), ...matrix('', numeric(6, [2, 2], 9, [1, 3, 7, 9], le), le)] }, le);
    // scipy.io.savemat(f, {'gt': cell}) with cell = [[2.],[4.]] and [[1., 7.], [3., 9.]]
    expect(hex(cell(true))).toBe(
      '0e000000c8000000060000000800000001000000000000000500000008000000010000000200000001000200677400000e00000040000000060000000800000006000000000000000500000008000000020000000100000001000000000000000900000010000000000000000000004000000000000010400e00000050000000060000000800000006000000000000000500000008000000020000000200000001000000000000000900000020000000000000000000f03f00000000000008400000000000001c400000000000002240',
    );
    // scipy's own compressed element (do_compression=True), copied verbatim
    const scipyZ = Buffer.from('0f00000052000000789ce36360603801c46c40cc01c48c0c10c08ac46702d34c0ce9250c0c7c40b603927a3634f54c503d307338815880010e1c20948003c89c0002e630a199a30037e6833d84e6809a2703a5951c00296905d2', 'hex');
    for (const bytes of [matFile([cell(true)]), matFile([cell(true)], true, true), Uint8Array.from([...matFile([]), ...scipyZ])]) {
      const gt = readMat(bytes, 'gt.mat').gt as MatCell;
      expect(gt.dims).toEqual([1, 2]);
      expect(list(num(gt.cells[0]).data)).toEqual([2, 4]);
      expect(num(gt.cells[1]).dims).toEqual([2, 2]);
      expect(list(num(gt.cells[1]).data)).toEqual([1, 3, 7, 9]); // column-major
    }
  });

  it('reads big-endian files, converts stored types to the class, and reads logical, complex, char and struct', () => {
    const le = false;
    const vars = [
      matrix('i', numeric(10, [1, 2], 3, [-3, 300], le), le), // int16
      matrix('s', numeric(7, [1, 1], 7, [0.5], le), le), // single
      matrix('d', numeric(6, [1, 3], 2, [0, 7, 255], le), le), // double stored as miUINT8 (MATLAB does this)
      matrix('m', { ...numeric(9, [2, 1], 2, [1, 0], le), flags: 0x200 }, le), // logical
      matrix('z', { cls: 6, dims: [1, 1], flags: 0x800, body: [...element(9, values(9, [1.5], le), le), ...element(9, values(9, [-2], le), le)] }, le),
      matrix('c', { cls: 4, dims: [1, 3], body: element(4, values(4, [104, 105, 33], le), le) }, le),
      matrix('st', { cls: 2, dims: [1, 1], body: [...element(5, values(5, [4], le), le), ...element(1, [...Buffer.from('ab\0\0cd\0\0')], le), ...matrix('', numeric(6, [1, 1], 9, [5], le), le), ...matrix('', numeric(6, [1, 1], 9, [6], le), le)] }, le),
    ];
    const out = readMat(matFile(vars, le), 'be.mat');
    expect(list(num(out.i).data)).toEqual([-3, 300]);
    expect(num(out.i).class).toBe('int16');
    expect(list(num(out.s).data)).toEqual([0.5]);
    expect(num(out.d).data).toBeInstanceOf(Float64Array);
    expect(list(num(out.d).data)).toEqual([0, 7, 255]);
    expect(num(out.m).logical).toBe(true);
    expect(list(num(out.z).imag)).toEqual([-2]);
    expect(out.c).toEqual({ kind: 'char', dims: [1, 3], text: 'hi!' });
    const st = out.st as unknown as { kind: 'struct'; fields: Record<string, MatNumeric[]> };
    expect(Object.keys(st.fields)).toEqual(['ab', 'cd']);
    expect(list(st.fields.cd![0]!.data)).toEqual([6]);
  });

  it('rejects files it cannot read, naming the file', () => {
    expect(() => readMat(new Uint8Array(20), 'short.mat')).toThrow(/short.mat: a MAT-file must have a 128-byte header, but got 20 bytes/);
    const v73 = matFile([]);
    v73.set(Buffer.from('MATLAB 7.3 MAT-file'), 0);
    expect(() => readMat(v73, 'h5.mat')).toThrow(/h5.mat: must be a level-5 MAT-file, but got MAT v7.3/);
    const cut = matFile([matrix('a', numeric(9, [1, 3], 2, [1, 2, 3], true), true)]).subarray(0, 150);
    expect(() => readMat(cut, 'cut.mat')).toThrow(/cut.mat: must be a valid level-5 MAT-file, but element at byte 128 declares 48 bytes, past the end/);
  });

  it.skipIf(!sample.present)(`reads the genuine CUHK Avenue label masks and volumes${sample.skipReason}`, () => {
    const label = readMat(readFileSync(resolve(avenue, 'ground_truth_demo/testing_label_mask/21_label.mat')), '21_label.mat');
    const vol = label.volLabel as MatCell;
    expect(vol.dims).toEqual([1, 76]);
    const first = num(vol.cells[0]);
    expect([first.class, first.dims, first.logical]).toEqual(['uint8', [360, 640], true]); // MATLAB logical, stored as uint8
    const anomalous = vol.cells.map((c, i) => (num(c).data as Uint8Array).some((v) => v > 0) ? i + 1 : 0).filter((i) => i > 0);
    expect([anomalous[0], anomalous.at(-1), anomalous.length]).toEqual([14, 66, 53]);
    expect(Math.max(...vol.cells.map((c) => (num(c).data as Uint8Array).reduce((s, v) => s + v, 0)))).toBe(19588);
    const v08 = num(readMat(readFileSync(resolve(avenue, 'Avenue Dataset/testing_vol/vol08.mat')), 'vol08.mat').vol);
    expect([v08.class, v08.dims]).toEqual(['uint8', [120, 160, 36]]);
  });
});
