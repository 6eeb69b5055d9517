export * from './rng';
export * from './errors';
export * from './backend';
export type * from './contracts/data';
export type * from './contracts/simulator';
export type * from './contracts/schedule';
export type * from './contracts/model';
