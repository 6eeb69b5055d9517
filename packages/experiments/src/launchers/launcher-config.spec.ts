import { describe, expect, it } from 'vitest';
import { parseLauncher } from './launcher-config';

describe('parseLauncher', () => {
  it('defaults to the local launcher and fills every SLURM option', () => {
    const result = parseLauncher('x.yaml', undefined);
    expect(result).toEqual({
      ok: true,
      value: {
        type: 'local',
        slurm: { partition: null, time: null, cpusPerTask: null, mem: null, gpusPerTask: null, parallelism: null, account: null, qos: null, extra: [], setup: [], node: null, requeue: true, timeoutRequeues: 3, signalSeconds: 120 },
      },
    });
  });

  it('takes the launcher name alone, and lays flags over the YAML (extra lines appended)', () => {
    const result = parseLauncher('x.yaml', { type: 'local', slurm: { partition: 'cpu', time: 60, extra: ['--constraint=a100'] } }, { type: 'slurm', slurm: { partition: 'gpu', extra: ['--exclusive'] } });
    expect(result.ok && result.value.type).toBe('slurm');
    expect(result.ok && result.value.slurm).toMatchObject({ partition: 'gpu', time: 60, extra: ['--constraint=a100', '--exclusive'] });
    expect(parseLauncher('x.yaml', 'slurm')).toMatchObject({ ok: true, value: { type: 'slurm' } });
  });

  it('reports every problem at once, in the house form', () => {
    const result = parseLauncher('x.yaml', { type: 'pbs', slurm: { time: '1:2:3:4', mem: '4X', parallelism: 0, gpus: 1 } });
    expect(result.ok ? [] : result.problems.map((p) => `${p.file}: ${p.path} ${p.message}`)).toEqual([
      'x.yaml: launcher.type must be one of "local", "slurm", but got "pbs"',
      'x.yaml: launcher.slurm.time must be minutes or a SLURM time such as 90, 2:30:00 or 1-12:00:00, but got "1:2:3:4"',
      'x.yaml: launcher.slurm.mem must be a SLURM memory size such as 16G or 4000M, but got "4X"',
      'x.yaml: launcher.slurm.parallelism must be a positive integer, but got 0',
      'x.yaml: launcher.slurm.gpus unknown key; allowed: partition, time, cpusPerTask, mem, gpusPerTask, parallelism, account, qos, extra, setup, node, requeue, timeoutRequeues, signalSeconds',
    ]);
  });
});
