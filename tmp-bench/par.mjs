import { Worker, isMainThread, parentPort } from 'node:worker_threads';
function spin(n) { let x = 0; for (let i = 0; i < n; i++) x += Math.sqrt(i) * 1.0000001; return x; }
if (isMainThread) {
  const N = 3e8;
  let t = performance.now(); spin(N); const single = performance.now() - t;
  t = performance.now();
  await Promise.all([0, 1].map(() => new Promise((res) => { const w = new Worker(new URL(import.meta.url)); w.on('message', res); w.postMessage(N); })));
  const dual = performance.now() - t;
  console.log(`single ${single.toFixed(0)} ms; two threads doing the same each: ${dual.toFixed(0)} ms (ideal = single)`);
  process.exit(0);
} else {
  parentPort.on('message', (n) => { spin(n); parentPort.postMessage('ok'); });
}
