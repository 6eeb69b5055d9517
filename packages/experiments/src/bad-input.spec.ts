// The bad-input corpus (issue 12): every input a user can get wrong, as a table of
// input → exit code → message pattern, each also checked for "no stack trace, no training, nothing
// written". A new bad input found later gets a row here.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { UserError } from '@vad/core';
import { bugNotice, describeFailure, main } from './cli';
import { sectionSchemas } from './config/catalogs';
import { loadExperiment } from './config/load-experiment';
import { createSyntheticDataset, syntheticOptionsSchema, gtMat, npyUint8, writeFramesDataset } from '@vad/data';
import { acquireRunLock } from './runner/run-lock';

const root = mkdtempSync(join(tmpdir(), 'vad-bad-input-'));
const cache = mkdtempSync(join(tmpdir(), 'vad-bad-input-cache-')); // decoded frames: a cache, not output
afterAll(() => {
  rmSync(root, { recursive: true, force: true });
  rmSync(cache, { recursive: true, force: true });
});

const frames = join(root, 'frames'); // 16×16 grey frames layout: 1 training video, 2 test videos of 20 frames
const trained = join(root, 'trained'); // a trained trial folder (model.ckpt + config.json)
const clip = join(root, 'clip'); // 4 PNG frames for vad infer

const tiny = (extra = ''): string => `backend: wasm
data:
  type: synthetic
  height: 16
  width: 16
  channels: 1
  synthetic: { scenes: 1, trainVideos: 1, testVideos: 2, length: 24, density: 2, difficulty: 0 }
  masks: { type: random-box }
model: { type: c3dsu, latent: 8, frames: 3 }
schedule: { type: none }
trainer: { epochs: 1, batchSize: 8 }
evaluation: { patchSize: 8, batchSize: 8 }
report: { bootstrap: 0, figureSamples: 0, plots: false }
${extra}`;

const framesConfig = (data = '', extra = ''): string => `backend: wasm
data: { type: frames, root: ${JSON.stringify(frames)}, height: 16, width: 16, channels: 1, cacheDir: ${JSON.stringify(cache)}, masks: { type: random-box }${data} }
model: { type: c3dsu, latent: 8, frames: 3 }
schedule: { type: none }
trainer: { epochs: 1, batchSize: 8 }
evaluation: { patchSize: 8, batchSize: 8 }
report: { bootstrap: 0, figureSamples: 0, plots: false }
${extra}`;

function write(dir: string, name: string, data: string | Uint8Array): string {
  const path = join(dir, name);
  mkdirSync(join(path, '..'), { recursive: true });
  writeFileSync(path, data);
  return path;
}

/** `.npy` of float64 values (what numpy.save writes for a float array). */
function npyF8(values: readonly number[]): Uint8Array {
  let header = `{'descr': '<f8', 'fortran_order': False, 'shape': (${values.length},), }`;
  header += `${' '.repeat(63 - ((10 + header.length) % 64))}\n`;
  const out = Buffer.alloc(10 + header.length + 8 * values.length);
  out.set([0x93, 0x4e, 0x55, 0x4d, 0x50, 0x59, 1, 0, header.length & 0xff, header.length >> 8]);
  out.write(header, 10, 'latin1');
  values.forEach((v, k) => out.writeDoubleLE(v, 10 + header.length + 8 * k));
  return out;
}

/** Deterministic junk bytes (a file of "random bytes" with a given prefix). */
function junk(prefix: string, length: number): Uint8Array {
  const out = Buffer.alloc(length);
  out.write(prefix, 0, 'latin1');
  for (let i = prefix.length; i < length; i++) out[i] = (i * 2654435761) >>> 24;
  return out;
}

/** A folder vad cannot create or write: a 0555 folder for ordinary users; for root (CI) a path under /sys, which refuses mkdir. */
function readOnlyFolder(dir: string): string | null {
  if (process.getuid?.() !== 0) {
    const ro = join(dir, 'read-only');
    mkdirSync(ro);
    chmodSync(ro, 0o555);
    return join(ro, 'out');
  }
  return existsSync('/sys/kernel') ? '/sys/vad-bad-input-test/out' : null;
}

const readOnlyAvailable = process.getuid?.() !== 0 || existsSync('/sys/kernel');

/** A 20-frame test video's labels: normal, then anomalous from frame 10. */
const twoClasses = (n: number): number[] => Array.from({ length: n }, (_, i) => (i >= 10 ? 1 : 0));

