import { Worker } from 'node:worker_threads';
import { expect, it } from 'vitest';
it('probe', async () => {
  const w = new Worker(new URL('./probe-entry.mjs', import.meta.url));
  const m = await new Promise((resolve, reject) => { w.on('message', resolve); w.on('error', reject); });
  await w.terminate();
  expect(m).toEqual({ ok: true, x: expect.any(Number) });
});
