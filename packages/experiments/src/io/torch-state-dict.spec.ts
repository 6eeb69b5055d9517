import { inferOfficialArchitecture, officialToWeights, UserError, weightsToOfficial } from '@vad/core';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { goldenDir } from '../parity/golden-fixtures';
import { officialStateDictBytes, readOfficialModel } from './official-checkpoint';
import { decodeStateDict, encodeStateDict } from './torch-state-dict';
import { readZip, writeZip } from './zip-archive';

// The .pt files under parity/__fixtures__ were written by torch.save (PyTorch 1.13) from the
// official models; tools/parity/export_golden.py made them.
const c3dsu = new Uint8Array(readFileSync(join(goldenDir, 'c3dsu', 'state-initial.pt')));
const unet = new Uint8Array(readFileSync(join(goldenDir, 'unet', 'state-initial.pt')));

describe('PyTorch state dicts (torch.save zip format)', () => {
  it('decodes a genuine torch.save file: keys in order, shapes, float32 values and int64 counters', () => {
    const state = decodeStateDict(c3dsu, 'c3dsu.pt');
    const keys = [...state.keys()];
    expect(keys.length).toBe(152);
    expect(keys.slice(0, 3)).toEqual(['module.encoder.conv_1.convs.0.weight', 'module.encoder.conv_1.convs.0.bias', 'module.encoder.conv_1.convs.1.weight']);
    expect(state.get('module.encoder.conv_1.convs.2.weight')?.shape).toEqual([1, 3, 7, 7]);
    expect(state.get('module.conv4.weight')?.shape).toEqual([8, 8, 3, 3, 3]);
    expect(state.get('module.encoder.conv_1.batch_norm_1.num_batches_tracked')).toEqual({ shape: [], dtype: 'int64', values: Float32Array.of(0) });
    expect(state.get('module.encoder.conv_1.batch_norm_1.running_var')?.values.every((v) => v === 1)).toBe(true);
  });

  it('encodes tensors so that decoding gives them back (the zip writer round-trips its records)', () => {
    const state = decodeStateDict(unet, 'unet.pt');
    const again = decodeStateDict(encodeStateDict(state), 'again.pt');
    expect([...again.keys()]).toEqual([...state.keys()]);
    for (const [k, v] of state) expect(again.get(k)).toEqual(v);
    const entries = readZip(writeZip([{ name: 'archive/a', data: Uint8Array.of(1, 2, 3) }, { name: 'archive/version', data: new TextEncoder().encode('3\n') }]), 'x');
    expect(entries.map((e) => [e.name, Array.from(e.data)])).toEqual([['archive/a', [1, 2, 3]], ['archive/version', [51, 10]]]);
  });

  it('reports files that are not zip state dicts in one line naming the file', () => {
    expect(() => decodeStateDict(Uint8Array.of(0x80, 2, 0x8a, 10), 'old.pt')).toThrow(/old.pt: must be saved in PyTorch's zip format/);
    expect(() => decodeStateDict(new TextEncoder().encode('not a zip'), 'x.p')).toThrow(UserError);
    const pickle = Uint8Array.of(0x80, 2, 0x63, ...new TextEncoder().encode('os\nsystem\n'), 0x2e); // a code-running global
    expect(() => decodeStateDict(writeZip([{ name: 'a/data.pkl', data: pickle }]), 'evil.pt')).toThrow('evil.pt: pickle may only use state-dict globals (OrderedDict, tensors, storages), but got os.system');
  });
});

describe('official weights ⇄ ours', () => {
  it('reads the architecture of both official models from their keys and shapes', () => {
    expect(inferOfficialArchitecture(decodeStateDict(c3dsu, 'c'))).toEqual({ type: 'c3dsu', latent: 8, channels: 3, frames: 3, kernels: [3, 5, 7] });
    expect(inferOfficialArchitecture(decodeStateDict(unet, 'u'))).toEqual({ type: 'unet', latent: 8, channels: 3, frames: 1, kernels: [3, 5, 7] });
  });

  it('maps every official value to exactly one of ours and back (a permutation), with or without module.', () => {
    for (const bytes of [c3dsu, unet]) {
      const state = decodeStateDict(bytes, 'x');
      const arch = inferOfficialArchitecture(state);
      const ours = officialToWeights(state, arch);
      const oursCount = ours.reduce((s, r) => s + r.values.length, 0);
      const officialCount = [...state].filter(([k]) => !k.endsWith('num_batches_tracked')).reduce((s, [, v]) => s + v.values.length, 0);
      expect(oursCount).toBe(officialCount);
      const back = weightsToOfficial(ours, arch);
      for (const [k, v] of state) expect(back.get(k.replace(/^module\./, ''))?.values).toEqual(v.values);
      const bytesBack = officialStateDictBytes(ours, arch, k(bytes));
      expect([...decodeStateDict(bytesBack, 'back').keys()]).toEqual([...state.keys()]);
    }
    function k(bytes: Uint8Array): boolean {
      return [...decodeStateDict(bytes, 'x').keys()][0]?.startsWith('module.') ?? false;
    }
  });

  it('rejects a state dict of another shape or with keys nothing uses', () => {
    const state = decodeStateDict(c3dsu, 'c');
    const arch = inferOfficialArchitecture(state);
    expect(() => officialToWeights(state, { ...arch, latent: 16 })).toThrow(/"encoder.conv_1.convs.0.weight" must have shape \[2, 3, 3, 3\], but got \[1, 3, 3, 3\]/);
    const extra = new Map([...state, ['module.head.weight', { shape: [1], dtype: 'float32' as const, values: Float32Array.of(1) }]]);
    expect(() => readOfficialModel(encodeStateDict(extra), 'extra.p', { height: 32, width: 32 })).toThrow('extra.p: state dict key "head.weight" must belong to the official c3dsu, but nothing uses it');
  });
});
