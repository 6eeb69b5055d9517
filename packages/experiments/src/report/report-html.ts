import type { ReportFigure } from './report-plots';

function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function markdownTableToHtml(markdown: string): string {
  const lines = markdown.trim().split('\n').filter((line) => !/^\|(-+\|)+$/.test(line));
  const cells = (line: string): string[] => line.replace(/^\||\|$/g, '').split(/(?<!\\)\|/).map((c) => escapeHtml(c.trim().replace(/\\\|/g, '|')));
  const [head, ...body] = lines;
  return [
    '<table>',
    `<thead><tr>${cells(head ?? '').map((c) => `<th>${c}</th>`).join('')}</tr></thead>`,
    `<tbody>${body.map((line) => `<tr>${cells(line).map((c) => `<td>${c}</td>`).join('')}</tr>`).join('')}</tbody>`,
    '</table>',
  ].join('');
}

/**
 * One self-contained HTML page: the comparison table, the per-kind AUC table (when given), every SVG
 * plot inline and PNG figures as data URIs, so the file can be mailed or opened offline.
 */
export function reportHtml(title: string, tableMarkdown: string, notes: readonly string[], figures: readonly ReportFigure[], kindMarkdown = ''): string {
  const body = figures
    .map((f) => {
      const picture = f.svg !== null ? f.svg.replace(/^<\?xml[^>]*>/, '') : `<img alt="${escapeHtml(f.title)}" src="data:image/png;base64,${Buffer.from(f.png).toString('base64')}">`;
      return `<figure>${picture}<figcaption>${escapeHtml(f.title)}</figcaption></figure>`;
    })
    .join('\n');
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
body{font-family:'DejaVu Sans',Arial,sans-serif;margin:2em;color:#222;max-width:1200px}
table{border-collapse:collapse;font-size:13px}th,td{border:1px solid #ccc;padding:4px 8px;text-align:left}th{background:#f3f3f3}
figure{display:inline-block;margin:1em;vertical-align:top}figcaption{font-size:12px;color:#555;max-width:520px}
img{max-width:100%}
</style></head><body>
<h1>${escapeHtml(title)}</h1>
${markdownTableToHtml(tableMarkdown)}
${kindMarkdown === '' ? '' : `<h2>AUC per anomaly kind</h2>\n${markdownTableToHtml(kindMarkdown)}`}
${notes.map((n) => `<p>${escapeHtml(n)}</p>`).join('\n')}
${body}
</body></html>
`;
}
