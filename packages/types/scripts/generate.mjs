// Generates src/generated/ from the bundled spec: the openapi-typescript types and the runtime tables
// the client needs (all operations together, and each on its own in per-operation.ts). Run `pnpm generate`;
// `--out DIR` writes elsewhere (the drift test uses it).
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { loadSpec } from '@feishu-task/spec-tools';
import openapiTS, { astToString, stringToAST, tsLiteral, tsUnion } from 'openapi-typescript';
import { buildPerOperation, buildTables } from './tables.mjs';

const here = dirname(fileURLToPath(import.meta.url));
const outFlag = process.argv.indexOf('--out');
const outDir = outFlag > 0 ? resolve(process.argv[outFlag + 1]) : resolve(here, '../src/generated');
const spec = loadSpec(import.meta.url);

const banner = '// Generated from @feishu-task/openapi by packages/types/scripts/generate.mjs. Do not edit.\n';

// The spec writes an open enum (a response value that may grow on the server) as
// `anyOf: [{type: string, enum: [known...]}, {type: string}]`. openapi-typescript would print
// `'a' | 'b' | string`, which TypeScript reduces to `string`; `(string & {})` keeps the known values in
// autocompletion while any string is accepted.
const ANY_STRING = stringToAST('type T = (string & {});')[0].type;
function openEnum(schema) {
  const [known, other] = schema.anyOf ?? [];
  const isOpen =
    schema.anyOf?.length === 2 && Array.isArray(known?.enum) && other?.type === 'string' && other.enum === undefined;
  return isOpen ? tsUnion([...known.enum.map(tsLiteral), ANY_STRING]) : undefined;
}

// "At least one of these fields" is written as `anyOf: [{required: [a]}, {required: [b]}]` beside
// `properties` (the v1 collaborators body). openapi-typescript turns required-only alternatives into
// `unknown`, which would erase the body's type; spell each alternative out as the full object instead.
function spellOutRequiredAlternatives(node) {
  if (Array.isArray(node)) return node.forEach(spellOutRequiredAlternatives);
  if (!node || typeof node !== 'object') return;
  const onlyRequired = (s) => s && Object.keys(s).length === 1 && Array.isArray(s.required);
  if (node.properties && Array.isArray(node.anyOf) && node.anyOf.every(onlyRequired)) {
    const { properties, required = [], additionalProperties } = node;
    node.anyOf = node.anyOf.map((alt) => ({
      type: 'object',
      properties,
      required: [...required, ...alt.required],
      ...(additionalProperties === undefined ? {} : { additionalProperties }),
    }));
    delete node.properties;
    delete node.required;
  }
  for (const value of Object.values(node)) spellOutRequiredAlternatives(value);
}
spellOutRequiredAlternatives(spec);

mkdirSync(outDir, { recursive: true });
const types = astToString(
  await openapiTS(spec, { alphabetize: false, defaultNonNullable: false, transform: openEnum }),
);
writeFileSync(resolve(outDir, 'openapi.ts'), `${banner}/* eslint-disable */\n${types}`);
const dereferenced = loadSpec(import.meta.url, 'dereferenced');
writeFileSync(resolve(outDir, 'tables.ts'), banner + buildTables(dereferenced));
writeFileSync(resolve(outDir, 'per-operation.ts'), banner + buildPerOperation(dereferenced));
console.log(`generated ${outDir}/openapi.ts, tables.ts and per-operation.ts`);
