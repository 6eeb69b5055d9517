import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { UserError } from '@vad/core';
import { writeFileAtomic, writeJsonAtomic } from '@vad/data';
import { checkOutputDir } from '../io/output-path';
import { experimentFiles } from '../runner/trial-files';
import { collectTrials } from './collect';
import { comparisonTable, type ComparisonTable } from './comparison-table';
import { reportHtml } from './report-html';
import { writeReportPlots } from './report-plots';
import { kindTableMarkdown, tableCsv, tableMarkdown, tableText } from './render-table';

const kindNote =
  'AUC per anomaly kind: the frames showing that kind against all normal frames (frames of other kinds left out), mean ± std over seeds, DeLong p against the baseline row (seed-matched); the header gives the events and frames of each kind.';

/** What `vad report` produced. */
export interface ReportResult {
  readonly dir: string;
  readonly table: ComparisonTable;
  /** The table as aligned text (printed at the end of `vad run`). */
  readonly text: string;
  readonly files: readonly string[];
}

/**
 * Writes `<experiment>/report/`: table.md, table.csv, table.json, plots (SVG + PNG) and a
 * self-contained report.html, from the finished trials of an experiment folder.
 *
 * @throws UserError when the folder holds no finished trial.
 */
export async function writeReport(experimentDir: string, options: { plots?: boolean } = {}): Promise<ReportResult> {
  if (statSync(experimentDir, { throwIfNoEntry: false })?.isDirectory() !== true) {
    throw new UserError(`vad report: ${experimentDir} must be an experiment folder written by vad run, but it ${existsSync(experimentDir) ? 'is a file' : 'does not exist'}`);
  }
  checkOutputDir(join(experimentDir, experimentFiles.report), 'vad report: <dir>/report');
  const { experiment, trials, pending } = collectTrials(experimentDir);
  if (trials.length === 0) {
    throw new UserError(`vad report: ${experimentDir} must contain finished trials (folders with ${'done.json'}), but got none${pending.length > 0 ? ` (unfinished: ${pending.join(', ')})` : ''}`);
  }
  const settings = experiment?.report ?? trials[0]?.config.report;
  const table = comparisonTable(trials, { baseline: settings?.baseline ?? null, published: settings?.published ?? true, level: settings?.confidence ?? 0.95, summary: settings?.summary ?? 'none' });
  const dir = join(experimentDir, experimentFiles.report);
  const markdown = tableMarkdown(table);
  const kindMarkdown = kindTableMarkdown(table);
  const files = [join(dir, 'table.md'), join(dir, 'table.csv'), join(dir, 'table.json')];
  writeFileAtomic(files[0] as string, kindMarkdown === '' ? markdown : `${markdown}\n${kindNote}\n\n${kindMarkdown}`);
  writeFileAtomic(files[1] as string, tableCsv(table));
  writeJsonAtomic(files[2] as string, table);
  const notes = [
    `AUC in %; CI = ${Math.round(100 * (settings?.confidence ?? 0.95))}% interval (bootstrap over videos for one seed, Student-t over seeds otherwise); DeLong p against the baseline row, seed-matched.`,
    ...(kindMarkdown === '' ? [] : [kindNote]),
    ...(pending.length > 0 ? [`Unfinished trials (not in the table): ${pending.join(', ')}`] : []),
  ];
  if ((options.plots ?? settings?.plots ?? true) === true) {
    const figures = await writeReportPlots(trials, join(dir, 'plots'), settings?.timelineVideos ?? 4);
    const html = join(dir, 'report.html');
    writeFileAtomic(html, reportHtml(`VAD report — ${experiment?.name ?? experimentDir}`, markdown, notes, figures, kindMarkdown));
    files.push(html);
  }
  return { dir, table, text: tableText(table), files };
}
