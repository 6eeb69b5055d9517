import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { lineChart, rocChart, thin, timelineChart } from './charts';
import { heatColor } from './heat-colors';
import { imageGridPng, panelRgb } from './image-grid';
import { overlayPng } from './overlay';
import { rawPixels } from './raw-pixels';
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
    // read back by content: each 64 px cell of a panel shows its pixel (nearest upscaling)
    const { data, info } = await sharp(png).removeAlpha().raw().toBuffer({ resolveWithObject: true });
    const at = (x: number, y: number): number[] => [...data.subarray((y * info.width + x) * info.channels, (y * info.width + x) * info.channels + 3)];
    expect(at(6 + 96, 34 + 32)).toEqual([128, 128, 128]); // gray panel, top-right cell (0.5)
    expect(at(6 + 134 + 96, 34 + 32)).toEqual(heatColor(0.25)); // heat panel, top-right cell (1 of max 4)
    expect(at(6 + 134 + 96, 34 + 96)).toEqual(heatColor(1)); // heat panel, bottom-right cell (4)
  });
});

describe('heat-map overlay', () => {
  it('colours the frame where the error map is hot and leaves far-away pixels as they were', async () => {
    // 8×8 error map, one hot 2×2 block at rows 1–2, columns 5–6; a 32×48 grey RGB frame (each map pixel covers 4×6)
    const errors = new Float32Array(64);
    for (const [y, x] of [[1, 5], [1, 6], [2, 5], [2, 6]] as const) errors[y * 8 + x] = 1;
    const frame = { data: new Uint8Array(32 * 48 * 3).fill(100), height: 32, width: 48, channels: 3 };
    const png = await overlayPng(frame, { data: errors, height: 8, width: 8 }, 1);
    const { data, info } = await sharp(png).raw().toBuffer({ resolveWithObject: true });
    expect([info.width, info.height, info.channels]).toEqual([48, 32, 3]);
    const at = (x: number, y: number): number[] => [...data.subarray((y * 48 + x) * 3, (y * 48 + x) * 3 + 3)];
    const hot = heatColor(1).map((c) => Math.round(0.3 * 100 + 0.7 * c)); // alpha 0.7 at full heat
    expect(at(36, 8)).toEqual(hot); // centre of the hot block (map row 2, column 6 → frame x 36, y 8)
    for (const [x, y] of [[3, 29], [6, 20], [24, 28], [2, 2]] as const) expect(at(x, y), `${x},${y}`).toEqual([100, 100, 100]); // far away: untouched
    // the hot region is where the block is, not a stripe across the frame
    const coloured = Array.from({ length: 32 * 48 }, (_, p) => p).filter((p) => data[p * 3] !== 100 || data[p * 3 + 1] !== 100 || data[p * 3 + 2] !== 100);
    const rows = new Set(coloured.map((p) => Math.floor(p / 48)));
    const cols = new Set(coloured.map((p) => p % 48));
    expect(Math.min(...rows)).toBeGreaterThanOrEqual(1);
    expect(Math.max(...rows)).toBeLessThanOrEqual(15);
    expect(Math.min(...cols)).toBeGreaterThanOrEqual(24);
    expect(Math.max(...cols)).toBeLessThanOrEqual(47);
  });

  it('reads a 1-channel resize back as 1 channel (sharp returns 3 unless told)', async () => {
    const grey = sharp(Buffer.from([0, 255, 0, 255]), { raw: { width: 2, height: 2, channels: 1 } }).resize(4, 4, { kernel: 'nearest' });
    expect([...(await rawPixels(grey, 1))]).toEqual([0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255, 0, 0, 255, 255]);
  });
});
