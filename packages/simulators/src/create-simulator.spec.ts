import { describe, expect, it } from 'vitest';
import { UserError } from '@vad/core';
import { createSimulator, parseSimulatorConfig } from './create-simulator';
import { describeSimulators } from './describe-simulators';
import { simulatorRegistry } from './registry';

describe('createSimulator', () => {
  it('builds every built-in from its type alone, with defaults filled in', () => {
    for (const type of Object.keys(simulatorRegistry)) expect(createSimulator({ type }).type).toBe(type);
    expect(parseSimulatorConfig({ type: 'random-patch' }).options).toEqual({ type: 'random-patch', alpha: 0.5, minSize: 10, beta: 10, blend: 'smoothmix-box', intruder: 'batch', p: 1 });
    expect(parseSimulatorConfig({ type: 'skipped-frames' }).options).toEqual({ type: 'skipped-frames', strides: [2, 3, 4, 5], anchor: 'start', p: 1 });
  });

  it('names the known types for an unknown one', () => {
    expect(() => createSimulator({ type: 'perlin_noise' })).toThrow(
      'simulator.type: unknown simulator "perlin_noise"; known: duplicate-frames, foreign-shapes, frame-fusion, mixture, perlin, random-patch, reversed-frames, skipped-frames, weighted-noise',
    );
    expect(() => createSimulator({ alpha: 1 })).toThrow('simulator.type must be a string naming a simulator, but got undefined');
    expect(() => createSimulator('perlin')).toThrow(UserError);
  });

  it('reports every option issue at once, one line each, with dotted paths', () => {
    const config = { type: 'random-patch', alpha: 2, minSize: 1.5, blend: 'smooth', colour: 'red' };
    let message = '';
    try {
      createSimulator(config, { where: 'configs/a.yaml: simulator' });
    } catch (error) {
      expect(error).toBeInstanceOf(UserError);
      message = (error as Error).message;
    }
    expect(message.split('\n')).toEqual([
      'configs/a.yaml: simulator.alpha must be a number in (0, 1], but got 2',
      'configs/a.yaml: simulator.minSize must be an integer ≥ 1, but got 1.5',
      'configs/a.yaml: simulator.blend must be one of "cutmix", "smoothmix-box", "smoothmix-gaussian", "mixup", but got "smooth"',
      'configs/a.yaml: simulator.colour: unknown key; allowed: type, alpha, minSize, beta, blend, intruder, p',
    ]);
    expect(() => createSimulator({ type: 'skipped-frames', strides: [1, 3] })).toThrow('simulator.strides[0] must be an integer ≥ 2, but got 1');
    expect(() => createSimulator({ type: 'skipped-frames', strides: [] })).toThrow('simulator.strides must be a non-empty list whose items are an integer ≥ 2, but got array of length 0');
  });

  it('lists every simulator with a one-line description', () => {
    const list = describeSimulators();
    expect(list.map((entry) => entry.name)).toEqual(Object.keys(simulatorRegistry));
    expect(list.every((entry) => entry.description.length > 10 && !entry.description.includes('\n'))).toBe(true);
  });
});
