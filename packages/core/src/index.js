export * from './rng';
export * from './errors';
export * from './backend';
export * from './ops/index';
export * from './models/index';
export * from './bench/index';
export * from './parallel/index';
export * from './data/index';
export * from './train/index';
//# sourceMappingURL=index.js.map