export { benchPresets, benchPresetNames } from './bench-presets';
export { runBench } from './run-bench';
export { formatBench } from './format-bench';
export { opBreakdown } from './op-breakdown';
export { timeStats } from './time-stats';
export { syntheticBatch } from './bench-data';
//# sourceMappingURL=index.js.map