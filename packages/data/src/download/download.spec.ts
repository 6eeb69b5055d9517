// `vad data download` without the internet: a local HTTP server on 127.0.0.1 serves a small
// UCSD-layout archive built here; each case is one way a real download goes wrong.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { UserError } from '@vad/core';
import { startArchiveServer, type ArchiveServer, type RouteMode } from './fixtures/archive-server';
import { buildUcsdArchive } from './fixtures/ucsd-archive';
import { installDataset, markerFile, type InstallOptions } from './install-dataset';
import type { DatasetSource } from './sources';

const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
let work = '';
let archive: Buffer = Buffer.alloc(0);
let server: ArchiveServer;
let logs: string[] = [];

function ped2Source(url: string | null, digest = sha256(archive)): DatasetSource {
  return {
    title: 'UCSD Ped2 (test)',
    homepage: 'http://127.0.0.1/',
    licence: 'test',
    citation: 'test',
    provenance: 'test',
    archives: [{ file: 'UCSD_Anomaly_Dataset.tar.gz', url, mirrors: {}, sha256: digest, extract: [{ from: 'UCSD_Anomaly_Dataset.v1p2/UCSDped2/', to: '' }] }],
    layout: ['Train', 'Test', 'Test/UCSDped2.m'],
  };
}

function options(root: string, source: DatasetSource, extra: Partial<InstallOptions> = {}): InstallOptions {
  return { dataset: 'ped2', source, root, log: (line) => logs.push(line), retryDelayMs: 5, idleTimeoutMs: 2000, ...extra };
}

function serveArchive(mode: RouteMode, body: Buffer = archive, cutAt?: number): string {
  const path = `/${mode}-${server.routes.size}/UCSD_Anomaly_Dataset.tar.gz`;
  server.routes.set(path, { body, mode, ...(cutAt === undefined ? {} : { cutAt }) });
  return server.url(path);
}

async function failure(promise: Promise<unknown>): Promise<Error> {
  const error = await promise.then(
    () => new Error('expected a rejection, but it resolved'),
    (reason: unknown) => reason as Error,
  );
  expect(error).toBeInstanceOf(UserError);
  return error;
}

const requestsFor = (url: string) => server.requests.filter((r) => url.endsWith(r.path));
const leftovers = (dir: string) => readdirSync(dir).filter((n) => /\.partial-|\.replaced-/.test(n));

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vad-download-'));
  archive = await buildUcsdArchive(join(work, 'src'));
  server = await startArchiveServer();
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

beforeEach(() => {
  logs = [];
});

