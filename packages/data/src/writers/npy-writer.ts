/**
 * Encodes a uint8 array as `.npy` (format 1.0, dtype |u1, C order), byte-identical to `numpy.save`.
 *
 * @example
 * npyUint8([3], Uint8Array.of(0, 1, 1)).length; // => 131 (128-byte header + 3 bytes)
 */
export function npyUint8(shape: readonly number[], data: Uint8Array): Uint8Array {
  const count = shape.reduce((a, b) => a * b, 1);
  if (count !== data.length) throw new Error(`npyUint8(data) must have ${count} values for shape (${shape.join(', ')}), but got ${data.length}`);
  const tuple = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '|u1', 'fortran_order': False, 'shape': ${tuple}, }`;
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const out = new Uint8Array(10 + header.length + data.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.set(Buffer.from(header, 'latin1'), 10);
  out.set(data, 10 + header.length);
  return out;
}
