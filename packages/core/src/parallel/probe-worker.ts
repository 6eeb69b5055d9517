import { parentPort } from 'node:worker_threads';
import { createRng } from '../rng';
const x: number = createRng(1).int(100);
parentPort?.postMessage({ ok: true, x });
