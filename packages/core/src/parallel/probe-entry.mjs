import { register } from 'tsx/esm/api';
register();
await import('./probe-worker.ts');