/** Minimal UCSD Ped2 layout (Train001, Test001 of 5 TIFF frames) with the given UCSDped2.m text. */
async function ucsd(dir: string, gt: string): Promise<string> {
  const home = join(dir, 'UCSDped2');
  for (const split of ['Train/Train001', 'Test/Test001']) {
    mkdirSync(join(home, split), { recursive: true });
    for (let i = 1; i <= 5; i++) await sharp(Buffer.alloc(16 * 16, 30 * i), { raw: { width: 16, height: 16, channels: 1 } }).tiff().toFile(join(home, split, `${String(i).padStart(3, '0')}.tif`));
  }
  write(home, 'Test/UCSDped2.m', gt);
  return home;
}

interface Case {
  /** `class: what` */
  readonly name: string;
  /** Builds the fixtures in the case's own folder and returns the command line. */
  readonly argv: (dir: string) => string[] | Promise<string[]>;
  readonly code: number;
  /** The whole of stderr. */
  readonly message: RegExp;
  /** Why the case cannot run here (evaluated after argv). */
  readonly skip?: (dir: string) => string | null;
}

const usageLine = (command: string): string => `\\nusage: vad ${command}.*; see "vad ${command.split(' <')[0]} --help"\\n$`;

const cases: Case[] = [
  // 1. An invalid command line stops before any work: exit 2, one message, the command's usage line.
  { name: 'usage: unknown option (--sett) does not run the experiment', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--out', join(d, 'out'), '--sett', 'trainer.epochs=1'], code: 2, message: new RegExp(`^vad run: arguments must be the options listed by "vad run --help", but got unknown option --sett${usageLine('run <config>')}`) },
  { name: 'usage: extra positional argument', argv: (d) => ['run', write(d, 'c.yaml', tiny()), 'extra', '--out', join(d, 'out')], code: 2, message: /^vad run: arguments must be .*, but got extra argument "extra"\nusage: vad run <config>/ },
  { name: 'usage: vad list with an unknown kind (was a TypeError stack)', argv: () => ['list', 'foo'], code: 2, message: new RegExp(`^vad list: <kind> must be one of simulators, schedules, models, configs, but got "foo"${usageLine('list <kind>')}`) },
  { name: 'usage: vad metrics --normalize foo runs nothing', argv: (d) => ['metrics', '--normalize', 'foo', '--scores', write(d, 's.csv', 'video,frame,score,label\nv,0,1,1\nv,1,0,0\n')], code: 2, message: /^vad metrics: --normalize must be one of none, per-video-minmax, global-minmax, running, but got "foo"\nusage: vad metrics/ },
  { name: 'usage: no command', argv: () => [], code: 2, message: /^vad: a command must be given \(one of bench, run, .*\), but got none\nusage: vad <command>/ },
  { name: 'usage: misspelt command', argv: () => ['runn', 'x.yaml'], code: 2, message: /^vad: command must be one of .*, but got "runn" \(did you mean run\?\)\n/ },
  { name: 'usage: missing positional', argv: () => ['run'], code: 2, message: /^vad run: <config> must be given, but it is missing\n/ },
  { name: 'usage: missing required option', argv: () => ['metrics'], code: 2, message: /^vad metrics: --scores must be given, but it is missing\n/ },
  { name: 'usage: missing sub-command', argv: () => ['data'], code: 2, message: /^vad data: a sub-command must be given \(see "vad data --help"\), but got none\n/ },
  { name: 'usage: a number option that is not a number', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--workers', 'abc', '--out', join(d, 'out')], code: 2, message: /^vad run: --workers must be a number, but got "abc"\nusage: vad run <config>/ },
  { name: 'usage: unknown dashed option (reported once, as typed)', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--foo-bar', '1', '--out', join(d, 'out')], code: 2, message: /^vad run: arguments must be .*, but got unknown option --foo-bar\nusage: vad run <config>/ },
  { name: 'usage: a switch given a value (--json=maybe was silently false)', argv: () => ['list', 'models', '--json=maybe'], code: 2, message: /^vad list: --json must be a switch \(--json, --no-json or =true\/=false\), but got "maybe"\nusage: vad list <kind>/ },
  { name: 'usage: --workers 0', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--workers', '0', '--out', join(d, 'out')], code: 2, message: /^vad run: --workers must be a positive integer, but got 0\n$/ },
  { name: 'usage: --backend out of its choices', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--backend', 'gpu', '--out', join(d, 'out')], code: 2, message: /^vad run: --backend must be one of auto, tensorflow, native, wasm, cpu, but got "gpu"\nusage: vad run <config>/ },
  { name: 'usage: vad train --trial naming no trial', argv: (d) => ['train', write(d, 'c.yaml', tiny()), '--trial', 'nope', '--out', join(d, 'out')], code: 2, message: /^vad train: --trial must be one of c-[0-9a-f]{8}-seed0, but got "nope"\n$/ },
  { name: 'usage: a choice option out of range', argv: (d) => ['data', 'synth', '--out', join(d, 'out'), '--channels', '2'], code: 2, message: /^vad data synth: --channels must be one of 1, 3, but got 2\n/ },
  { name: 'usage: vad data synth --height 0', argv: (d) => ['data', 'synth', '--out', join(d, 'out'), '--height', '0'], code: 2, message: /^vad data synth: --height must be an integer in \[1, 4096\], but got 0\n$/ },
  { name: 'usage: vad simulate --frames 4 (even)', argv: (d) => ['simulate', '--out', join(d, 'g.png'), '--frames', '4'], code: 2, message: /^vad simulate: --frames must be an odd positive integer, but got 4\n$/ },
  { name: 'usage: vad bench --micro-batches 0 (checked before the backend starts)', argv: () => ['bench', '--micro-batches', '0'], code: 2, message: /^vad bench: --micro-batches must be a positive integer, but got 0\n$/ },
  { name: 'usage: vad infer --fps -1', argv: (d) => ['infer', trained, clip, '--out', join(d, 'out'), '--fps', '-1'], code: 2, message: /^vad infer: --fps must be a frame rate in \(0, 1000\], but got -1\n$/ },
  { name: 'usage: --set without key=value', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--set', 'trainer.epochs', '--out', join(d, 'out')], code: 2, message: /^--set: each override must look like dotted.key=value, but got "trainer.epochs"\n$/ },

  // 2. Clean exit 2, naming the file, instead of a stack trace or exit 1.
  { name: 'files: config path is a folder (EISDIR)', argv: (d) => (mkdirSync(join(d, 'cfg.yaml')), ['run', join(d, 'cfg.yaml'), '--out', join(d, 'out')]), code: 2, message: /cfg\.yaml: config file must be a YAML file, but got a folder\n$/ },
  { name: 'files: --out is an existing file (EEXIST)', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--out', write(d, 'taken', 'x')], code: 2, message: /^vad run: --out must be a writable folder, but .*taken is an existing file\n$/ },
  { name: 'files: --out below a file (ENOTDIR)', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--out', join(write(d, 'taken', 'x'), 'sub')], code: 2, message: /^vad run: --out must be a writable folder, but .*taken is a file, not a folder\n$/ },
  {
    name: 'files: --out in a read-only folder (EACCES / EPERM)',
    argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--out', readOnlyFolder(d) ?? join(d, 'out')],
    code: 2,
    message: /^vad run: --out must be a writable folder, but .*(is not writable|failed): E(ACCES|PERM|ROFS) \(.*\)\n$/,
    skip: () => (readOnlyAvailable ? null : 'no read-only folder available here'),
  },
  { name: 'files: output.dir/name is a file', argv: (d) => (write(d, 'runs/c', 'x'), ['run', write(d, 'c.yaml', tiny(`output: { dir: ${JSON.stringify(join(d, 'runs'))} }`))]), code: 2, message: /^vad run: output\.dir\/name \(.*\) must be a writable folder, but .*c is an existing file\n$/ },
  { name: 'files: YAML aliases expanding exponentially (was a ReferenceError)', argv: (d) => ['run', write(d, 'bomb.yaml', 'a: &a [x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a]\nc: &c [*b, *b, *b, *b, *b, *b, *b, *b, *b]\nd: [*c, *c, *c, *c, *c, *c, *c, *c, *c]\n'), '--out', join(d, 'out')], code: 2, message: /bomb\.yaml: YAML aliases must expand to at most 100 references, but the file expands them exponentially\n$/ },
  { name: 'files: truncated model.ckpt for vad eval', argv: (d) => ['eval', copyTrial(d, (dir) => writeFileSync(join(dir, 'model.ckpt'), readFileSync(join(trained, 'model.ckpt')).subarray(0, 40))), '--out', join(d, 'out')], code: 2, message: /trial\/model\.ckpt: header must hold its \d+ bytes, but the file ends after 28 \(truncated\)\n$/ },
  { name: 'files: model.ckpt cut in the weights', argv: (d) => ['eval', copyTrial(d, (dir) => writeFileSync(join(dir, 'model.ckpt'), cutAfterHeader(readFileSync(join(trained, 'model.ckpt')), 64))), '--out', join(d, 'out')], code: 2, message: /trial\/model\.ckpt: tensor data must lie inside the \d+ stored floats, but got .*\(truncated\?\)\n$/ },
  { name: 'files: broken config.json for vad eval (was a SyntaxError naming no file)', argv: (d) => ['eval', copyTrial(d, (dir) => writeFileSync(join(dir, 'config.json'), '{"data": {')), '--out', join(d, 'out')], code: 2, message: /trial\/config\.json: must be the JSON trial config written by vad run, but it does not parse: .*\n$/ },
  { name: 'files: config.json with a wrong section for vad eval', argv: (d) => ['eval', copyTrial(d, (dir) => writeFileSync(join(dir, 'config.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(trained, 'config.json'), 'utf8')), model: 5 }))), '--out', join(d, 'out')], code: 2, message: /trial\/config\.json: model must be a mapping with a "type" key, but got 5\n$/ },
  { name: 'files: vad eval of a folder that is not a trial', argv: (d) => ['eval', join(d, 'nowhere')], code: 2, message: /nowhere: must be a trial folder written by vad run \(with config\.json and model\.ckpt\), but it does not exist\n$/ },
  { name: 'files: vad infer into a read-only folder (was found after all scoring)', argv: (d) => ['infer', trained, clip, '--out', readOnlyFolder(d) ?? join(d, 'out')], code: 2, message: /^vad infer: --out must be a writable folder, but .*: E(ACCES|PERM|ROFS) \(.*\)\n$/, skip: () => (readOnlyAvailable ? null : 'no read-only folder available here') },
  { name: 'files: vad infer --out is a file', argv: (d) => ['infer', trained, clip, '--out', write(d, 'taken', 'x')], code: 2, message: /^vad infer: --out must be a writable folder, but .*taken is an existing file\n$/ },
  { name: 'files: vad infer of a missing input', argv: (d) => ['infer', trained, join(d, 'none.mp4'), '--out', join(d, 'out')], code: 2, message: /^vad infer: INPUT must be a video file or a frames folder, but .*none\.mp4 does not exist\n$/ },
  { name: 'files: vad simulate --out is a folder', argv: (d) => ['simulate', '--out', d], code: 2, message: /^vad simulate: --out must be a file path, but .* is a folder\n$/ },
  { name: 'files: vad metrics --scores is a folder', argv: (d) => ['metrics', '--scores', d], code: 2, message: /^vad metrics: --scores must be a readable CSV file, but got ".*" \(EISDIR\)\n$/ },
  { name: 'files: vad report of a file', argv: (d) => ['report', write(d, 'exp', 'x')], code: 2, message: /^vad report: .*exp must be an experiment folder written by vad run, but it is a file\n$/ },
  { name: 'files: vad report with a corrupt metrics.json', argv: (d) => ['report', copyExperiment(d, (dir) => writeFileSync(join(dir, 'metrics.json'), '{"trial": '))], code: 2, message: /trial\/metrics\.json: must be the JSON file vad wrote, but it does not parse .*; delete it \(or the trial folder\) to redo that step\n$/ },
  { name: 'files: vad data check --contact-sheet in a folder that is a file', argv: (d) => ['data', 'check', '--dataset', 'frames', '--root', frames, '--contact-sheet', join(write(d, 'f', 'x'), 's.png'), '--height', '16', '--width', '16', '--cache-dir', cache], code: 2, message: /^vad data check: --contact-sheet \(its folder\) must be a writable folder, but .*f is an existing file\n$/ },
  { name: 'files: label .npy of random bytes (was a plain Error)', argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'rand.npy', junk('', 300)))} }`)), '--out', join(d, 'out')], code: 2, message: /rand\.npy: must start with the npy magic "\\x93NUMPY", but does not\n$/ },
  { name: 'files: label .npy with a garbage header', argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'bad.npy', junk('\x93NUMPY\x01\x00\x40\x00', 300)))} }`)), '--out', join(d, 'out')], code: 2, message: /bad\.npy: npy header must hold descr, fortran_order and shape, but got .*\n$/ },
  { name: 'files: label .mat of random bytes', argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'rand.mat', junk('', 400)))} }`)), '--out', join(d, 'out')], code: 2, message: /rand\.mat: endian indicator must be "IM" or "MI", but got .*\n$/ },
  { name: 'files: label .mat with a valid header and random body', argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'body.mat', matWithJunk()))} }`)), '--out', join(d, 'out')], code: 2, message: /body\.mat: must be a valid level-5 MAT-file, but .*\n$/ },

  // 3. Errors that used to surface late (after training) are found up front, blaming the key the user set.
  { name: 'late: evaluation.patchSize larger than the frames (crashed after training)', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--set', 'evaluation.patchSize=1000', '--out', join(d, 'out')], code: 2, message: /c\.yaml: evaluation\.patchSize must be at most the frame size 16×16 \(data\.height × data\.width\) for the patch-max scorer, but got 1000\n$/ },
  { name: 'late: data.height not a model size — blamed on data.height, not model.height', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--set', 'data.height=30', '--out', join(d, 'out')], code: 2, message: /c\.yaml: data\.height must be a multiple of 16 for model c3dsu \(model\.height follows data\.height\), but got 30\n$/ },
  { name: 'late: model size different from the data size', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--set', 'model.width=32', '--out', join(d, 'out')], code: 2, message: /c\.yaml: model\.width must equal data\.width \(16: frames are resized to the data size\), but got 32\n$/ },
  { name: 'late: T longer than the synthetic videos', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--set', 'data.synthetic.length=16', '--set', 'model.frames=17', '--out', join(d, 'out')], code: 2, message: /c\.yaml: model\.frames must be at most data\.synthetic\.length \(16 frames per video\), but got 17\n$/ },
  { name: 'late: T longer than the videos on disk', argv: (d) => ['run', write(d, 'c.yaml', framesConfig()), '--set', 'model.frames=21', '--out', join(d, 'out')], code: 2, message: /c\.yaml: model\.frames must be at most the longest training video \(20 frames\) so that a T-frame window fits, but got 21\n.*c\.yaml: model\.frames must leave scored frames in every test video with evaluation\.edgePolicy "drop" .*, but got 21 for test videos .*\n$/ },
  { name: 'late: test labels of one class only (AUC impossible, was found after training)', argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'zeros.npy', npyUint8([40], new Uint8Array(40))))} }`)), '--out', join(d, 'out')], code: 2, message: /c\.yaml: data must give scored test frames of both classes for an AUC, but all 36 scored frames of 2 test video\(s\) are normal \(labels: .*zeros\.npy\)\n$/ },
  { name: 'late: report.baseline naming no trial (was silently the first row)', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--set', 'report.baseline=nonee', '--out', join(d, 'out')], code: 2, message: /c\.yaml: report\.baseline must be a trial label or group of this experiment \(c\) or a prefix of one, but got "nonee"\n$/ },
  { name: 'late: a real dataset without data.root or VAD_DATA_ROOT (names the config file)', argv: (d) => ['run', write(d, 'c.yaml', framesConfig().replace(`root: ${JSON.stringify(frames)}, `, '')), '--out', join(d, 'out')], code: 2, message: /c\.yaml: data\.root must name the frames dataset folder \(or set VAD_DATA_ROOT\), but got nothing\n$/, skip: () => (process.env.VAD_DATA_ROOT === undefined ? null : 'VAD_DATA_ROOT is set') },
  { name: 'late: data.scene matching no video', argv: (d) => ['run', write(d, 'c.yaml', tiny()), '--set', 'data.scene="07"', '--out', join(d, 'out')], code: 2, message: /c\.yaml: data\.scene must be one of 01, but got "07"\n$/ },
  { name: 'late: vad eval --data of another frame size than the model', argv: (d) => ['eval', trained, '--data', write(d, 'd.yaml', 'data: { height: 32, width: 32 }\n'), '--out', join(d, 'out')], code: 2, message: /d\.yaml: data\.height must be the trained model's height 16, but got 32\n.*d\.yaml: data\.width must be the trained model's width 16, but got 32\n$/ },
  { name: 'late: vad eval --set evaluation.patchSize=1000', argv: (d) => ['eval', trained, '--set', 'evaluation.patchSize=1000', '--out', join(d, 'out')], code: 2, message: /--set: evaluation\.patchSize must be at most the frame size 16×16 .*, but got 1000\n$/ },
  { name: 'late: tracks-json boxes in pixels, not normalised', argv: (d) => ['run', write(d, 'c.yaml', framesConfig().replace('masks: { type: random-box }', `masks: { type: tracks-json, file: ${JSON.stringify(write(d, 'boxes.json', JSON.stringify({ 'x/train_00/0001.png': { 1: { box: [2, 3, 9, 12] } } })))} }`)), '--out', join(d, 'out')], code: 2, message: /boxes\.json: "x\/train_00\/0001\.png"\.1\.box must be \[x0, y0, x1, y1\] normalised to the frame size \(0…1\), but got \[2,3,9,12\] \(pixel coordinates\?\)\n$/ },
  { name: 'late: tracks-json for other videos than the training set', argv: (d) => ['run', write(d, 'c.yaml', framesConfig().replace('masks: { type: random-box }', `masks: { type: tracks-json, file: ${JSON.stringify(write(d, 'boxes.json', JSON.stringify({ 'x/Train001/0001.jpg': { 1: { box: [0.1, 0.1, 0.5, 0.5] } } })))} }`)), '--out', join(d, 'out')], code: 2, message: /boxes\.json: data\.masks boxes must be keyed by the training video folders \(.*\), but the file has folders Train001\n$/ },

  // 4. Labels must be exactly 0/1 (or booleans), in every reader.
  ...[2, -1, 0.5].map((bad): Case => ({
    name: `labels: frame label ${bad} in a .npy (was counted as anomalous)`,
    argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'l.npy', npyF8(twoClasses(40).map((v, i) => (i === 27 ? bad : v)))))} }`)), '--out', join(d, 'out')],
    code: 2,
    message: new RegExp(`l\\.npy: label of video \\S+ frame 7 \\(0-based\\) must be 0 or 1, but got ${String(bad).replace('.', '\\.')}\\n$`),
  })),
  { name: 'labels: uint8 label 2 in frame_labels_*.npy', argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'u.npy', npyUint8([40], Uint8Array.from(twoClasses(40), (v, i) => (i === 3 ? 2 : v)))))} }`)), '--out', join(d, 'out')], code: 2, message: /u\.npy: label of video \S+ frame 3 \(0-based\) must be 0 or 1, but got 2\n$/ },
  { name: 'labels: .mat gt range past the video', argv: (d) => ['run', write(d, 'c.yaml', framesConfig(`, labels: { file: ${JSON.stringify(write(d, 'g.mat', gtMat([Uint8Array.from({ length: 25 }, (_, i) => (i >= 4 ? 1 : 0)), Uint8Array.of(1, 1)])))} }`)), '--out', join(d, 'out')], code: 2, message: /g\.mat gt\{1\}: frame range must lie in \[1, 20\], but got \[5, 25\]\n$/ },
  { name: 'labels: ShanghaiTech test_frame_mask with a 2', argv: (d) => ['run', write(d, 'c.yaml', framesConfig().replace('type: frames', 'type: shanghaitech').replace(JSON.stringify(frames), JSON.stringify(shanghaitech(d, 2)))), '--out', join(d, 'out')], code: 2, message: /test_frame_mask\/01_001\.npy: label of video 01_001 frame 4 \(0-based\) must be 0 or 1, but got 2\n$/ },
  ...['[1.5:3]', '[-1:5]', '[2:4, x]'].map((range): Case => ({
    name: `labels: UCSDped2.m range ${range} (was read as a different range)`,
    argv: async (d) => ['run', write(d, 'c.yaml', framesConfig().replace('type: frames', 'type: ped2').replace(JSON.stringify(frames), JSON.stringify(await ucsd(d, `TestDataset = {};\nTestDataset.gt_frame{1} = ${range};\n`)))), '--out', join(d, 'out')],
    code: 2,
    message: /UCSDped2\.m:2: gt_frame\{1\} items must be frame numbers or ranges a:b of positive integers, but got ".*"\n$/,
  })),
  { name: 'labels: scores CSV label 2 (vad metrics)', argv: (d) => ['metrics', '--scores', write(d, 's.csv', 'video,frame,score,label\nv,0,0.5,1\nv,1,0.2,2\n')], code: 2, message: /s\.csv:3: label must be 0 or 1 \(or true\/false\), but got "2"\n$/ },

  // 5. One run per output folder: a live holder is named, nothing is written.
  { name: 'lock: second vad run into a folder in use', argv: (d) => (holdLock(join(d, 'out')), ['run', write(d, 'c.yaml', tiny()), '--out', join(d, 'out')]), code: 2, message: new RegExp(`^vad run: .*out: the folder must not be in use by another vad run, but it is locked by pid ${process.pid} on .* \\(corpus holder\\); wait for it to finish or stop it\\n$`) },
  { name: 'lock: vad train --trial on a trial in use', argv: async (d) => { const file = write(d, 'c.yaml', tiny()); holdLock(join(d, 'out', (await loadExperiment(file, {}, sectionSchemas)).trials[0]?.id ?? '')); return ['train', file, '--out', join(d, 'out')]; }, code: 2, message: /^vad train: trial c-[0-9a-f]{8}-seed0: the folder must not be in use by another vad run, but it is locked by pid \d+ .*\n$/ },

  // 6. Config composition.
  { name: 'config: empty file (was a full default run)', argv: (d) => ['run', write(d, 'empty.yaml', ''), '--out', join(d, 'out')], code: 2, message: /empty\.yaml: top level must be a mapping of sections \(data, model, …\), but got an empty file\n$/ },
  { name: 'config: comments only', argv: (d) => ['run', write(d, 'c.yaml', '# nothing yet\n'), '--out', join(d, 'out')], code: 2, message: /c\.yaml: top level must be a mapping of sections .*, but got an empty file\n$/ },
  { name: 'config: ~', argv: (d) => ['run', write(d, 'null.yaml', '~\n'), '--out', join(d, 'out')], code: 2, message: /null\.yaml: top level must be a mapping of sections .*, but got null \(~\)\n$/ },
  { name: 'config: an empty base in extends', argv: (d) => (write(d, 'base.yaml', ''), ['run', write(d, 'c.yaml', `extends: ./base.yaml\n${tiny()}`), '--out', join(d, 'out')]), code: 2, message: /base\.yaml: top level must be a mapping of sections .*, but got an empty file\n$/ },
  { name: 'config: name escaping the output folder', argv: (d) => ['run', write(d, 'c.yaml', tiny('name: ../../escape')), '--out', join(d, 'out')], code: 2, message: /c\.yaml: name must be a folder name of letters, digits, "\.", "_" and "-" starting with a letter or digit \(no "\/", no leading "\."\), but got "\.\.\/\.\.\/escape"\n$/ },
];

/** A checkpoint cut `extra` bytes into its weights (after the JSON header). */
function cutAfterHeader(bytes: Buffer, extra: number): Buffer {
  return bytes.subarray(0, 12 + bytes.readUInt32LE(8) + extra);
}

/** A copy of the trained trial folder, changed by `edit` (the original stays intact for other cases). */
function copyTrial(dir: string, edit: (trial: string) => void): string {
  const copy = join(dir, 'trial');
  mkdirSync(copy);
  for (const name of ['config.json', 'model.ckpt']) writeFileSync(join(copy, name), readFileSync(join(trained, name)));
  edit(copy);
  return copy;
}

/** An experiment folder with one finished-looking trial, changed by `edit`. */
function copyExperiment(dir: string, edit: (trial: string) => void): string {
  const exp = join(dir, 'exp');
  const trial = join(exp, 'trial');
  mkdirSync(trial, { recursive: true });
  for (const name of ['config.json', 'trial.json', 'metrics.json', 'done.json']) writeFileSync(join(trial, name), readFileSync(join(trained, name)));
  edit(trial);
  return exp;
}

/** A level-5 MAT header followed by random bytes. */
function matWithJunk(): Uint8Array {
  const out = Buffer.from(junk('', 512));
  out.fill(0x20, 0, 126);
  out.write('MATLAB 5.0 MAT-file', 0, 'latin1');
  out.write('IM', 126, 'latin1');
  out.writeUInt32LE(14, 128); // miMATRIX …
  out.writeUInt32LE(200, 132); // … of 200 bytes of junk
  return out;
}

/** The frames fixture in the ShanghaiTech layout (ids as folders, test_frame_mask per video), with `bad` at frame 4 of the first test video. */
function shanghaitech(dir: string, bad: number): string {
  const first = readdirSync(join(frames, 'testing/frames')).sort()[0];
  const sht = join(dir, 'sht');
  for (const split of ['training/frames', 'testing/frames']) {
    for (const video of readdirSync(join(frames, split))) {
      if (!statSync(join(frames, split, video)).isDirectory()) continue;
      for (const f of readdirSync(join(frames, split, video))) write(join(sht, split, video), f, readFileSync(join(frames, split, video, f)));
    }
  }
  for (const video of readdirSync(join(frames, 'testing/frames'))) {
    write(sht, `testing/test_frame_mask/${video}.npy`, npyUint8([20], Uint8Array.from(twoClasses(20), (v, i) => (video === first && i === 4 ? bad : v))));
  }
  return sht;
}

const locks: Array<{ release(): void }> = [];
function holdLock(dir: string): void {
  locks.push(acquireRunLock(dir, 'corpus', 'corpus holder'));
}

/** Every file under `dir` (relative paths), to show that a case wrote nothing. */
function listing(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return (readdirSync(dir, { recursive: true }) as string[]).sort();
}

async function vad(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  let [out, err] = ['', ''];
  const o = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => ((out += String(chunk)), true));
  const e = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => ((err += String(chunk)), true));
  try {
    return { code: await main(argv), out, err };
  } finally {
    o.mockRestore();
    e.mockRestore();
  }
}

describe(`bad-input corpus (${cases.length} inputs): exit code, one house-form message, no stack, nothing written`, () => {
  beforeAll(async () => {
    const dataset = createSyntheticDataset(syntheticOptionsSchema.parse({ version: 1, scenes: 1, trainVideos: 1, testVideos: 2, length: 20, density: 2, difficulty: 0, seed: 1 }), { height: 16, width: 16, channels: 1 });
    await writeFramesDataset(dataset, frames);
    write(frames, `frame_labels_synthetic.npy`, npyUint8([40], Uint8Array.from([...twoClasses(20), ...twoClasses(20)])));
    mkdirSync(clip);
    for (let i = 0; i < 4; i++) await sharp(Buffer.alloc(16 * 16, 50 * i), { raw: { width: 16, height: 16, channels: 1 } }).png().toFile(join(clip, `${i}.png`));
    const config = write(root, 'trained.yaml', tiny());
    const experiment = await loadExperiment(config, {}, sectionSchemas);
    const result = await vad(['train', config, '--out', join(root, 'exp')]);
    expect(result.code, result.err).toBe(0);
    const id = experiment.trials[0]?.id ?? '';
    mkdirSync(trained);
    for (const name of ['config.json', 'model.ckpt', 'trial.json', 'metrics.json', 'done.json']) writeFileSync(join(trained, name), readFileSync(join(root, 'exp', id, name)));
  }, 120_000);
  afterAll(() => {
    for (const lock of locks) lock.release();
  });

  it.each(cases.map((c, i) => [i + 1, c.name, c] as const))('%i. %s', async (index, _name, c) => {
    const dir = join(root, `case-${index}`);
    mkdirSync(dir);
    const argv = await c.argv(dir);
    const reason = c.skip?.(dir) ?? null;
    if (reason !== null) return void console.log(`case ${index} skipped: ${reason}`);
    const before = listing(root);
    const { code, out, err } = await vad(argv);
    expect(err, `stderr of: vad ${argv.join(' ')}`).toMatch(c.message);
    expect(code).toBe(c.code);
    expect(err).not.toMatch(/\n\s+at |Error:/); // no stack trace, no error class names
    expect(err).not.toContain(bugNotice);
    expect(out).not.toMatch(/epoch \d|frames scored|wrote /); // no work done
    expect(listing(root)).toEqual(before); // nothing written
  });
});

describe('error output', () => {
  it('prints a user error alone, a file-system refusal as one line, and a bug with its stack and where to report it', () => {
    expect(describeFailure(new UserError('x.yaml: trainer.epochs must be a positive integer, but got -5'))).toEqual({ code: 2, text: 'x.yaml: trainer.epochs must be a positive integer, but got -5\n' });
    expect(describeFailure(new UserError('stopped', 130)).code).toBe(130);
    const refused = Object.assign(new Error("EROFS: read-only file system, open '/mnt/ro/metrics.json'"), { code: 'EROFS', syscall: 'open', path: '/mnt/ro/metrics.json' });
    expect(describeFailure(refused)).toEqual({ code: 2, text: '/mnt/ro/metrics.json: must be accessible to vad (open), but got EROFS (read-only file system)\n' });
    const bug = describeFailure(new TypeError("Cannot read properties of undefined (reading 'map')"));
    expect(bug.code).toBe(1);
    expect(bug.text).toMatch(/^TypeError: Cannot read properties of undefined \(reading 'map'\)\n\s+at /);
    expect(bug.text.endsWith(`${bugNotice}\n`)).toBe(true);
    expect(bugNotice).toMatch(/this is a bug in vad.*report it.*CONTRIBUTING\.md/);
  });
});
