import * as tf from '@tensorflow/tfjs';
import { beforeAll, describe, expect, it } from 'vitest';
import { UserError } from '../errors';
import { createRng } from '../rng';
import { loadCheckpointWeights, recordOf, type Checkpoint } from './checkpoint';
import { decodeCheckpoint, encodeCheckpoint } from './checkpoint-codec';
import { createTinyModel } from '../../test-support/fixtures';

beforeAll(async () => {
  await tf.setBackend('cpu');
});

const geometry = { frames: 3, height: 4, width: 4, channels: 3 };

function checkpointOf(hidden: number, extra: Partial<Checkpoint> = {}): Checkpoint {
  const model = createTinyModel(geometry, createRng(1), hidden);
  return {
    version: 1,
    model: { type: model.type, geometry },
    step: 5,
    epoch: 2,
    stepsPerEpoch: 2,
    weights: model.variables().map((v) => recordOf(v.name, v.variable)),
    logit: -0.123456789,
    sigma: 0.47,
    optimizer: {
      model: [{ name: 'conv1.bias', step: 5, shape: [hidden], m: new Float32Array(hidden).fill(0.5), v: new Float32Array(hidden).fill(1.5) }],
      logit: [{ name: 'ddl.logit', step: 4, shape: [], m: Float32Array.of(0.1), v: Float32Array.of(1e-30) }],
    },
    rng: { simulator: createRng(1).fork('simulator').state(), schedule: createRng(1).fork('schedule').state(), shuffleSeed: 42 },
    schedule: { type: 'learned', state: { calls: [1, 'a', null] }, history: [{ step: 4, sigma: 0.5, lDist: 1.1, p: 0.2, n: 0.3, lRecon: 0.05 }] },
    config: { model: { type: 'tiny' }, seed: 1 },
    ...extra,
  };
}

describe('encodeCheckpoint / decodeCheckpoint', () => {
  it('round-trips every field bit-exactly', () => {
    const c = checkpointOf(4);
    const decoded = decodeCheckpoint(encodeCheckpoint(c));
    expect(decoded).toEqual(c);
    expect(decoded.weights.map((w) => w.name)).toContain('bn1.runningVar');
  });

  it('writes magic, header length and little-endian float32 data', () => {
    const c = checkpointOf(4, { weights: [{ name: 'w', shape: [2], values: Float32Array.of(1.5, -2) }], optimizer: { model: [], logit: [] } });
    const bytes = encodeCheckpoint(c);
    expect(new TextDecoder().decode(bytes.subarray(0, 8))).toBe('VADCKPT1');
    const length = new DataView(bytes.buffer).getUint32(8, true);
    const start = Math.ceil((12 + length) / 4) * 4;
    expect(bytes.length).toBe(start + 8);
    expect(Array.from(bytes.subarray(start))).toEqual([0x00, 0x00, 0xc0, 0x3f, 0x00, 0x00, 0x00, 0xc0]); // 1.5, −2
    // works from an unaligned view too (e.g. a pooled Node Buffer)
    const shifted = new Uint8Array(bytes.length + 1);
    shifted.set(bytes, 1);
    expect(decodeCheckpoint(shifted.subarray(1)).weights[0]!.values).toEqual(Float32Array.of(1.5, -2));
  });

  it('rejects foreign or truncated bytes with a UserError', () => {
    expect(() => decodeCheckpoint(new TextEncoder().encode('PK\u0003\u0004 not ours'))).toThrow(
      new UserError('decodeCheckpoint: bytes must start with "VADCKPT1", but got "PK\\u0003\\u0004 not"'),
    );
    const bytes = encodeCheckpoint(checkpointOf(4));
    expect(() => decodeCheckpoint(bytes.subarray(0, bytes.length - 8))).toThrow(/decodeCheckpoint: tensor data must lie inside the \d+ stored floats, but got/);
    // cut inside the JSON header (a copy interrupted early): still a UserError, never a SyntaxError
    expect(() => decodeCheckpoint(bytes.subarray(0, 40))).toThrow(new UserError('decodeCheckpoint: header must hold its ' + new DataView(bytes.buffer).getUint32(8, true) + ' bytes, but the file ends after 28 (truncated)'));
    const empty = new Uint8Array(16);
    empty.set(new TextEncoder().encode('VADCKPT1'));
    new DataView(empty.buffer).setUint32(8, 4, true);
    empty.set(new TextEncoder().encode('{"a'), 12);
    expect(() => decodeCheckpoint(empty)).toThrow(/^decodeCheckpoint: header must be JSON, but /);
    empty.set(new TextEncoder().encode('{ } '), 12);
    expect(() => decodeCheckpoint(empty)).toThrow(/^decodeCheckpoint: version must be 1, but got undefined/);
  });
});

describe('loadCheckpointWeights', () => {
  it('assigns weights by name', () => {
    const c = checkpointOf(4);
    const model = createTinyModel(geometry, createRng(2));
    loadCheckpointWeights(model, c);
    expect(model.variables().map((v) => Array.from(v.variable.dataSync()))).toEqual(c.weights.map((w) => Array.from(w.values)));
  });

  it('names the first mismatch and assigns nothing', () => {
    const model = createTinyModel(geometry, createRng(2));
    const before = model.variables().map((v) => Array.from(v.variable.dataSync()));
    expect(() => loadCheckpointWeights(model, checkpointOf(8))).toThrow(
      new UserError('loadCheckpoint: weight "conv1.kernel" must have shape [3,3,9,4], but got [3,3,9,8]'),
    );
    const c = checkpointOf(4);
    expect(() => loadCheckpointWeights(model, { ...c, weights: c.weights.slice(1) })).toThrow(
      'loadCheckpoint: weight "conv1.kernel" of model tiny must be in the checkpoint, but got none (checkpoint of model tiny)',
    );
    expect(() => loadCheckpointWeights(model, { ...c, weights: [...c.weights, { name: 'head.w', shape: [1], values: Float32Array.of(0) }] })).toThrow(
      'loadCheckpoint: checkpoint weight "head.w" must exist in model tiny, but got no such weight',
    );
    expect(model.variables().map((v) => Array.from(v.variable.dataSync()))).toEqual(before);
  });
});
