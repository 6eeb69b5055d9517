/**
 * `npm run parity` — the live comparison with the official PyTorch code (never part of `npm test`).
 *
 *   1. re-exports the golden tensors from the reference into a temporary folder and checks that they
 *      equal the committed fixtures bit for bit (the fixtures still describe the reference);
 *   2. prepares the parity datasets (synthetic; the Avenue sample when /work/shared or
 *      --avenue ROOT has it) in the frames layout with DDL's tracked_bounding_boxes.json;
 *   3. trains both implementations from the same initial weights with the same batch order, tracked
 *      objects and noise (shared-random), the reference starting from OUR export of its weights
 *      (a round trip through both converters), and scores both test sets;
 *   4. compares σ, losses, weights and AUC (compare.ts) and writes the σ plot.
 *
 * Quick by default (synthetic, 32×32, latent 16, 40 steps: minutes); `--full` runs the reported
 * configuration (both datasets, 64×64, latent 64, batch 8, 5 epochs: an hour or more on 2 cores).
 * Needs a Python with torch + torchvision (default /usr/bin/python3, or $PARITY_PYTHON) and a checkout
 * of github.com/demetrislappas/DDL at $DDL_REF (default /tmp/ddl-ref).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative, resolve } from 'node:path';
import { parseArgs } from 'node:util';

const { values: a } = parseArgs({ options: { full: { type: 'boolean', default: false }, out: { type: 'string' }, avenue: { type: 'string', default: '/work/shared/datasets/avenue-sample' }, steps: { type: 'string' } } });
const here = resolve(import.meta.dirname);
const python = process.env['PARITY_PYTHON'] ?? '/usr/bin/python3';
const out = resolve(a.out ?? join(tmpdir(), 'vad-parity'));
mkdirSync(out, { recursive: true });

function run(command: string, args: readonly string[], what: string): void {
  process.stdout.write(`\n▶ ${what}\n`);
  const r = spawnSync(command, args, { stdio: 'inherit', env: process.env });
  if (r.status !== 0) {
    process.stderr.write(`parity: ${what} must succeed, but it exited with ${r.status ?? r.signal}\n`);
    process.exit(1);
  }
}

const probe = spawnSync(python, ['-c', 'import torch, torchvision; print(torch.__version__, torchvision.__version__)'], { encoding: 'utf8' });
if (probe.status !== 0) {
  process.stderr.write(`parity: ${python} must import torch and torchvision (set PARITY_PYTHON), but: ${probe.stderr.trim().split('\n').at(-1)}\n`);
  process.exit(2);
}
process.stdout.write(`reference: torch / torchvision ${probe.stdout.trim()} at ${python}; DDL code at ${process.env['DDL_REF'] ?? '/tmp/ddl-ref'}\n`);

// 1. the committed goldens are what the reference computes today
const golden = join(out, 'golden');
run(python, [join(here, 'export_golden.py'), '--out', golden], 're-export the golden tensors');
const fixtures = resolve(here, '../../packages/experiments/src/parity/__fixtures__');
const files = (dir: string): string[] => readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => statSync(join(dir, f)).isFile() && !f.endsWith('SOURCE.md') && !f.endsWith('.png') && !f.endsWith('.jpg'));
const differing = files(fixtures).filter((f) => !existsSync(join(golden, f)) || !readFileSync(join(golden, f)).equals(readFileSync(join(fixtures, f))));
if (differing.length > 0) process.stdout.write(`golden fixtures: ${differing.length} file(s) differ from a fresh export (another torch version or CPU?): ${differing.slice(0, 5).join(', ')}\n`);
else process.stdout.write(`golden fixtures: all ${files(fixtures).length} files reproduce bit for bit\n`);

// 2–4. the runs
const data = join(out, 'data');
run('npx', ['tsx', join(here, 'prepare-data.ts'), data, a.avenue ?? ''], 'prepare the parity datasets');
const size = a.full ? ['--height', '64', '--width', '64', '--latent', '64', '--batch', '8', '--epochs', '5'] : ['--height', '32', '--width', '32', '--latent', '16', '--batch', '4', '--epochs', '1'];
const steps = a.steps ?? (a.full ? undefined : '40');
const limit = steps === undefined ? [] : ['--max-steps', steps];
const datasets = a.full && existsSync(join(data, 'avenue')) ? ['synthetic', 'avenue'] : ['synthetic'];
for (const name of datasets) {
  const root = join(data, name);
  const init = join(out, `${name}-init`);
  run(python, [join(here, 'reference_run.py'), '--data', root, '--out', init, ...size, '--max-steps', '0', '--snapshots', '', '--no-score'], `${name}: PyTorch initial weights`);
  const ours = join(out, `${name}-ours`);
  run('npx', ['tsx', join(here, 'ours-run.ts'), '--data', root, '--initial', join(init, 'initial.p'), '--out', ours, ...size, ...limit], `${name}: ours (wasm)`);
  const ref = join(out, `${name}-ref`);
  run(python, [join(here, 'reference_run.py'), '--data', root, '--initial', join(ours, 'step-0.p'), '--out', ref, ...size, ...limit], `${name}: official code, from our export of the same weights`);
  run('npx', ['tsx', join(here, 'compare.ts'), '--name', name, '--data', root, '--ref', ref, '--run', `ours=${ours}`, '--out', out], `${name}: compare`);
}
process.stdout.write(`\nresults and σ plots in ${relative(process.cwd(), out) || out}\n`);
