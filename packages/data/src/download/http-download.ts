import { createHash } from 'node:crypto';
import { createReadStream, createWriteStream } from 'node:fs';
import { rename, rm, stat, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import { Readable, Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { setTimeout as sleep } from 'node:timers/promises';
import { UserError } from '@vad/core';
import { ensureSpace, fsError } from './fs-errors';
import type { ProgressSink } from './progress';

/** How to fetch one archive. */
export interface DownloadOptions {
  readonly url: string;
  /** Final path; the partial download is `<dest>.part` beside it. */
  readonly dest: string;
  /** Expected SHA-256 (lowercase hex); null skips the verification. */
  readonly sha256: string | null;
  /** Prefix of error messages, e.g. `vad data download ped2`. */
  readonly where: string;
  readonly progress?: ProgressSink;
  readonly log?: (line: string) => void;
  /** Connection failures resumed (with Range) before giving up; default 5. */
  readonly retries?: number;
  /** First wait before a retry, doubled each time; default 1000 ms. */
  readonly retryDelayMs?: number;
  /** A connection that sends nothing for this long is dropped and resumed; default 60 s. */
  readonly idleTimeoutMs?: number;
}

async function sizeOf(path: string): Promise<number | null> {
  return stat(path).then(
    (s) => s.size,
    () => null,
  );
}

/** SHA-256 (hex) of a file, streamed. */
export async function sha256File(path: string): Promise<string> {
  const hash = createHash('sha256');
  await pipeline(createReadStream(path), hash);
  return hash.digest('hex');
}

/** A failure worth resuming: the network, a stalled or cut connection, a 5xx answer. */
class Transient extends Error {}

/** Total size from `Content-Range: bytes a-b/N` (or `bytes * /N`), else null. */
function rangeTotal(header: string | null): { start: number | null; total: number | null } {
  const match = /^bytes (?:(\d+)-\d+|\*)\/(\d+|\*)$/.exec(header ?? '');
  return { start: match?.[1] === undefined ? null : Number(match[1]), total: match?.[2] === undefined || match[2] === '*' ? null : Number(match[2]) };
}

/** One request: resumes `part` from its size (Range), or restarts it when the server ignores Range. */
async function fetchOnce(options: DownloadOptions, part: string): Promise<void> {
  const have = (await sizeOf(part)) ?? 0;
  const controller = new AbortController();
  const idleMs = options.idleTimeoutMs ?? 60_000;
  let timer = setTimeout(() => controller.abort(), idleMs);
  const headers: Record<string, string> = { 'accept-encoding': 'identity', ...(have > 0 ? { range: `bytes=${have}-` } : {}) };
  let response: Response;
  try {
    response = await fetch(options.url, { headers, signal: controller.signal, redirect: 'follow' });
  } catch (error) {
    clearTimeout(timer);
    throw new Transient(`${options.url}: ${(error as Error).cause instanceof Error ? ((error as Error).cause as Error).message : (error as Error).message}`);
  }
  const { start, total: rangeSize } = rangeTotal(response.headers.get('content-range'));
  if (response.status === 416 && have > 0) {
    clearTimeout(timer);
    await response.body?.cancel();
    if (rangeSize === have) return; // the partial file is already complete
    await truncate(part, 0); // bigger than the remote file: start over
    throw new Transient(`${options.url}: the partial download (${have} bytes) does not fit the remote file`);
  }
  if (response.status >= 500) {
    clearTimeout(timer);
    await response.body?.cancel();
    throw new Transient(`${options.url}: HTTP ${response.status} ${response.statusText}`);
  }
  if ((response.status !== 200 && response.status !== 206) || response.body === null) {
    clearTimeout(timer);
    await response.body?.cancel();
    throw new UserError(`${options.where}: GET ${options.url} must answer 200 or 206, but got ${response.status} ${response.statusText}`);
  }
  const resumed = response.status === 206 && start === have;
  if (have > 0 && !resumed) options.log?.(`${options.url}: the server ignored the Range request; downloading from the start`);
  const from = resumed ? have : 0;
  const length = Number(response.headers.get('content-length') ?? NaN);
  const total = resumed ? rangeSize : Number.isFinite(length) ? length : null;
  if (total !== null) await ensureSpace(dirname(part), total - from, `the rest of ${options.url}`, options.where);
  let bytes = from;
  const began = Date.now();
  const state = () => ({ label: options.dest.split(/[\\/]/).pop() ?? options.dest, bytes, total, sessionBytes: bytes - from, elapsedMs: Date.now() - began });
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      clearTimeout(timer);
      timer = setTimeout(() => controller.abort(), idleMs);
      bytes += chunk.length;
      options.progress?.update(state());
      callback(null, chunk);
    },
  });
  const sink = createWriteStream(part, { flags: resumed ? 'a' : 'w' });
  try {
    await pipeline(Readable.fromWeb(response.body as import('node:stream/web').ReadableStream<Uint8Array>), counter, sink);
  } catch (error) {
    const mapped = fsError(error, part, options.where);
    if (mapped !== error) throw mapped;
    throw new Transient(`${options.url}: connection lost after ${bytes} bytes (${(error as Error).message})`);
  } finally {
    clearTimeout(timer);
  }
  if (total !== null && bytes !== total) throw new Transient(`${options.url}: connection closed after ${bytes} of ${total} bytes`);
  options.progress?.done(state());
}

