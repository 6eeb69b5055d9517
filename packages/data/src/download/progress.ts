/** Where a download stands: bytes on disk, total when known, and the rate of this session. */
export interface ProgressState {
  readonly label: string;
  readonly bytes: number;
  readonly total: number | null;
  /** Bytes fetched in this session (a resumed download starts from its partial size). */
  readonly sessionBytes: number;
  readonly elapsedMs: number;
}

const units = ['B', 'kB', 'MB', 'GB', 'TB'] as const;

/** Decimal byte size: 999 → "999 B", 1_536_000 → "1.5 MB". */
export function formatBytes(bytes: number): string {
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return unit === 0 ? `${value} B` : `${value.toFixed(1)} ${units[unit]}`;
}

/** Seconds as "42s", "3m05s", "1h02m". */
export function formatDuration(seconds: number): string {
  const s = Math.max(0, Math.round(seconds));
  if (s < 60) return `${s}s`;
  if (s < 3600) return `${Math.floor(s / 60)}m${String(s % 60).padStart(2, '0')}s`;
  return `${Math.floor(s / 3600)}h${String(Math.floor((s % 3600) / 60)).padStart(2, '0')}m`;
}

/**
 * One progress line: label, bytes (of total), percentage, rate and ETA (rate and ETA once a second
 * of this session has passed).
 *
 * @example
 * progressLine({ label: 'a.tar.gz', bytes: 50e6, total: 200e6, sessionBytes: 20e6, elapsedMs: 4000 });
 * // => 'a.tar.gz  50.0 MB / 200.0 MB  25.0%  5.0 MB/s  ETA 30s'
 */
export function progressLine(state: ProgressState): string {
  const parts = [state.label, state.total === null ? formatBytes(state.bytes) : `${formatBytes(state.bytes)} / ${formatBytes(state.total)}`];
  if (state.total !== null && state.total > 0) parts.push(`${((100 * state.bytes) / state.total).toFixed(1)}%`);
  if (state.elapsedMs >= 1000) {
    const rate = state.sessionBytes / (state.elapsedMs / 1000);
    parts.push(`${formatBytes(rate)}/s`);
    if (state.total !== null && rate > 0) parts.push(`ETA ${formatDuration((state.total - state.bytes) / rate)}`);
  }
  return parts.join('  ');
}

/** Receives progress updates; `done` ends the line. */
export interface ProgressSink {
  update(state: ProgressState): void;
  done(state: ProgressState): void;
}

/**
 * A progress bar on `stream`: on a terminal the line is redrawn in place (at most 10 times a second);
 * elsewhere (CI logs, files) a line is written every 10 % (or every 30 s when the total is unknown).
 *
 * @example
 * const sink = createProgressSink(process.stderr);
 * sink.update(state); … sink.done(state);
 */
export function createProgressSink(stream: NodeJS.WritableStream & { isTTY?: boolean }, now: () => number = Date.now): ProgressSink {
  let lastDraw = Number.NEGATIVE_INFINITY;
  let lastStep = -1;
  return {
    update(state) {
      const t = now();
      if (stream.isTTY === true) {
        if (t - lastDraw < 100) return;
        lastDraw = t;
        stream.write(`\r${progressLine(state)}\u001b[K`);
        return;
      }
      const step = state.total !== null && state.total > 0 ? Math.floor((10 * state.bytes) / state.total) : Math.floor(state.elapsedMs / 30_000);
      if (step === lastStep) return;
      lastStep = step;
      stream.write(`${progressLine(state)}\n`);
    },
    done(state) {
      stream.write(stream.isTTY === true ? `\r${progressLine(state)}\u001b[K\n` : `${progressLine(state)}\n`);
    },
  };
}
