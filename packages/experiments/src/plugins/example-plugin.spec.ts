import { fileURLToPath } from 'node:url';
import { describeSimulatorContract } from '../../../simulators/test-support/contract-suite';
import { createSimulatorFromConfig, resolveSimulatorSpec } from './load-simulator';

// The simulator contract (the same suite simulators/src/contract.spec.ts runs on every built-in) for
// the example plugin, loaded the way a config names it: by path, through the plugin loader (no import
// edge from a package into examples/).
const root = fileURLToPath(new URL('../../../../', import.meta.url));
const example = './examples/plugins/scanline-glitch.ts';

describeSimulatorContract('simulator contract: scanline-glitch (the example plugin)', async () => {
  const spec = await resolveSimulatorSpec(example, root);
  const simulator = await createSimulatorFromConfig({ type: example, p: 1 }, root);
  return { spec, build: () => simulator };
});
