// In a browser there is no file to read the bundled spec from: bundlers swap ./spec.js for this file
// (the package.json `browser` field), and the engine then needs `createEmulator({ spec })`.
import type { Json } from '@feishu-task/platform';

export type { Json };

export function loadBundledSpec(): Json {
  throw new TypeError(
    'the emulator in a browser needs the dereferenced spec: createEmulator({ spec: await (await fetch(url)).json() }) (@feishu-task/openapi/openapi.dereferenced.json)',
  );
}
