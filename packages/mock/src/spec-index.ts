// What the front knows of the platform is the shared model (@feishu-task/platform), built from
// @feishu-task/openapi's dereferenced bundle and the generated tables, as the emulator's is. Only the
// path of the bundle Prism serves is the mock's own.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { createPlatform, type DocumentedAnswer, type Platform, type PlatformOperation } from '@feishu-task/platform';

export type Example = DocumentedAnswer;
export type IndexedOperation = PlatformOperation;
export type MockSpec = Platform;

const require = createRequire(import.meta.url);

/** The bundled spec Prism serves. */
export const bundledSpecPath = (): string => require.resolve('@feishu-task/openapi/openapi.json');
const dereferencedSpecPath = (): string => require.resolve('@feishu-task/openapi/openapi.dereferenced.json');

export function indexSpec(path = dereferencedSpecPath()): MockSpec {
  return createPlatform(JSON.parse(readFileSync(path, 'utf8')));
}
