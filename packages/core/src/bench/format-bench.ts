import type { BenchResult } from './run-bench';

/**
 * A readable summary of a bench result: timings, throughput, the ratio to the PyTorch reference
 * and, when profiled, the time by kernel type.
 *
 * @example
 * formatBench(result); // => 'small (c3dsu 64×64, latent 64, T 3, RGB, kernels 3,5,7), batch 8, wasm\n  train step …'
 */
export function formatBench(r: BenchResult): string {
  const t = r.trainStepMs;
  const i = r.inferMsPerClip;
  const lines = [
    `${r.preset} (${r.size}×${r.size}, latent ${r.latent}, T ${r.T}, ${r.channels === 3 ? 'RGB' : 'gray'}, kernels ${r.kernels.join(',')}), batch ${r.batch}, ${r.backend}, ${r.threads} thread(s), ${r.microBatches} micro-batch(es)`,
    `  parameters      ${r.params.toLocaleString('en-US')}`,
    `  train step      ${t.median} ms median (min ${t.min}, max ${t.max}, n ${t.n}); ${r.gflopPerStep} GFLOP ⇒ ${r.effectiveGflops} GFLOP/s`,
    `  cpu time        ${r.trainStepCpuMs.median} ms per step median (this process, all threads)`,
    `  vs reference    ${r.referenceMs} ms ⇒ ratio ${r.ratio} (1 = PyTorch parity, lower is better)`,
    `  inference       ${i.median} ms/clip median (min ${i.min}, max ${i.max}, n ${i.n}); reference ${r.referenceInferMs} ms ⇒ ratio ${r.inferRatio}`,
    `  peak RSS        ${r.peakRssMb} MB`,
  ];
  if (r.opBreakdown !== undefined) {
    lines.push('  time by kernel (one extra profiled step; with workers, the main thread\'s shard only):');
    for (const op of r.opBreakdown.slice(0, 24)) {
      lines.push(`    ${op.op.padEnd(24)} ${op.ms.toFixed(1).padStart(9)} ms ${String(op.calls).padStart(6)} calls ${(100 * op.share).toFixed(1).padStart(5)} %`);
    }
  }
  return lines.join('\n');
}
