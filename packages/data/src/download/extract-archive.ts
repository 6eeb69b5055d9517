import { createWriteStream } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import { dirname, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream/promises';
import * as tar from 'tar';
import yauzl from 'yauzl';
import { UserError } from '@vad/core';
import { fsError } from './fs-errors';

/** Maps a folder of the archive (`from`, trailing slash; "" = all) onto a folder under the target (`to`). */
export interface ExtractRule {
  readonly from: string;
  readonly to: string;
}

/** Archive path → target-relative path by the first matching rule, or null (not extracted). */
export function mapEntry(path: string, rules: readonly ExtractRule[]): string | null {
  const clean = path.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  for (const rule of rules) {
    if (!clean.startsWith(rule.from)) continue;
    const rest = clean.slice(rule.from.length);
    return rest === '' ? null : `${rule.to}${rest}`;
  }
  return null;
}

/** What an extraction wrote, and the archive's top-level names (for the "wrong archive" message). */
export interface ExtractResult {
  readonly files: number;
  readonly topLevel: readonly string[];
}

function topName(path: string): string {
  return path.replace(/^(\.\/)+/, '').split('/')[0] ?? '';
}

async function extractTar(archive: string, rules: readonly ExtractRule[], into: string): Promise<ExtractResult> {
  let files = 0;
  const top = new Set<string>();
  await tar.x({
    file: archive,
    cwd: into,
    strict: true, // a truncated or corrupt archive is an error, not a warning
    preserveOwner: false, // root would otherwise chown to the archive's uid/gid
    filter: (path, entry) => {
      top.add(topName(path));
      const mapped = mapEntry(path, rules);
      if (mapped !== null && 'type' in entry && entry.type === 'File') files++;
      return mapped !== null;
    },
    onReadEntry: (entry) => {
      entry.path = mapEntry(entry.path, rules) ?? entry.path; // the filter let only mapped entries through
      if (entry.type === 'Link' && entry.linkpath !== undefined) entry.linkpath = mapEntry(entry.linkpath, rules) ?? entry.linkpath;
    },
  });
  return { files, topLevel: [...top] };
}

async function extractZip(archive: string, rules: readonly ExtractRule[], into: string): Promise<ExtractResult> {
  // yauzl rejects absolute and ".." names itself (decodeStrings + strict names); symlinks are skipped
  const zip = await yauzl.openPromise(archive, { lazyEntries: true, autoClose: true, strictFileNames: true });
  const root = resolve(into);
  let files = 0;
  const top = new Set<string>();
  await new Promise<void>((done, fail) => {
    zip.on('error', fail);
    zip.on('end', () => done());
    zip.on('entry', (entry: yauzl.Entry) => {
      top.add(topName(entry.fileName));
      const mapped = mapEntry(entry.fileName, rules);
      const isLink = ((entry.externalFileAttributes >>> 16) & 0o170000) === 0o120000;
      if (mapped === null || isLink) return zip.readEntry();
      const target = resolve(root, mapped);
      if (target !== root && !target.startsWith(root + sep)) return fail(new UserError(`${archive}: entry ${entry.fileName} must stay inside the dataset folder, but points outside`));
      const write = async (): Promise<void> => {
        if (entry.fileName.endsWith('/')) {
          await mkdir(target, { recursive: true });
          return;
        }
        await mkdir(dirname(target), { recursive: true });
        await pipeline(await zip.openReadStreamPromise(entry), createWriteStream(target));
        files++;
      };
      write().then(() => zip.readEntry(), fail);
    });
    zip.readEntry();
  });
  return { files, topLevel: [...top] };
}

/**
 * Extracts the entries of a .tar.gz/.tgz (node-tar) or .zip (yauzl) archive selected by `rules`
 * into `into`, renamed by them (e.g. `UCSD_Anomaly_Dataset.v1p2/UCSDped2/Train/…` → `Train/…`).
 *
 * @throws UserError when nothing matched (naming the archive's top-level folders), when the archive
 *   is corrupt, or when the disk is full or read-only.
 * @example
 * await extractArchive('UCSD_Anomaly_Dataset.tar.gz', [{ from: 'UCSD_Anomaly_Dataset.v1p2/UCSDped2/', to: '' }], staging, where);
 * // => { files: 4560, topLevel: ['UCSD_Anomaly_Dataset.v1p2'] }
 */
export async function extractArchive(archive: string, rules: readonly ExtractRule[], into: string, where: string): Promise<ExtractResult> {
  let result: ExtractResult;
  try {
    result = /\.zip$/i.test(archive) ? await extractZip(archive, rules, into) : await extractTar(archive, rules, into);
  } catch (error) {
    const mapped = fsError(error, into, where);
    if (mapped !== error) throw mapped;
    if (error instanceof UserError) throw error;
    throw new UserError(`${where}: ${archive} must be a readable archive, but extracting it failed: ${(error as Error).message}`);
  }
  if (result.files === 0) {
    const wanted = rules.map((r) => JSON.stringify(r.from || '(anything)')).join(', ');
    throw new UserError(`${where}: ${archive} must contain files under ${wanted}, but its top-level entries are ${result.topLevel.slice(0, 8).join(', ') || 'none'}`);
  }
  return result;
}
