/**
 * Vite resolution for the tests: the "@vad/source" export condition makes `@vad/*` imports load the
 * packages' TypeScript sources (not their built dist/), exactly as the `vad` bin does in the monorepo.
 * The other conditions are Vite's defaults for server-side code, which setting the option replaces.
 */
const conditions = ['@vad/source', 'module', 'node', 'development|production'];

export const sourceResolve = { resolve: { conditions }, ssr: { resolve: { conditions } } };
