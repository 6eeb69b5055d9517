import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { lineChart, rocChart, thin, timelineChart } from './charts';
import { heatColor } from './heat-colors';
import { imageGridPng, panelRgb } from './image-grid';
import { renderChart } from './render-chart';

const pngSignature = [0x89, 0x50, 0x4e, 0x47];

describe('charts', () => {
  it('renders vega-lite to SVG and PNG headless', async () => {
    const chart = await renderChart(lineChart('σ over training', 'step', 'σ', [{ name: 'learned', points: [[0, 0.5], [1, 0.52], [2, 0.49]] }]));
    expect(chart.svg.startsWith('<svg')).toBe(true);
    expect(chart.svg).toContain('σ over training');
    expect(chart.svg).toContain('learned');
    expect([...chart.png.slice(0, 4)]).toEqual(pngSignature);
    const { width } = await sharp(chart.png).metadata();
    expect(width).toBeGreaterThan(800); // 2× zoom of a 420-px plot plus axes
  });

  it('shades ground-truth spans in timelines and keeps ROC on the unit square', () => {
    const frames = [0, 1, 2, 3, 4, 5].map((frame) => ({ frame, score: frame / 10, label: frame === 2 || frame === 3 || frame === 5 ? 1 : 0 }));
    const spec = timelineChart('v', frames) as { layer: Array<{ data: { values: unknown[] } }> };
    expect(spec.layer[0]?.data.values).toEqual([{ start: 1.5, end: 3.5 }, { start: 4.5, end: 5.5 }]);
    const roc = rocChart('roc', [{ name: 'a', points: [[0, 0], [1, 1]] }]) as { layer: Array<{ encoding: { x: { scale?: { domain: number[] } } } }> };
    expect(roc.layer[1]?.encoding.x.scale?.domain).toEqual([0, 1]);
    expect(thin([0, 1, 2, 3, 4, 5, 6, 7, 8], 3)).toEqual([0, 4, 8]);
  });
});

describe('image panels', () => {
  it('maps heat values through the colour ramp and composes a titled grid', async () => {
    expect(heatColor(0)).toEqual([0, 0, 4]);
    expect(heatColor(1)).toEqual([252, 255, 164]);
    expect(heatColor(0.5)).toEqual([186, 57, 83]); // halfway between anchors 3 and 4
    const gray = { kind: 'image' as const, height: 2, width: 2, channels: 1, data: Float32Array.of(0, 0.5, 1, 2) };
    expect([...panelRgb(gray)]).toEqual([0, 0, 0, 128, 128, 128, 255, 255, 255, 255, 255, 255]);
    const heat = { kind: 'heat' as const, height: 2, width: 2, channels: 1, data: Float32Array.of(0, 1, 2, 4), max: 4 };
    const png = await imageGridPng([[gray, heat]], ['X_t', '‖X_t − f(X)‖']);
    const meta = await sharp(png).metadata();
    expect([meta.width, meta.height]).toEqual([2 * (128 + 6) + 6, 34 + 128 + 12]); // 2 panels of 128 px, gaps, title band
  });
});
