import * as tf from '@tensorflow/tfjs';
import { initBackend } from '../packages/core/src/backend';
import { runBench } from '../packages/core/src/bench/run-bench';
await initBackend((process.argv[3] ?? 'wasm') as 'wasm');
const r = await runBench({ preset: (process.argv[2] ?? 'small') as 'small', steps: Number(process.argv[4] ?? 3), warmup: 1 });
console.log(JSON.stringify(r));
