import { describe, expect, it } from 'vitest';
import { readNpy } from './npy';

// Reference writer: the .npy layout of numpy.lib.format (magic, version, little-endian header length,
// a Python-dict header padded with spaces and ended by "\n" so the data starts at a multiple of 64).
function npy(descr: string, shape: number[], data: number[], options: { fortran?: boolean; version?: 1 | 2 | 3 } = {}): Uint8Array {
  const version = options.version ?? 1;
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${descr}', 'fortran_order': ${options.fortran ? 'True' : 'False'}, 'shape': ${tuple}, }`;
  const preamble = version === 1 ? 10 : 12;
  header += ' '.repeat(63 - ((preamble + header.length) % 64)) + '\n';
  const size = Number(descr.slice(2));
  const body = new DataView(new ArrayBuffer(data.length * size));
  const le = descr[0] !== '>';
  data.forEach((v, k) => {
    const o = k * size;
    const t = descr.slice(1);
    if (t === 'u1' || t === 'b1') body.setUint8(o, v);
    else if (t === 'i1') body.setInt8(o, v);
    else if (t === 'i4') body.setInt32(o, v, le);
    else if (t === 'i8') body.setBigInt64(o, BigInt(v), le);
    else if (t === 'f4') body.setFloat32(o, v, le);
    else if (t === 'f8') body.setFloat64(o, v, le);
    else throw new Error(`test writer: no dtype ${descr}`);
  });
  const head = new Uint8Array(preamble);
  head.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, version, 0]);
  if (version === 1) new DataView(head.buffer).setUint16(8, header.length, true);
  else new DataView(head.buffer).setUint32(8, header.length, true);
  return Uint8Array.from([...head, ...Buffer.from(header, version === 3 ? 'utf8' : 'latin1'), ...new Uint8Array(body.buffer)]);
}
const hex = (b: Uint8Array): string => Buffer.from(b).toString('hex');

describe('readNpy', () => {
  it('matches bytes written by numpy 2.4.6 (np.save) for the reference writer', () => {
    // np.save(f, np.array([0, 1, 1], dtype=np.uint8)): 128-byte header then 00 01 01
    const bytes = npy('|u1', [3], [0, 1, 1]);
    expect(bytes.length).toBe(131);
    expect(hex(bytes.subarray(0, 10))).toBe('934e554d505901007600');
    expect(Buffer.from(bytes.subarray(10, 70)).toString('latin1')).toBe("{'descr': '|u1', 'fortran_order': False, 'shape': (3,), }   ");
    expect(hex(bytes.subarray(128))).toBe('000101');
    expect(Array.from(readNpy(bytes, 'u1').data)).toEqual([0, 1, 1]);
  });

  it('reads Fortran-order arrays back in C order (numpy asfortranarray(arange(6).reshape(2, 3)))', () => {
    const bytes = npy('<f4', [2, 3], [0, 3, 1, 4, 2, 5], { fortran: true });
    expect(hex(bytes.subarray(128))).toBe('00000000000040400000803f00008040000000400000a040'); // numpy's data bytes
    const a = readNpy(bytes, 'f4');
    expect(a.shape).toEqual([2, 3]);
    expect(Array.from(a.data)).toEqual([0, 1, 2, 3, 4, 5]);
    const cube = readNpy(npy('|u1', [2, 2, 2], [0, 4, 2, 6, 1, 5, 3, 7], { fortran: true }), 'cube');
    expect(Array.from(cube.data)).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
  });

  it('reads every supported dtype and header version', () => {
    expect(Array.from(readNpy(npy('|i1', [3], [-128, 0, 127]), 'i1').data)).toEqual([-128, 0, 127]);
    expect(Array.from(readNpy(npy('<i4', [2], [-5, 70000]), 'i4').data)).toEqual([-5, 70000]);
    const i8 = npy('<i8', [2], [-2, 2 ** 40]);
    expect(hex(i8.subarray(128))).toBe('feffffffffffffff0000000000010000'); // numpy's bytes
    expect(Array.from(readNpy(i8, 'i8').data)).toEqual([-2, 2 ** 40]);
    expect(Array.from(readNpy(npy('<f8', [2], [0.1, -3]), 'f8').data)).toEqual([0.1, -3]);
    expect(Array.from(readNpy(npy('|b1', [2, 2], [1, 0, 0, 1]), 'b1').data)).toEqual([1, 0, 0, 1]);
    const v2 = npy('>f8', [2], [1.5, -2], { version: 2 });
    expect(hex(v2.subarray(0, 12))).toBe('934e554d5059020074000000'); // numpy write_array(version=(2, 0))
    expect(hex(v2.subarray(128))).toBe('3ff8000000000000c000000000000000');
    expect(Array.from(readNpy(v2, 'v2').data)).toEqual([1.5, -2]);
    expect(Array.from(readNpy(npy('<i4', [1, 2], [7, 8], { version: 3 }), 'v3').data)).toEqual([7, 8]);
  });

  it('rejects bad files naming the file', () => {
    expect(() => readNpy(Uint8Array.from([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]), 'x.npy')).toThrow(/x.npy: must start with the npy magic/);
    expect(() => readNpy(npy('<i4', [1], [1]).subarray(0, 130), 'cut.npy')).toThrow(/cut.npy: shape \(1\) needs 4 data bytes, but the file has 2/);
    const c8 = npy('|u1', [1], [0]);
    c8.set(Buffer.from('<c8'), 21); // the descr value starts after "{'descr': '"
    expect(() => readNpy(c8, 'c.npy')).toThrow(/c.npy: dtype must be one of .*but got "<c8"/);
    const huge = npy('<i8', [1], [0]);
    new DataView(huge.buffer).setBigInt64(128, 2n ** 60n, true);
    expect(() => readNpy(huge, 'big.npy')).toThrow(/big.npy: values must be exactly representable, but 64-bit value 1152921504606846976 is not exactly representable/);
  });
});
