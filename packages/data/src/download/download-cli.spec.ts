// `vad data download` end to end through the CLI: local server, real archives, then `vad data check`.
import { spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import yazl from 'yazl';
import { startArchiveServer, type ArchiveServer } from './fixtures/archive-server';
import { buildUcsdArchive } from './fixtures/ucsd-archive';
import { loadSources } from './sources';

const repoRoot = fileURLToPath(new URL('../../../../', import.meta.url));
const vadBin = join(repoRoot, 'packages', 'experiments', 'bin', 'vad.js');
const sample = resolve(process.env['VAD_SHARED'] ?? resolve(repoRoot, '../shared'), 'datasets/avenue-sample');
const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');
let work = '';
let server: ArchiveServer;

function vad(args: readonly string[]): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((done) => {
    const child = spawn(process.execPath, [vadBin, ...args], { cwd: work, env: { ...process.env, VAD_CACHE_DIR: join(work, 'cache') } });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => done({ code, stdout, stderr }));
  });
}

/** A URL table like the shipped one, with `dataset`'s archives served by the local server. */
function sourcesFile(dataset: string, archives: ReadonlyArray<{ path: string; body: Buffer }>): string {
  const shipped = loadSources();
  const entry = shipped.datasets[dataset]!;
  const local = { ...entry, archives: entry.archives.map((a, i) => ({ ...a, url: server.url(archives[i]!.path), sha256: sha256(archives[i]!.body) })) };
  archives.forEach(({ path, body }) => server.routes.set(path, { body }));
  const file = join(work, `${dataset}-sources.json`);
  writeFileSync(file, JSON.stringify({ datasets: { [dataset]: local } }));
  return file;
}

beforeAll(async () => {
  work = mkdtempSync(join(tmpdir(), 'vad-download-cli-'));
  server = await startArchiveServer();
}, 60_000);

afterAll(async () => {
  await server.close();
  rmSync(work, { recursive: true, force: true });
});

describe('vad data download', () => {
  it('fetches UCSD Ped2 with a progress bar, installs it and prints the check summary', { timeout: 120_000 }, async () => {
    const body = await buildUcsdArchive(join(work, 'src'));
    const sources = sourcesFile('ped2', [{ path: '/ucsd/UCSD_Anomaly_Dataset.tar.gz', body }]);
    const root = join(work, 'data', 'ped2');
    const result = await vad(['data', 'download', 'ped2', '--root', root, '--sources', sources, '--json', '--sheet', join(work, 'sheet.png')]);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(new RegExp(`UCSD_Anomaly_Dataset\\.tar\\.gz  ${(body.length / 1000).toFixed(1)} kB / ${(body.length / 1000).toFixed(1)} kB  100\\.0%`));
    expect(result.stderr).toMatch(/ped2: installed in .*data\/ped2\n/);
    const summary = JSON.parse(result.stdout) as { dataset: string; partial: boolean; train: unknown; test: unknown; width: number; height: number };
    expect(summary).toMatchObject({ dataset: 'ped2', partial: true, width: 24, height: 16, train: { videos: 1, frames: 8 }, test: { videos: 2, frames: 16, anomalousFrames: 7 } });
    expect(existsSync(join(work, 'sheet.png'))).toBe(true);
    expect(readdirSync(join(work, 'data')).sort()).toEqual(['ped2']); // no archive folder, no staging folder
    const again = await vad(['data', 'download', 'ped2', '--root', root, '--sources', sources, '--no-check']);
    expect(again.code).toBe(0);
    expect(again.stderr).toMatch(/ped2: already present in /);
  });

  it('gives an unknown dataset and a missing --root one line each, exit 2', { timeout: 60_000 }, async () => {
    const unknown = await vad(['data', 'download', 'ped3', '--root', join(work, 'x')]);
    expect(unknown.code).toBe(2);
    expect(unknown.stderr).toMatch(/^vad data download: <dataset> must be one of ped1, ped2, avenue, shanghaitech, but got "ped3"/);
    const noRoot = await vad(['data', 'download', 'ped2']);
    expect(noRoot.code).toBe(2);
    expect(noRoot.stderr).toMatch(/^vad data download: --root must be given, but it is missing\nusage: vad data download <dataset>/);
  });

  it.skipIf(!existsSync(sample))('installs the genuine CUHK Avenue files from the two official zip layouts and checks them', { timeout: 180_000 }, async () => {
    const zipDir = async (prefix: string, files: readonly string[]): Promise<Buffer> => {
      const zip = new yazl.ZipFile();
      for (const file of files) zip.addFile(join(sample, file), file);
      zip.end();
      const chunks: Buffer[] = [];
      for await (const chunk of zip.outputStream) chunks.push(chunk as Buffer);
      expect(files.every((f) => f.startsWith(prefix))).toBe(true);
      return Buffer.concat(chunks);
    };
    const list = (dir: string): string[] => readdirSync(join(sample, dir), { recursive: true, withFileTypes: true }).filter((d) => d.isFile()).map((d) => relative(sample, join(d.parentPath, d.name)));
    const videos = await zipDir('Avenue Dataset/', list('Avenue Dataset'));
    const labels = await zipDir('ground_truth_demo/', list('ground_truth_demo'));
    const sources = sourcesFile('avenue', [
      { path: '/cuhk/Avenue_Dataset.zip', body: videos },
      { path: '/cuhk/ground_truth_demo.zip', body: labels },
    ]);
    const root = join(work, 'data', 'avenue');
    const result = await vad(['data', 'download', 'avenue', '--root', root, '--sources', sources, '--json', '--sheet', join(work, 'avenue.png')]);
    expect(result.code, result.stderr).toBe(0);
    const summary = JSON.parse(result.stdout) as Record<string, unknown>;
    expect(summary).toMatchObject({ dataset: 'avenue', partial: true, width: 640, height: 360, train: { videos: 2, frames: 389 }, test: { videos: 2, frames: 112, anomalousFrames: 89 } });
    expect(readFileSync(join(root, 'ground_truth_demo', 'Readme.txt'), 'utf8')).toMatch(/ground_truth_show/);
  });
});
