// Run by the version command (`pnpm version-packages`, after `changeset version`): sets the spec's
// info.version to @feishu-task/openapi's new version and records the spec as released in
// baseline/openapi.yaml, the file the breaking-change gate compares with.
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundle } from './breaking-gate.mjs';

const specDir = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { version } = JSON.parse(readFileSync(join(specDir, 'package.json'), 'utf8'));
const entry = join(specDir, 'openapi.yaml');
const text = readFileSync(entry, 'utf8');
// info.version is the only two-space-indented `version:` key of the entry file.
const next = text.replace(/^( {2}version: ).*$/m, `$1${version}`);
if (!/^ {2}version: /m.test(text)) throw new Error('no info.version in spec/openapi.yaml');
writeFileSync(entry, next);
bundle(entry, join(specDir, 'baseline/openapi.yaml'), join(specDir, '../redocly.yaml'));
console.log(`spec: info.version ${version}; baseline/openapi.yaml records it as the last release`);