/** Fetches `<dest>.part` to completion, resuming after every transient failure. */
async function fetchPart(options: DownloadOptions, part: string): Promise<void> {
  const retries = options.retries ?? 5;
  for (let attempt = 0; ; attempt++) {
    try {
      await fetchOnce(options, part);
      return;
    } catch (error) {
      if (!(error instanceof Transient)) throw error;
      if (attempt >= retries) {
        const have = (await sizeOf(part)) ?? 0;
        throw new UserError(`${options.where}: the download of ${options.url} must complete, but it failed ${attempt + 1} times (last: ${error.message}); run the command again to resume from ${have} bytes`);
      }
      options.log?.(`${error.message}; resuming (attempt ${attempt + 2} of ${retries + 1})`);
      await sleep((options.retryDelayMs ?? 1000) * 2 ** attempt);
    }
  }
}

/**
 * Downloads `url` to `dest` with resume and verification: an existing `dest` is kept when its SHA-256
 * matches (and deleted and fetched again when not); a partial `<dest>.part` is resumed with an HTTP
 * Range request (restarted when the server ignores Range); a dropped or stalled connection is
 * resumed up to `retries` times; a finished file whose checksum is wrong is fetched once more from
 * scratch, then rejected. `dest` appears only complete and verified (rename of the .part).
 *
 * @throws UserError for HTTP errors (404 …), a checksum that stays wrong, a full or read-only disk,
 *   and a connection that keeps failing (the .part stays for the next run).
 * @example
 * await downloadArchive({ url, dest: '/data/ped2.download/UCSD_Anomaly_Dataset.tar.gz', sha256, where: 'vad data download ped2' });
 */
export async function downloadArchive(options: DownloadOptions): Promise<{ readonly fetched: boolean }> {
  const part = `${options.dest}.part`;
  if ((await sizeOf(options.dest)) !== null) {
    const hash = options.sha256 === null ? null : await sha256File(options.dest);
    if (hash === options.sha256) return { fetched: false };
    options.log?.(`${options.dest}: SHA-256 ${hash} is not the published ${options.sha256} (corrupt archive); fetching it again`);
    await rm(options.dest, { force: true });
  }
  for (let round = 0; ; round++) {
    await fetchPart(options, part);
    const hash = options.sha256 === null ? null : await sha256File(part);
    if (hash === options.sha256) {
      await rename(part, options.dest).catch((error: unknown) => {
        throw fsError(error, options.dest, options.where);
      });
      return { fetched: true };
    }
    await rm(part, { force: true });
    if (round >= 1) {
      throw new UserError(`${options.where}: ${options.url} must have SHA-256 ${options.sha256}, but two downloads gave ${hash} (the file on the server is not the published archive)`);
    }
    options.log?.(`${options.url}: SHA-256 ${hash} is not the published ${options.sha256}; downloading it again from scratch`);
  }
}
