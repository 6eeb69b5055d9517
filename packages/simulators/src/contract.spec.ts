import { describeSimulatorContract } from '../test-support/contract-suite';
import { createSimulator } from './create-simulator';
import { simulatorRegistry } from './registry';

// The contract (test-support/contract-suite.ts) for every built-in; the example plugin runs the same
// suite where plugins are loaded (experiments/src/plugins/example-plugin.spec.ts). Options only where
// the defaults would leave a case untestable.
const overrides: Record<string, Record<string, unknown>> = {
  'reversed-frames': { strides: [1, 2, 3] }, // plain reversal has no random choice; strides give seeds something to change
  'random-patch': { minSize: 2 }, // the 10 px default fills a 16 px test frame's ~6 px object box completely
  mixture: {
    components: [
      { probability: 0.5, simulator: { type: 'weighted-noise' } },
      { probability: 0.5, simulator: { type: 'random-patch' } },
    ],
  },
};

for (const [type, spec] of Object.entries(simulatorRegistry)) {
  describeSimulatorContract(`simulator contract: ${type}`, () => ({ spec, build: () => createSimulator({ type, ...overrides[type], p: 1 }) }));
}
