/** A frame-level AUC (%) reported in a paper or README, with the protocol it was measured under. */
export interface PublishedResult {
  readonly method: string;
  readonly dataset: 'ped2' | 'avenue' | 'shanghaitech';
  readonly aucMicro: number; // percent
  readonly source: string;
  readonly protocol: string;
}

const ddl = 'DDL paper (arXiv 2404.04986) Table 1';
const ddlProtocol = 'C3DSU T=3 256×256, patch-max 16 (two grids), median 17, edge drop, micro AUC';
const lntra = 'LNTRA README (BMVC 2021)';
const lntraProtocol = '3-D conv AE, 16-frame clips, PSNR, per-video min-max, micro AUC';
const steal = 'STEAL README (ICCVW 2021)';
const stealProtocol = '3-D conv AE, skip frames, PSNR, per-video min-max, micro AUC';

/**
 * Published numbers (shared/reference/anchors.md §4 and ddl-method.md), for rows next to our own in
 * the comparison table. ShanghaiTech DDL is the MEDIAN of per-scene AUCs (one model per scene), the
 * others pool all frames (one model) — the protocol column says so.
 */
export const publishedResults: readonly PublishedResult[] = [
  { method: 'C3DSU + DDL (paper)', dataset: 'ped2', aucMicro: 98.46, source: ddl, protocol: ddlProtocol },
  { method: 'C3DSU + DDL (paper)', dataset: 'avenue', aucMicro: 90.35, source: ddl, protocol: ddlProtocol },
  { method: 'C3DSU + DDL (paper)', dataset: 'shanghaitech', aucMicro: 74.25, source: ddl, protocol: `${ddlProtocol}; median of per-scene AUCs, one model per scene` },
  { method: 'C3DSU without DDL (paper ablation)', dataset: 'ped2', aucMicro: 95.55, source: 'DDL paper ablation', protocol: ddlProtocol },
  { method: 'C3DSU + SDL σ=0.5 (paper ablation)', dataset: 'ped2', aucMicro: 97.12, source: 'DDL paper ablation', protocol: ddlProtocol },
  { method: 'C3DSU without DDL (paper ablation)', dataset: 'avenue', aucMicro: 82.54, source: 'DDL paper ablation', protocol: ddlProtocol },
  { method: 'C3DSU + SDL σ=0.5 (paper ablation)', dataset: 'avenue', aucMicro: 89.41, source: 'DDL paper ablation', protocol: ddlProtocol },
  { method: 'LNTRA patch', dataset: 'ped2', aucMicro: 94.77, source: lntra, protocol: lntraProtocol },
  { method: 'LNTRA skip-frame', dataset: 'ped2', aucMicro: 96.5, source: lntra, protocol: lntraProtocol },
  { method: 'LNTRA patch', dataset: 'avenue', aucMicro: 84.91, source: lntra, protocol: lntraProtocol },
  { method: 'LNTRA skip-frame', dataset: 'avenue', aucMicro: 84.67, source: lntra, protocol: lntraProtocol },
  { method: 'LNTRA patch', dataset: 'shanghaitech', aucMicro: 72.46, source: lntra, protocol: lntraProtocol },
  { method: 'LNTRA skip-frame', dataset: 'shanghaitech', aucMicro: 75.97, source: lntra, protocol: lntraProtocol },
  { method: 'STEAL', dataset: 'ped2', aucMicro: 98.4, source: steal, protocol: stealProtocol },
  { method: 'STEAL', dataset: 'avenue', aucMicro: 87.1, source: steal, protocol: stealProtocol },
  { method: 'STEAL', dataset: 'shanghaitech', aucMicro: 73.7, source: steal, protocol: stealProtocol },
];

/**
 * Published rows for a dataset name (case-insensitive; `ucsd-ped2`, `Ped2`, `sht` are recognised).
 *
 * @example
 * publishedFor('Ped2').map((r) => r.aucMicro); // => [98.46, 95.55, 97.12, 94.77, 96.5, 98.4]
 */
export function publishedFor(dataset: string): PublishedResult[] {
  const key = dataset.toLowerCase();
  const name = /ped2/.test(key) ? 'ped2' : /avenue/.test(key) ? 'avenue' : /shanghai|^sht$/.test(key) ? 'shanghaitech' : undefined;
  return name === undefined ? [] : publishedResults.filter((row) => row.dataset === name);
}
