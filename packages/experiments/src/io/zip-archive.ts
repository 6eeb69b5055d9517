import { crc32, inflateRawSync } from 'node:zlib';
import { UserError } from '@vad/core';

/**
 * The ZIP container PyTorch's `torch.save` writes (≥ 1.6): stored (uncompressed) entries, one per
 * record. Hand-written because only this subset is needed (read stored/deflated entries, write stored
 * ones with 64-byte-aligned data as torch does) and no dependency is worth it for ~100 lines.
 */

/** One file of an archive. */
export interface ZipEntry {
  readonly name: string;
  readonly data: Uint8Array;
}

const eocdSignature = 0x06054b50;
const centralSignature = 0x02014b50;
const localSignature = 0x04034b50;

function findEndOfCentralDirectory(view: DataView): number {
  for (let at = view.byteLength - 22; at >= Math.max(0, view.byteLength - 22 - 0xffff); at--) {
    if (view.getUint32(at, true) === eocdSignature) return at;
  }
  return -1;
}

/**
 * Reads every entry of a ZIP archive (stored or deflated; no ZIP64, no encryption).
 *
 * @throws UserError naming `where` when the bytes are not such an archive.
 * @example
 * readZip(writeZip([{ name: 'a/version', data: Uint8Array.of(51, 10) }]), 'x.pt')[0]?.name; // => 'a/version'
 */
export function readZip(bytes: Uint8Array, where: string): ZipEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const eocd = findEndOfCentralDirectory(view);
  if (eocd < 0) throw new UserError(`${where}: must be a ZIP archive (torch.save's format since PyTorch 1.6), but no end-of-directory record was found`);
  const count = view.getUint16(eocd + 10, true);
  let at = view.getUint32(eocd + 16, true);
  if (count === 0xffff || at === 0xffffffff) throw new UserError(`${where}: ZIP64 archives (over 4 GiB) are not supported, but got one`);
  const entries: ZipEntry[] = [];
  for (let k = 0; k < count; k++) {
    if (view.getUint32(at, true) !== centralSignature) throw new UserError(`${where}: ZIP central directory entry ${k} must start with its signature, but got garbage`);
    const method = view.getUint16(at + 10, true);
    const size = view.getUint32(at + 20, true);
    const nameLength = view.getUint16(at + 28, true);
    const skip = nameLength + view.getUint16(at + 30, true) + view.getUint16(at + 32, true);
    const local = view.getUint32(at + 42, true);
    const name = new TextDecoder().decode(bytes.subarray(at + 46, at + 46 + nameLength));
    if (view.getUint32(local, true) !== localSignature) throw new UserError(`${where}: ZIP entry "${name}" must have a local header, but got garbage`);
    const start = local + 30 + view.getUint16(local + 26, true) + view.getUint16(local + 28, true);
    const raw = bytes.subarray(start, start + size);
    if (method !== 0 && method !== 8) throw new UserError(`${where}: ZIP entry "${name}" must be stored or deflated, but uses method ${method}`);
    entries.push({ name, data: method === 0 ? raw : new Uint8Array(inflateRawSync(raw)) });
    at += 46 + skip;
  }
  return entries;
}

/**
 * Writes stored entries, each entry's data starting at a multiple of 64 bytes (padding in the local
 * header's extra field), with CRC-32s, a central directory and the end record.
 *
 * @example
 * writeZip([{ name: 'archive/version', data: new TextEncoder().encode('3\n') }]).length; // => 149 (64-byte-aligned data)
 */
export function writeZip(entries: readonly ZipEntry[]): Uint8Array {
  const encoder = new TextEncoder();
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = encoder.encode(entry.name);
    const padding = (64 - ((offset + 30 + name.length + 4) % 64)) % 64;
    const local = new Uint8Array(30 + name.length + 4 + padding);
    const lv = new DataView(local.buffer);
    const crc = crc32(entry.data);
    lv.setUint32(0, localSignature, true);
    lv.setUint16(4, 20, true); // version needed
    lv.setUint32(14, crc, true);
    lv.setUint32(18, entry.data.length, true);
    lv.setUint32(22, entry.data.length, true);
    lv.setUint16(26, name.length, true);
    lv.setUint16(28, 4 + padding, true);
    local.set(name, 30);
    lv.setUint16(30 + name.length, 0x4654, true); // "FT" padding block, as torch writes
    lv.setUint16(32 + name.length, padding, true);
    const record = new Uint8Array(46 + name.length);
    const cv = new DataView(record.buffer);
    cv.setUint32(0, centralSignature, true);
    cv.setUint16(4, 20, true);
    cv.setUint16(6, 20, true);
    cv.setUint32(16, crc, true);
    cv.setUint32(20, entry.data.length, true);
    cv.setUint32(24, entry.data.length, true);
    cv.setUint16(28, name.length, true);
    cv.setUint32(42, offset, true);
    record.set(name, 46);
    parts.push(local, entry.data);
    central.push(record);
    offset += local.length + entry.data.length;
  }
  const directorySize = central.reduce((sum, r) => sum + r.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, eocdSignature, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, directorySize, true);
  ev.setUint32(16, offset, true);
  const out = new Uint8Array(offset + directorySize + 22);
  let at = 0;
  for (const part of [...parts, ...central, end]) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}
