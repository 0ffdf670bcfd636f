// Generates src/generated/ from the bundled spec: the openapi-typescript types and the runtime tables
// the client needs. Run `pnpm generate`; `--out DIR` writes elsewhere (the drift test uses it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@feishu-task/spec-tools';
import openapiTS, { astToString } from 'openapi-typescript';
import { buildTables } from './tables.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : resolve(here, '../src/generated');
const spec = loadSpec(import.meta.url);

const banner = '// Generated from @feishu-task/openapi by packages/types/scripts/generate.mjs. Do not edit.\n';

mkdirSync(outDir, { recursive: true });
const types = astToString(await openapiTS(spec, { alphabetize: false, defaultNonNullable: false }));
writeFileSync(resolve(outDir, 'openapi.ts'), `${banner}/* eslint-disable */\n${types}`);
writeFileSync(resolve(outDir, 'tables.ts'), banner + buildTables(loadSpec(import.meta.url, 'dereferenced')));
console.log(`generated ${outDir}/openapi.ts and tables.ts`);
