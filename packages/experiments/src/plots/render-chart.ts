import { Resvg } from '@resvg/resvg-js';
import * as vega from 'vega';
import { compile, type TopLevelSpec } from 'vega-lite';
import { writeFileAtomic } from '@vad/data';

/** A vega-lite spec as plain data (what the chart builders return). */
export type ChartSpec = Record<string, unknown>;

/** A rendered chart: SVG text and the same picture as PNG bytes (2× zoom). */
export interface RenderedChart {
  readonly svg: string;
  readonly png: Uint8Array;
}

const theme = {
  font: 'DejaVu Sans',
  background: 'white',
  view: { stroke: null },
  axis: { labelFontSize: 11, titleFontSize: 12 },
  legend: { labelFontSize: 11, titleFontSize: 12, labelLimit: 320 },
};

/**
 * Renders a vega-lite spec headless: vega-lite → vega → `View.toSVG()` (no canvas needed), then
 * resvg turns the SVG into a PNG. Deterministic for a given spec.
 *
 * @example
 * const { svg, png } = await renderChart({ mark: 'line', data: { values: [{ x: 0, y: 1 }] },
 *   encoding: { x: { field: 'x', type: 'quantitative' }, y: { field: 'y', type: 'quantitative' } } });
 * svg.startsWith('<svg'); // => true
 */
export async function renderChart(spec: ChartSpec): Promise<RenderedChart> {
  const full = { $schema: 'https://vega.github.io/schema/vega-lite/v6.json', config: theme, ...spec } as unknown as TopLevelSpec;
  const view = new vega.View(vega.parse(compile(full).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    const png = new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } })
      .render()
      .asPng();
    return { svg, png: new Uint8Array(png) };
  } finally {
    view.finalize();
  }
}

/** Renders `spec` and writes `<base>.svg` and `<base>.png` atomically; returns the chart. */
export async function writeChart(base: string, spec: ChartSpec): Promise<RenderedChart> {
  const chart = await renderChart(spec);
  writeFileAtomic(`${base}.svg`, chart.svg);
  writeFileAtomic(`${base}.png`, chart.png);
  return chart;
}
