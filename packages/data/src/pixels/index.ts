export * from './boxes';
export * from './morphology';
export * from './connected-components';
export * from './link-boxes';
export * from './resize-nearest';
export * from './resize-bilinear';
export * from './temporal-median';
