import type { ComparisonRow, ComparisonTable, GroupStat } from './comparison-table';
import type { KindStat } from './kind-columns';

const pct = (x: number): string => (100 * x).toFixed(2);

function statText(s: GroupStat | null): string {
  if (s === null) return '–';
  return s.std === null ? pct(s.mean) : `${pct(s.mean)} ± ${pct(s.std)}`;
}

function intervalText(s: GroupStat | null): string {
  if (s === null || s.lower === null || s.upper === null) return '–';
  return `[${pct(s.lower)}, ${pct(s.upper)}]${s.interval === 'seeds' ? ' (seeds)' : ''}`;
}

function pText(p: number | null): string {
  if (p === null) return '–';
  return p < 1e-4 ? p.toExponential(1) : p.toFixed(4);
}

/** The columns shared by every rendering. */
function cells(row: ComparisonRow, baseline: string | null): string[] {
  return [
    row.kind === 'ours' && row.label === baseline ? `${row.label} (baseline)` : row.label,
    row.seeds.length === 0 ? '–' : String(row.seeds.length),
    statText(row.aucMicro),
    intervalText(row.aucMicro),
    statText(row.aucMacro),
    pText(row.pValue),
    row.finalSigma === null ? '–' : row.finalSigma.toFixed(3),
    row.trainSeconds === null ? '–' : row.trainSeconds.toFixed(1),
    row.kind === 'ours' ? row.protocol : `${row.protocol} — ${row.source}`,
  ];
}

const header = ['trial group', 'seeds', 'AUC micro %', 'CI micro', 'AUC macro %', 'DeLong p', 'final σ', 'train s', 'protocol'];

/**
 * The table as GitHub Markdown (published rows after ours, marked in the label).
 *
 * @example
 * tableMarkdown(table).split('\n')[0]; // => '| trial group | seeds | AUC micro % | …'
 */
export function tableMarkdown(table: ComparisonTable): string {
  const lines = [`| ${header.join(' | ')} |`, `|${header.map(() => '---').join('|')}|`];
  for (const row of table.rows) lines.push(`| ${cells(row, table.baseline).map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`);
  return `${lines.join('\n')}\n`;
}

function kindCell(stat: KindStat | undefined): string {
  if (stat === undefined) return '–';
  const value = stat.std === null ? pct(stat.mean) : `${pct(stat.mean)} ± ${pct(stat.std)}`;
  return stat.pValue === null ? value : `${value} (p ${pText(stat.pValue)})`;
}

/** The per-kind table: one row per trial group, one column per anomaly kind; null without kinds. */
function kindRows(table: ComparisonTable): string[][] | null {
  if (table.kinds.length === 0) return null;
  const ours = table.rows.filter((row) => row.kind === 'ours' && row.perKind.length > 0);
  const first = ours[0]?.perKind ?? [];
  const head = ['trial group', ...table.kinds.map((kind) => {
    const stat = first.find((k) => k.kind === kind);
    return stat === undefined ? `${kind} %` : `${kind} % (${stat.segments} ev, ${stat.frames} fr)`;
  })];
  const body = ours.map((row) => [row.label === table.baseline ? `${row.label} (baseline)` : row.label, ...table.kinds.map((kind) => kindCell(row.perKind.find((k) => k.kind === kind)))]);
  return [head, ...body];
}

/**
 * The per-kind AUC table as Markdown (each kind's frames against all normal frames, mean ± std over
 * seeds, DeLong p against the baseline); '' when no trial has anomaly kinds.
 *
 * @example
 * kindTableMarkdown(table).split('\n')[0]; // => '| trial group | running % (6 ev, 212 fr) | vehicle % (6 ev, 301 fr) |'
 */
export function kindTableMarkdown(table: ComparisonTable): string {
  const rows = kindRows(table);
  if (rows === null) return '';
  const [head = [], ...body] = rows;
  const lines = [`| ${head.join(' | ')} |`, `|${head.map(() => '---').join('|')}|`, ...body.map((r) => `| ${r.map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`)];
  return `${lines.join('\n')}\n`;
}

function aligned(rows: readonly (readonly string[])[]): string {
  const widths = rows[0]?.map((_, c) => Math.max(...rows.map((r) => (r[c] ?? '').length))) ?? [];
  const line = (r: readonly string[]): string => r.map((cell, c) => cell.padEnd(widths[c] ?? 0)).join('  ').trimEnd();
  return `${[line(rows[0] ?? []), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.slice(1).map(line)].join('\n')}\n`;
}

/** Plain aligned text for the terminal (the end of `vad run`), followed by the per-kind table when there is one. */
export function tableText(table: ComparisonTable): string {
  const main = aligned([header, ...table.rows.map((row) => cells(row, table.baseline))].map((r) => r.slice(0, 8)));
  const kinds = kindRows(table);
  return kinds === null ? main : `${main}\nAUC % per anomaly kind (its frames vs all normal frames):\n${aligned(kinds)}`;
}

function csvCell(value: string | number | null): string {
  if (value === null) return '';
  const text = String(value);
  return /[",\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** CSV with raw fractions (not percent) for further analysis; per-kind columns `auc:<kind>`, `auc:<kind>:std`, `p:<kind>` at the end. */
export function tableCsv(table: ComparisonTable): string {
  const kindHead = table.kinds.flatMap((kind) => [`auc:${kind}`, `auc:${kind}:std`, `p:${kind}`]);
  const head = ['kind', 'label', 'group', 'seeds', 'aucMicro', 'aucMicroStd', 'aucMicroLower', 'aucMicroUpper', 'interval', 'aucMacro', 'aucMacroStd', 'pValue', 'finalSigma', 'trainSeconds', 'protocol', 'source', ...kindHead];
  const lines = table.rows.map((r) =>
    [
      ...[r.kind, r.label, r.group, r.seeds.join(' '), r.aucMicro.mean, r.aucMicro.std, r.aucMicro.lower, r.aucMicro.upper, r.aucMicro.interval, r.aucMacro?.mean ?? null, r.aucMacro?.std ?? null, r.pValue, r.finalSigma, r.trainSeconds, r.protocol, r.source],
      ...table.kinds.flatMap((kind) => {
        const stat = r.perKind.find((k) => k.kind === kind);
        return [stat?.mean ?? null, stat?.std ?? null, stat?.pValue ?? null];
      }),
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[head.join(','), ...lines].join('\n')}\n`;
}
