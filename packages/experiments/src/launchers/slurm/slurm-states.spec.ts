import { describe, expect, it } from 'vitest';
import { isActive, launcherState, parseSacct, parseSqueue } from './slurm-states';

describe('SLURM states', () => {
  it('maps squeue/sacct states to launcher states', () => {
    expect(['PENDING', 'REQUEUED', 'RUNNING', 'COMPLETING', 'COMPLETED', 'CANCELLED by 0', 'TIMEOUT', 'OUT_OF_MEMORY', 'NODE_FAIL', 'PREEMPTED'].map(launcherState)).toEqual([
      'queued', 'queued', 'running', 'running', 'done', 'cancelled', 'failed', 'failed', 'failed', 'failed',
    ]);
    expect(isActive('PENDING')).toBe(true);
    expect(isActive('COMPLETED')).toBe(false);
  });

  it('parses squeue -r lines by array task and skips lines of non-array jobs', () => {
    const tasks = parseSqueue('12|0|RUNNING|None\n12|1|PENDING|JobArrayTaskLimit\n13|N/A|PENDING|Dependency\n\n');
    expect([...tasks]).toEqual([
      ['12_0', { state: 'RUNNING', reason: 'None' }],
      ['12_1', { state: 'PENDING', reason: 'JobArrayTaskLimit' }],
    ]);
  });

  it('parses sacct -P lines, skipping pending ranges and job steps', () => {
    const tasks = parseSacct('12_0|COMPLETED|0:0\n12_1|CANCELLED by 0|0:15\n12_[2-3]|PENDING|0:0\n12_0.batch|COMPLETED|0:0\n');
    expect([...tasks]).toEqual([
      ['12_0', { state: 'COMPLETED', reason: 'exit 0:0' }],
      ['12_1', { state: 'CANCELLED by 0', reason: 'exit 0:15' }],
    ]);
  });
});