describe('installDataset over HTTP', () => {
  it('downloads, verifies and installs only the selected dataset, atomically, and removes the archive', async () => {
    const root = join(work, 'ok', 'ped2');
    const url = serveArchive('normal');
    expect(await installDataset(options(root, ped2Source(url)))).toBe('installed');
    expect(readdirSync(join(root, 'Train', 'Train001'))).toHaveLength(8);
    expect(readFileSync(join(root, 'Test', 'UCSDped2.m'), 'utf8')).toMatch(/gt_frame\{2\} = \[2:4\]/);
    expect(existsSync(join(root, 'UCSDped1'))).toBe(false);
    expect(existsSync(join(root, 'README.txt'))).toBe(false);
    expect(JSON.parse(readFileSync(join(root, markerFile), 'utf8'))).toEqual({ dataset: 'ped2', archives: [{ file: 'UCSD_Anomaly_Dataset.tar.gz', sha256: sha256(archive) }] });
    expect(existsSync(`${root}.download`)).toBe(false);
    expect(leftovers(join(work, 'ok'))).toEqual([]);
    expect(await installDataset(options(root, ped2Source(url)))).toBe('present'); // a rerun does no work
    expect(requestsFor(url)).toHaveLength(1);
  });

  it('resumes with a Range request after the connection drops mid-body', async () => {
    const root = join(work, 'drop', 'ped2');
    const cut = Math.floor(archive.length / 3);
    const url = serveArchive('drop-first', archive, cut);
    expect(await installDataset(options(root, ped2Source(url)))).toBe('installed');
    const requests = requestsFor(url);
    expect(requests).toHaveLength(2);
    expect(requests[0]?.range).toBeUndefined();
    expect(requests[1]?.range).toBe(`bytes=${cut}-`);
    expect(logs.some((l) => /connection lost after|connection closed after/.test(l) && /resuming \(attempt 2 of 6\)/.test(l))).toBe(true);
  });

  it('resumes a stalled connection after the idle timeout', async () => {
    const root = join(work, 'stall', 'ped2');
    const url = serveArchive('stall-first', archive, 1000);
    expect(await installDataset(options(root, ped2Source(url), { idleTimeoutMs: 300 }))).toBe('installed');
    expect(requestsFor(url).map((r) => r.range)).toEqual([undefined, 'bytes=1000-']);
  });

  it('resumes the .part left by an interrupted run, and restarts it when the server ignores Range', async () => {
    const resumed = join(work, 'resume', 'ped2');
    const half = Math.floor(archive.length / 2);
    mkdirSync(`${resumed}.download`, { recursive: true });
    writeFileSync(`${resumed}.download/UCSD_Anomaly_Dataset.tar.gz.part`, archive.subarray(0, half));
    const url = serveArchive('normal');
    expect(await installDataset(options(resumed, ped2Source(url)))).toBe('installed');
    expect(requestsFor(url).map((r) => r.range)).toEqual([`bytes=${half}-`]);

    const ignored = join(work, 'ignore', 'ped2');
    mkdirSync(`${ignored}.download`, { recursive: true });
    writeFileSync(`${ignored}.download/UCSD_Anomaly_Dataset.tar.gz.part`, Buffer.alloc(half, 7)); // garbage that must not stay
    const plain = serveArchive('ignore-range');
    expect(await installDataset(options(ignored, ped2Source(plain)))).toBe('installed');
    expect(requestsFor(plain).map((r) => r.range)).toEqual([`bytes=${half}-`]);
    expect(logs).toContain(`${plain}: the server ignored the Range request; downloading from the start`);
    expect(readdirSync(join(ignored, 'Test', 'Test002'))).toHaveLength(8);
  });

  it('detects a corrupt archive in the downloads folder and fetches it again', async () => {
    const root = join(work, 'corrupt', 'ped2');
    mkdirSync(`${root}.download`, { recursive: true });
    writeFileSync(`${root}.download/UCSD_Anomaly_Dataset.tar.gz`, archive.subarray(0, archive.length - 10));
    const url = serveArchive('normal');
    expect(await installDataset(options(root, ped2Source(url)))).toBe('installed');
    expect(logs.some((l) => /is not the published .* \(corrupt archive\); fetching it again/.test(l))).toBe(true);
    expect(requestsFor(url)).toHaveLength(1);
  });

  it('rejects a wrong checksum after fetching twice, leaving nothing behind', async () => {
    const root = join(work, 'checksum', 'ped2');
    const url = serveArchive('normal');
    const message = (await failure(installDataset(options(root, ped2Source(url, '0'.repeat(64)))))).message;
    expect(message).toBe(`vad data download ped2: ${url} must have SHA-256 ${'0'.repeat(64)}, but two downloads gave ${sha256(archive)} (the file on the server is not the published archive)`);
    expect(requestsFor(url)).toHaveLength(2);
    expect(existsSync(root)).toBe(false);
    expect(readdirSync(`${root}.download`)).toEqual([]);
  });

  it('reports a 404 as one line', async () => {
    const root = join(work, 'missing', 'ped2');
    const url = server.url('/nowhere/UCSD_Anomaly_Dataset.tar.gz');
    expect((await failure(installDataset(options(root, ped2Source(url))))).message).toBe(`vad data download ped2: GET ${url} must answer 200 or 206, but got 404 Not Found`);
    expect(existsSync(root)).toBe(false);
  });

  it('refuses a download that cannot fit on the disk before writing it', async () => {
    const root = join(work, 'full', 'ped2');
    const url = serveArchive('huge');
    const message = (await failure(installDataset(options(root, ped2Source(url))))).message;
    expect(message).toMatch(new RegExp(`^vad data download ped2: .*full.* must have 1000\\.0 TB free for the rest of ${url.replace(/[.?]/g, '\\$&')}, but has .* \\(disk full\\)$`));
  });

  it('reports a root whose parent is a file as not writable', async () => {
    writeFileSync(join(work, 'a-file'), 'x');
    const message = (await failure(installDataset(options(join(work, 'a-file', 'ped2'), ped2Source(serveArchive('normal')))))).message;
    expect(message).toBe(`vad data download ped2: ${join(work, 'a-file')} must be writable, but a file is in the way where a folder is needed (EEXIST)`);
  });

  it('never replaces a folder holding other things, and keeps the old dataset when a forced install fails', async () => {
    const root = join(work, 'occupied', 'ped2');
    mkdirSync(root, { recursive: true });
    writeFileSync(join(root, 'notes.txt'), 'mine');
    const url = serveArchive('normal');
    expect((await failure(installDataset(options(root, ped2Source(url))))).message).toMatch(/must be empty, absent or hold the dataset, but it holds 1 entries without Train, Test, Test\/UCSDped2\.m; .*--force/);
    const broken = Buffer.concat([archive.subarray(0, archive.length / 2)]); // a truncated gzip, published as is
    const truncated = serveArchive('normal', broken);
    const message = (await failure(installDataset(options(root, ped2Source(truncated, sha256(broken)), { force: true })))).message;
    expect(message).toMatch(/UCSD_Anomaly_Dataset\.tar\.gz must be a readable archive, but extracting it failed/);
    expect(readFileSync(join(root, 'notes.txt'), 'utf8')).toBe('mine');
    expect(leftovers(join(work, 'occupied'))).toEqual([]);
    expect(await installDataset(options(root, ped2Source(url), { force: true }))).toBe('installed');
    expect(existsSync(join(root, 'notes.txt'))).toBe(false);
    expect(leftovers(join(work, 'occupied'))).toEqual([]);
  });

  it('prints the manual step, then verifies and installs the archive put where it says', async () => {
    const root = join(work, 'manual', 'ped2');
    const source = { ...ped2Source(null), manual: ['Download it from {homepage}.', 'Put it at {archive}.'] };
    const archivePath = join(`${root}.download`, 'UCSD_Anomaly_Dataset.tar.gz');
    expect((await failure(installDataset(options(root, source)))).message).toBe(
      `vad data download ped2: UCSD Ped2 (test) needs a manual download step:\n  1. Download it from http://127.0.0.1/.\n  2. Put it at ${archivePath}.`,
    );
    writeFileSync(archivePath, Buffer.concat([archive, Buffer.from('x')]));
    expect((await failure(installDataset(options(root, source)))).message).toMatch(/must have SHA-256 .* \(the published archive\), but has .*--skip-checksum/);
    expect(existsSync(archivePath)).toBe(true); // a file the user downloaded by hand is never deleted
    writeFileSync(archivePath, archive);
    expect(await installDataset(options(root, source))).toBe('installed');
  });

  it('extracts zip archives (yauzl) by the same rules', async () => {
    const zipOf = async (files: Record<string, string>): Promise<Buffer> => {
      const zip = new yazl.ZipFile();
      for (const [name, text] of Object.entries(files)) zip.addBuffer(Buffer.from(text), name);
      zip.end();
      const chunks: Buffer[] = [];
      for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
      return Buffer.concat(chunks);
    };
    const videos = await zipOf({ 'Avenue Dataset/training_videos/01.avi': 'a', 'Avenue Dataset/testing_videos/01.avi': 'b', 'Avenue Dataset/training_vol/vol01.mat': 'c' });
    const labels = await zipOf({ 'ground_truth_demo/testing_label_mask/1_label.mat': 'd', 'ground_truth_demo/Readme.txt': 'e' });
    server.routes.set('/zip/Avenue_Dataset.zip', { body: videos });
    server.routes.set('/zip/ground_truth_demo.zip', { body: labels });
    const source: DatasetSource = {
      ...ped2Source(null),
      archives: [
        { file: 'Avenue_Dataset.zip', url: server.url('/zip/Avenue_Dataset.zip'), mirrors: {}, sha256: sha256(videos), extract: [{ from: 'Avenue Dataset/', to: '' }] },
        { file: 'ground_truth_demo.zip', url: server.url('/zip/ground_truth_demo.zip'), mirrors: {}, sha256: sha256(labels), extract: [{ from: 'ground_truth_demo/', to: 'ground_truth_demo/' }] },
      ],
      layout: ['training_videos', 'testing_videos', 'ground_truth_demo/testing_label_mask'],
    };
    const root = join(work, 'zip', 'avenue');
    expect(await installDataset({ ...options(root, source), dataset: 'avenue' })).toBe('installed');
    expect(readFileSync(join(root, 'testing_videos', '01.avi'), 'utf8')).toBe('b');
    expect(readFileSync(join(root, 'ground_truth_demo', 'testing_label_mask', '1_label.mat'), 'utf8')).toBe('d');
  });
});
