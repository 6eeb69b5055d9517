import { UserError } from '@vad/core';

/**
 * Decodes an uncompressed Windows BMP (BITMAPINFOHEADER or later; 1, 4, 8, 24 or 32 bits per pixel;
 * bottom-up or top-down) to grey values [height, width] (palette/RGB → luma, rounded). sharp cannot
 * read BMP; UCSD Ped1/Ped2 pixel masks are 8-bit BMPs.
 *
 * @throws UserError naming `where` for other formats or compressed bitmaps.
 * @example
 * decodeBmp(readFileSync('Test001_gt/001.bmp'), 'gt').width; // => 238 (Ped1)
 */
export function decodeBmp(bytes: Uint8Array, where: string): { width: number; height: number; data: Uint8Array } {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (bytes.length < 54 || bytes[0] !== 0x42 || bytes[1] !== 0x4d) throw new UserError(`${where}: must be a BMP file (starting with "BM"), but is not`);
  const offset = view.getUint32(10, true);
  const headerSize = view.getUint32(14, true);
  if (headerSize < 40) throw new UserError(`${where}: BMP header must be BITMAPINFOHEADER (40+ bytes), but got ${headerSize} bytes`);
  const width = view.getInt32(18, true);
  const rawHeight = view.getInt32(22, true);
  const bits = view.getUint16(28, true);
  const compression = view.getUint32(30, true);
  if (compression !== 0 && !(compression === 3 && bits === 32)) throw new UserError(`${where}: BMP must be uncompressed, but got compression ${compression}`);
  if (![1, 4, 8, 24, 32].includes(bits)) throw new UserError(`${where}: BMP bits per pixel must be 1, 4, 8, 24 or 32, but got ${bits}`);
  const height = Math.abs(rawHeight);
  if (width < 1 || height < 1) throw new UserError(`${where}: BMP size must be at least 1×1, but got ${width}×${rawHeight}`);
  const colours = bits <= 8 ? Math.min(2 ** bits, view.getUint32(46, true) || 2 ** bits) : 0;
  const palette = Array.from({ length: colours }, (_, k) => {
    const p = 14 + headerSize + 4 * k; // BGRA entries
    return luma(bytes[p + 2] as number, bytes[p + 1] as number, bytes[p] as number);
  });
  const stride = Math.ceil((width * bits) / 32) * 4;
  if (offset + stride * height > bytes.length) throw new UserError(`${where}: BMP pixel data must have ${stride * height} bytes, but the file is truncated`);
  const data = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const row = offset + (rawHeight > 0 ? height - 1 - y : y) * stride;
    for (let x = 0; x < width; x++) {
      let v: number;
      if (bits >= 24) {
        const p = row + x * (bits / 8);
        v = luma(bytes[p + 2] as number, bytes[p + 1] as number, bytes[p] as number);
      } else {
        const bit = x * bits;
        const index = ((bytes[row + (bit >> 3)] as number) >> (8 - bits - (bit & 7))) & ((1 << bits) - 1);
        v = palette[index] ?? index;
      }
      data[y * width + x] = v;
    }
  }
  return { width, height, data };
}

function luma(r: number, g: number, b: number): number {
  return Math.round(0.299 * r + 0.587 * g + 0.114 * b);
}
