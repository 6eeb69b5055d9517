// Package boundaries (house style §6.1), enforced by Nx's maintained rule over the tags in each
// packages/*/project.json. `npm run lint` runs it over packages/*/src, spec files included (a spec
// may not reach into another package or outside the workspace either); the I/O bans apply to the
// non-spec sources only (tests may use temporary files). The rule checks static imports, re-exports
// and dynamic `import()` alike.
import nx from '@nx/eslint-plugin';
import tsParser from '@typescript-eslint/parser';

const tfjs = ['@tensorflow/*'];
// File, argv and image I/O: only experiments (the app) and data may touch them (npm packages here; the
// Node built-ins fs and child_process through builtinBan below).
const io = ['yaml', 'yargs', 'yargs/*', 'sharp', '@resvg/*'];
const builtinIo = '^(node:)?(fs(.promises)?|child_process)$'; // fs, fs/promises, child_process (esquery: no '/' in a regex)

/** Who may import whom (onlyDependOnLibsWithTags) and which npm packages each kind must not import. */
// `type:contract` (@vad/contracts: the σ-schedule contract and the one zod-issue formatter) is the
// leaf every kind may depend on; it depends on nothing internal and imports zod as types only (below).
function constraints(banIo) {
  const banned = (extra) => [...extra, ...(banIo ? io : [])];
  const nativeSpecs = banIo ? [] : ['type:core'];
  const contract = 'type:contract';
  return [
    { sourceTag: 'type:app', onlyDependOnLibsWithTags: ['type:data', 'type:core', 'type:plugin', 'type:pure', contract] },
    { sourceTag: 'type:data', onlyDependOnLibsWithTags: ['type:core', contract] },
    { sourceTag: 'type:plugin', onlyDependOnLibsWithTags: ['type:core', contract], bannedExternalImports: banned([]) },
    { sourceTag: 'type:core', onlyDependOnLibsWithTags: ['type:backend', contract], bannedExternalImports: banned([]) },
    { sourceTag: 'type:backend', onlyDependOnLibsWithTags: [...nativeSpecs, contract], bannedExternalImports: banned([]) },
    { sourceTag: 'type:pure', onlyDependOnLibsWithTags: [contract], bannedExternalImports: banned(tfjs) },
    { sourceTag: contract, onlyDependOnLibsWithTags: [], bannedExternalImports: banned(tfjs) },
  ];
}

// The specs may also use the workspace's test helpers: tools/ (shared-data.ts), core's test-support/
// (core's trainer fixtures, outside its published src; native's specs use them) and simulators'
// test-support/ (the simulator contract suite; experiments runs it on the example plugin). native's specs test the
// backend through core's models, an edge native → core that exists in specs only (the type:backend
// constraint above still rejects it in native's sources), so that one cycle is ignored.
const boundaries = ({ spec }) => [
  'error',
  {
    allow: spec ? ['../../../../tools/*', '../../../tools/*', '../../core/test-support/*', '../../../simulators/test-support/*'] : [],
    enforceBuildableLibDependency: false,
    ignoredCircularDependencies: [['core', 'native']],
    depConstraints: constraints(!spec),
  },
];

// Node built-ins are not projects of the Nx graph, so bannedExternalImports cannot see `node:fs`:
// the same ban for them, static (`import … from`) and dynamic (`import()`), outside app and data.
const builtinBan = {
  'no-restricted-imports': ['error', { patterns: [{ regex: builtinIo, message: 'file/process I/O lives in experiments and data (house style §6.1)' }] }],
  'no-restricted-syntax': ['error', { selector: `ImportExpression[source.value=/${builtinIo}/]`, message: 'file/process I/O lives in experiments and data (house style §6.1)' }],
};

// @vad/contracts loads nothing at run time but its own code: zod only as TYPES (`import type`; a
// schema it formats issues for is asked for its JSON Schema through the schema's own method).
const zodModule = "[source.value=/^zod(\\u002F|$)/]";
const typeOnlyZod = [
  { selector: `ImportDeclaration[importKind!='type']${zodModule}`, message: '@vad/contracts may import zod as types only (import type)' },
  { selector: `ImportExpression${zodModule}`, message: '@vad/contracts may import zod as types only (import type)' },
];

export default [
  { ignores: ['**/dist/**', '**/node_modules/**'] },
  {
    files: ['packages/*/src/**/*.ts'],
    languageOptions: { parser: tsParser, parserOptions: { ecmaVersion: 'latest', sourceType: 'module' } },
    plugins: { '@nx': nx },
    rules: { '@nx/enforce-module-boundaries': boundaries({ spec: false }) },
  },
  { files: ['packages/*/src/**/*.spec.ts', 'packages/*/src/**/fixtures/**', 'packages/*/src/**/__fixtures__/**'], rules: { '@nx/enforce-module-boundaries': boundaries({ spec: true }) } },
  {
    files: ['packages/{contracts,core,native,simulators,schedules,metrics}/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/fixtures/**', '**/__fixtures__/**'],
    rules: builtinBan,
  },
  {
    files: ['packages/contracts/src/**/*.ts'],
    ignores: ['**/*.spec.ts', '**/fixtures/**', '**/__fixtures__/**'],
    rules: { 'no-restricted-syntax': ['error', builtinBan['no-restricted-syntax'][1], ...typeOnlyZod] },
  },
];
