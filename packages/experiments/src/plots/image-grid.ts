import sharp, { type OverlayOptions } from 'sharp';
import { heatColor } from './heat-colors';

/** One picture of a grid: an image ([H, W, C] in [0, 1], C = 1 or 3) or a heat map ([H, W], ≥ 0). */
export interface Panel {
  readonly kind: 'image' | 'heat';
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly data: Float32Array;
  /** Value shown as the brightest heat colour (shared across a row so maps are comparable). */
  readonly max?: number;
}

/** RGB bytes of a panel, [H, W, 3]. */
export function panelRgb(panel: Panel): Uint8Array {
  const { height, width, channels, data } = panel;
  const out = new Uint8Array(height * width * 3);
  const max = panel.max ?? data.reduce((m, v) => Math.max(m, v), 1e-12);
  for (let p = 0; p < height * width; p++) {
    if (panel.kind === 'heat') {
      out.set(heatColor((data[p] ?? 0) / max), p * 3);
      continue;
    }
    for (let c = 0; c < 3; c++) {
      const v = data[p * channels + (channels === 3 ? c : 0)] ?? 0;
      out[p * 3 + c] = Math.round(Math.min(1, Math.max(0, v)) * 255);
    }
  }
  return out;
}

function escapeXml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}

/**
 * Composes rows of equally sized panels into one PNG with column titles (the Figure-4 layout).
 * Each panel is upscaled by `scale` with nearest-neighbour so pixels stay visible.
 */
export async function imageGridPng(rows: readonly (readonly Panel[])[], titles: readonly string[], scale = 3): Promise<Uint8Array> {
  const first = rows[0]?.[0];
  if (first === undefined) throw new Error('imageGridPng(rows) must contain at least one panel, but got none');
  const zoom = Math.max(scale, Math.ceil(128 / first.width)); // at least 128 px per panel so titles fit
  const cellW = first.width * zoom;
  const cellH = first.height * zoom;
  const gap = 6;
  const header = 34;
  const columns = Math.max(...rows.map((row) => row.length));
  const width = columns * (cellW + gap) + gap;
  const height = header + rows.length * (cellH + gap) + gap;
  const layers: OverlayOptions[] = [];
  for (const [r, row] of rows.entries()) {
    for (const [c, panel] of row.entries()) {
      const input = await sharp(Buffer.from(panelRgb(panel)), { raw: { width: panel.width, height: panel.height, channels: 3 } })
        .resize(cellW, cellH, { kernel: 'nearest' })
        .png()
        .toBuffer();
      layers.push({ input, left: gap + c * (cellW + gap), top: header + r * (cellH + gap) });
    }
  }
  const text = titles
    .map((title, c) => `<text x="${gap + c * (cellW + gap) + cellW / 2}" y="22" font-family="DejaVu Sans" font-size="12" text-anchor="middle">${escapeXml(title)}</text>`)
    .join('');
  layers.push({ input: Buffer.from(`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${header}">${text}</svg>`), left: 0, top: 0 });
  const png = await sharp({ create: { width, height, channels: 3, background: '#ffffff' } }).composite(layers).png().toBuffer();
  return new Uint8Array(png);
}
