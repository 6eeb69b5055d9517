import { describe, expect, it, vi } from 'vitest';
import { main } from '../cli';
import { defaultBenchThreads } from './bench';

describe('vad bench --threads', () => {
  it('defaults to min(2, cores), and to 1 with micro-batches', () => {
    expect(defaultBenchThreads(1, 2)).toBe(2);
    expect(defaultBenchThreads(1, 16)).toBe(2);
    expect(defaultBenchThreads(1, 1)).toBe(1);
    expect(defaultBenchThreads(2, 16)).toBe(1);
  });

  it('rejects a thread count that is not a positive integer with a UserError (exit 2)', async () => {
    const err: string[] = [];
    const o = vi.spyOn(process.stdout, 'write').mockImplementation(() => true);
    const e = vi.spyOn(process.stderr, 'write').mockImplementation((c: string | Uint8Array) => (err.push(String(c)), true));
    try {
      expect(await main(['bench', '--backend', 'cpu', '--threads', '0'])).toBe(2);
    } finally {
      o.mockRestore();
      e.mockRestore();
    }
    expect(err.join('')).toContain('vad bench: --threads must be a positive integer, but got 0');
  });
});
