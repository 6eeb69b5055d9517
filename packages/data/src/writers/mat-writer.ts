/** Little-endian element: 8-byte tag, payload, zero padding to 8 bytes. */
function element(type: number, payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(8 + Math.ceil(payload.length / 8) * 8);
  const view = new DataView(out.buffer);
  view.setUint32(0, type, true);
  view.setUint32(4, payload.length, true);
  out.set(payload, 8);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((s, p) => s + p.length, 0));
  let at = 0;
  for (const p of parts) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

function int32s(values: readonly number[]): Uint8Array {
  const b = new Uint8Array(values.length * 4);
  values.forEach((v, k) => new DataView(b.buffer).setInt32(k * 4, v, true));
  return b;
}

function matrix(name: string, cls: number, dims: readonly number[], body: readonly Uint8Array[]): Uint8Array {
  const flags = new Uint8Array(8);
  new DataView(flags.buffer).setUint32(0, cls, true);
  return element(14, concat([element(6, flags), element(5, int32s(dims)), element(1, Buffer.from(name, 'latin1')), ...body]));
}

/**
 * Encodes frame labels as a MAT v5 file with variable `gt`: a 1×V cell whose cell i is the 2×K double
 * matrix of 1-based inclusive [start; end] anomalous ranges of video i — the format of MNAD's ped2.mat.
 *
 * @example
 * gtMat([Uint8Array.of(0, 1, 1, 0, 1)]); // gt{1} = [2 5; 3 5]
 */
export function gtMat(labels: readonly Uint8Array[]): Uint8Array {
  const cells = labels.map((l) => {
    const ranges: number[] = [];
    for (let i = 0; i < l.length; i++) {
      if (l[i] && !l[i - 1]) ranges.push(i + 1);
      if (l[i] && !l[i + 1]) ranges.push(i + 1);
    }
    const data = new Uint8Array(ranges.length * 8);
    ranges.forEach((v, k) => new DataView(data.buffer).setFloat64(k * 8, v, true));
    return matrix('', 6, [2, ranges.length / 2], [element(9, data)]);
  });
  const header = new Uint8Array(128).fill(0x20);
  header.set(Buffer.from('MATLAB 5.0 MAT-file, written by vad data synth'), 0);
  header.fill(0, 116, 124);
  header.set([0x00, 0x01, 0x49, 0x4d], 124); // version 0x0100, "IM" = little-endian
  return concat([header, matrix('gt', 1, [1, labels.length], cells)]);
}
