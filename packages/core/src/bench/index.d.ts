export { benchPresets, benchPresetNames, type BenchPreset } from './bench-presets';
export { runBench, type BenchOptions, type BenchResult } from './run-bench';
export { formatBench } from './format-bench';
export { opBreakdown, type OpTime } from './op-breakdown';
export { timeStats, type TimeStats } from './time-stats';
export { syntheticBatch } from './bench-data';
