import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readdir, rename, rm, stat, writeFile } from 'node:fs/promises';
import { basename, dirname, join, resolve } from 'node:path';
import { UserError } from '@vad/core';
import { extractArchive } from './extract-archive';
import { fsError } from './fs-errors';
import { downloadArchive, sha256File } from './http-download';
import type { ProgressSink } from './progress';
import type { ArchiveSource, DatasetSource } from './sources';

/** What `vad data download` was asked to do. */
export interface InstallOptions {
  readonly dataset: string;
  readonly source: DatasetSource;
  /** The dataset folder the readers open (`vad data check --root`). */
  readonly root: string;
  /** Folder for the archives; default `<root>.download`, removed after a successful install. */
  readonly downloads?: string;
  readonly keepArchives?: boolean;
  /** Replace a root that holds something other than a complete dataset. */
  readonly force?: boolean;
  /** Extract an archive whose SHA-256 differs (manual copies); `vad data check` still verifies the data. */
  readonly skipChecksum?: boolean;
  /** Fetch from this named mirror of the URL table instead of the official URL. */
  readonly mirror?: string;
  readonly log: (line: string) => void;
  readonly progress?: (archive: string) => ProgressSink;
  readonly retries?: number;
  readonly retryDelayMs?: number;
  readonly idleTimeoutMs?: number;
}

/** The marker a finished install leaves in the root (what was installed, from which archives). */
export const markerFile = '.vad-download.json';

function missingLayout(dir: string, layout: readonly string[]): string[] {
  return layout.filter((path) => !existsSync(join(dir, path)));
}

async function entries(dir: string): Promise<string[]> {
  return readdir(dir).catch(() => []);
}

function urlOf(archive: ArchiveSource, mirror: string | undefined, where: string): string | null {
  if (mirror === undefined) return archive.url;
  const url = archive.mirrors[mirror];
  const known = Object.keys(archive.mirrors);
  if (url === undefined) throw new UserError(`${where}: --mirror must be one of ${known.join(', ') || '(none for this dataset)'}, but got ${JSON.stringify(mirror)}`);
  return url;
}

function manualStep(options: InstallOptions, archivePath: string, where: string): UserError {
  const fill = (line: string): string => line.replaceAll('{homepage}', options.source.homepage).replaceAll('{archive}', archivePath).replaceAll('{root}', resolve(options.root));
  const steps = (options.source.manual ?? [`Download ${basename(archivePath)} from ${options.source.homepage}`, `Put it at ${archivePath} and run this command again.`]).map(fill);
  const mirrors = [...new Set(options.source.archives.flatMap((a) => Object.keys(a.mirrors)))];
  const extra = mirrors.length > 0 ? [`(Or fetch it from an unofficial mirror: add --mirror ${mirrors.join(' | ')}.)`] : [];
  return new UserError([`${where}: ${options.source.title} needs a manual download step:`, ...steps.map((s, i) => `  ${i + 1}. ${s}`), ...extra].join('\n'));
}

/**
 * Downloads, verifies and installs a benchmark into `root` in the layout its reader expects:
 * every archive is fetched (resumed, checksum-verified; see {@link downloadArchive}) into the
 * downloads folder, extracted into a fresh `<root>.partial-*` folder beside the root, checked
 * against the dataset's `layout`, and only then renamed into place — so an interrupted or failed
 * install never leaves a half-extracted folder where a dataset should be. A root that already holds
 * the dataset's layout is left alone ("present"), unless `force`.
 *
 * @throws UserError for a manual step (with the exact instructions), a root holding something else
 *   (without `force`), a read-only or full disk, HTTP or checksum failures.
 * @example
 * await installDataset({ dataset: 'ped2', source, root: '/data/ped2', log: console.log }); // => 'installed'
 */
