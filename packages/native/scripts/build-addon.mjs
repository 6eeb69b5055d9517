// Install step of @vad/native: builds the oneDNN addon with node-gyp when oneDNN's headers and a
// compiler are there, and otherwise leaves the package unbuilt with one line saying why (the addon
// is optional: `backend: auto` then falls back to wasm and prints how to enable it; that advice is
// written once, in @vad/core's backend.ts). VAD_NATIVE_REQUIRED=1 makes a failed build fail the
// install (CI, where libdnnl-dev is installed on purpose).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const required = process.env.VAD_NATIVE_REQUIRED === '1';

function skip(reason) {
  const line = `@vad/native: native backend not built (${reason}); backend auto falls back to wasm and says how to enable it`;
  if (required) {
    process.stderr.write(`${line}\n`);
    process.exit(1);
  }
  process.stdout.write(`${line}\n`);
  process.exit(0);
}

const headers = ['/usr/include/oneapi/dnnl/dnnl.hpp', '/usr/local/include/oneapi/dnnl/dnnl.hpp'];
if (!headers.some((h) => existsSync(h))) skip('oneDNN headers not found');
// npm names its bundled node-gyp in npm_config_node_gyp for lifecycle scripts; outside npm, use the
// copy next to this node. Node's own headers (no download) when the installation ships them.
const prefix = dirname(dirname(process.execPath));
const gyp = [process.env.npm_config_node_gyp, join(prefix, 'lib/node_modules/npm/node_modules/node-gyp/bin/node-gyp.js')].find((p) => p !== undefined && existsSync(p));
const nodedir = existsSync(join(prefix, 'include/node/node_api.h')) ? [`--nodedir=${prefix}`] : [];
const [command, args] = gyp !== undefined ? [process.execPath, [gyp, 'rebuild', '--jobs=2', ...nodedir]] : ['node-gyp', ['rebuild', ...nodedir]];
const result = spawnSync(command, args, { cwd: root, stdio: ['ignore', 'inherit', 'inherit'] });
if (result.error !== undefined) skip(`node-gyp could not start: ${result.error.message}`);
if (result.status !== 0) skip(`node-gyp exited with ${result.status}`);
process.stdout.write('@vad/native: built build/Release/vad_native.node (oneDNN)\n');
