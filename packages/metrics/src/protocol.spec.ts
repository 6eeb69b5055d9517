import { describe, expect, it } from 'vitest';
import { evaluationProtocolSchema, parseEvaluationProtocol } from './protocol';

describe('evaluationProtocolSchema', () => {
  it('fills every default', () => {
    expect(evaluationProtocolSchema.parse({})).toEqual({
      scorer: 'patch-max',
      patchSize: 16,
      psnrPeak: 1,
      normalization: 'none',
      smoothing: { type: 'none' },
      edgePolicy: 'drop',
      auc: 'micro',
      aggregation: 'pooled',
    });
    expect(evaluationProtocolSchema.parse({ smoothing: { type: 'median' } }).smoothing).toEqual({ type: 'median', window: 17 });
    expect(evaluationProtocolSchema.parse({ smoothing: { type: 'gaussian' } }).smoothing).toEqual({ type: 'gaussian', sigma: 3 });
  });

  it('is strict and reports every issue at once with its path', () => {
    let message = '';
    try {
      parseEvaluationProtocol({ smoothing: { type: 'median', window: 16 }, patchSize: 15, colour: 'red' }, 'run.yaml: metrics');
    } catch (error) {
      message = (error as Error).message;
    }
    const lines = message.split('\n');
    expect(lines).toHaveLength(3);
    expect(lines.some((line) => /^run\.yaml: metrics\.smoothing\.window: must be odd$/.test(line))).toBe(true);
    expect(lines.some((line) => /^run\.yaml: metrics\.patchSize: must be even$/.test(line))).toBe(true);
    expect(lines.some((line) => /^run\.yaml: metrics: .*colour/.test(line))).toBe(true);
  });

  it('rejects unknown choices', () => {
    expect(() => parseEvaluationProtocol({ normalization: 'z-score' })).toThrow(/^evaluationProtocol\.normalization: .*per-video-minmax/);
  });
});