export async function installDataset(options: InstallOptions): Promise<'installed' | 'present'> {
  const where = `vad data download ${options.dataset}`;
  const root = resolve(options.root);
  const parent = dirname(root);
  await mkdir(parent, { recursive: true }).catch((error: unknown) => {
    throw fsError(error, parent, where);
  });
  const kind = await stat(root).then((st) => (st.isDirectory() ? 'dir' : 'file'), () => 'none');
  if (kind === 'file') throw new UserError(`${where}: --root ${root} must be a folder, but it is a file`);
  const existing = await entries(root);
  if (existing.length > 0 && options.force !== true) {
    if (missingLayout(root, options.source.layout).length === 0) return 'present';
    throw new UserError(
      `${where}: --root ${root} must be empty, absent or hold the dataset, but it holds ${existing.length} entries without ${missingLayout(root, options.source.layout).join(', ')}; move them away or pass --force to replace the folder`,
    );
  }
  const downloads = resolve(options.downloads ?? `${root}.download`);
  await mkdir(downloads, { recursive: true }).catch((error: unknown) => {
    throw fsError(error, downloads, where);
  });
  const archives: string[] = [];
  for (const archive of options.source.archives) {
    const dest = join(downloads, archive.file);
    const url = urlOf(archive, options.mirror, where);
    const sha256 = options.skipChecksum === true ? null : archive.sha256;
    if (url === null) {
      // no direct URL: the user downloads it by hand; verify it, never delete it
      if (!existsSync(dest)) throw manualStep(options, dest, where);
      const hash = sha256 === null ? null : await sha256File(dest);
      if (hash !== sha256) {
        throw new UserError(`${where}: ${dest} must have SHA-256 ${sha256} (the published archive), but has ${hash}; download it again, or pass --skip-checksum to extract it anyway (the check of the published totals still verifies the data)`);
      }
    } else {
      options.log(`${archive.file}: ${url}`);
      const progress = options.progress?.(archive.file);
      const { retries, retryDelayMs, idleTimeoutMs } = options;
      await downloadArchive({ url, dest, sha256, where, log: options.log, ...(progress ? { progress } : {}), ...(retries === undefined ? {} : { retries }), ...(retryDelayMs === undefined ? {} : { retryDelayMs }), ...(idleTimeoutMs === undefined ? {} : { idleTimeoutMs }) });
    }
    archives.push(dest);
  }
  await installFromArchives(options, root, archives, where);
  if (options.keepArchives !== true && options.downloads === undefined) await rm(downloads, { recursive: true, force: true });
  return 'installed';
}

/** Extracts into a staging folder beside `root`, checks the layout, then swaps it into place. */
async function installFromArchives(options: InstallOptions, root: string, archives: readonly string[], where: string): Promise<void> {
  const parent = dirname(root);
  for (const name of await entries(parent)) {
    if (name.startsWith(`${basename(root)}.partial-`)) await rm(join(parent, name), { recursive: true, force: true }); // left by an interrupted run
  }
  const staging = await mkdtemp(`${root}.partial-`).catch((error: unknown) => {
    throw fsError(error, parent, where);
  });
  try {
    for (const [i, archive] of archives.entries()) {
      options.log(`extracting ${basename(archive)}`);
      await extractArchive(archive, options.source.archives[i]?.extract ?? [], staging, where);
    }
    const missing = missingLayout(staging, options.source.layout);
    if (missing.length > 0) throw new UserError(`${where}: the archives must unpack to ${options.source.layout.join(', ')}, but ${missing.join(', ')} is missing`);
    const marker = { dataset: options.dataset, archives: options.source.archives.map((a) => ({ file: a.file, sha256: options.skipChecksum === true ? null : a.sha256 })) };
    await writeFile(join(staging, markerFile), `${JSON.stringify(marker, null, 2)}\n`);
    const old = `${root}.replaced-${process.pid}`;
    const hadRoot = existsSync(root);
    if (hadRoot) await rename(root, old);
    try {
      await rename(staging, root);
    } catch (error) {
      if (hadRoot) await rename(old, root); // put the previous folder back
      throw fsError(error, root, where);
    }
    if (hadRoot) await rm(old, { recursive: true, force: true });
  } catch (error) {
    await rm(staging, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }); // an aborted extraction may still be closing files
    throw fsError(error, staging, where);
  }
}
