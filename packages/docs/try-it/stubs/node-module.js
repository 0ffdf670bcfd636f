// The emulator loads Ajv with createRequire (CommonJS from ESM, in Node). In the browser bundle the same
// modules are imported statically and handed out by name; build.mjs resolves them from the emulator.
import Ajv2020 from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';

const modules = { 'ajv/dist/2020.js': { default: Ajv2020 }, 'ajv-formats': { default: addFormats } };

export function createRequire() {
  return (id) => {
    const found = modules[id];
    if (!found) throw new Error(`try-it: the browser bundle has no module "${id}" (add it to stubs/node-module.js)`);
    return found;
  };
}
